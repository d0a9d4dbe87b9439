/** Default BullMQ queue name shared by coordinators and workers. */
export const DEFAULT_QUEUE_NAME = 'firesale-mc';

const RUN_ID_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;

/**
 * Checks a run id: letters, digits, `_`, `.`, `-` (BullMQ job ids may not contain `:`).
 * @throws Error naming the field when the id is not usable.
 */
export function assertRunId(runId: string): void {
  if (!RUN_ID_PATTERN.test(runId)) {
    throw new Error(`runId: "${runId}" must be 1-128 characters of letters, digits, "_", "." or "-"`);
  }
}

/** Redis keys of one Monte Carlo run (outside BullMQ's own keys). */
export type RunKeys = {
  /** Hash: `plan` (JSON), `planHash` (SHA-256 hex), `batchCount`. */
  readonly meta: string;
  /** Hash: batch index (decimal) → BatchSummary JSON, each field written once (HSETNX). */
  readonly results: string;
};

/** The Redis keys of run `runId` on queue `queueName`. */
export function runKeys(queueName: string, runId: string): RunKeys {
  const base = `firesale:mc:${queueName}:${runId}`;
  return { meta: `${base}:meta`, results: `${base}:results` };
}

/**
 * The BullMQ job id of one batch: `${runId}.${batchIndex}`. Adding a job whose id exists is a no-op in BullMQ, so
 * re-enqueueing a batch after a coordinator restart never duplicates it. (BullMQ rejects `:` in custom ids.)
 */
export function batchJobId(runId: string, batchIndex: number): string {
  return `${runId}.${batchIndex}`;
}

/** The data of one batch job: which run, which batch. The plan itself is read from the run's meta hash. */
export type BatchJobData = {
  readonly runId: string;
  readonly batchIndex: number;
};

/** The BullMQ job name used for batch jobs. */
export const BATCH_JOB_NAME = 'mc-batch';

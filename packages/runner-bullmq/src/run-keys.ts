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
  /** List: batch indices in the order their results were stored (the coordinator reads it from a cursor). */
  readonly done: string;
};

/** The Redis keys of run `runId` on queue `queueName`. */
export function runKeys(queueName: string, runId: string): RunKeys {
  const base = `firesale:mc:${queueName}:${runId}`;
  return { meta: `${base}:meta`, results: `${base}:results`, done: `${base}:done` };
}

/**
 * The BullMQ job id of one batch: `${runId}.${batchIndex}`. Adding a job whose id exists is a no-op in BullMQ, so
 * re-enqueueing a batch after a coordinator restart never duplicates it. (BullMQ rejects `:` in custom ids.)
 */
export function batchJobId(runId: string, batchIndex: number): string {
  return `${runId}.${batchIndex}`;
}

/**
 * Stores a batch result once: HSETNX into the results hash and, only if this write was the first, RPUSH of the
 * batch index onto the done list, atomically. KEYS: results, done; ARGV: batch index, summary JSON, TTL in seconds set on
 * the two keys if they have none yet (an unfinished run). Returns 1 if
 * stored, 0 if the batch was already held (a duplicate, ignored).
 */
export const STORE_RESULT_SCRIPT = `if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  redis.call('RPUSH', KEYS[2], ARGV[1])
  if redis.call('TTL', KEYS[1]) < 0 then
    redis.call('EXPIRE', KEYS[1], ARGV[3])
    redis.call('EXPIRE', KEYS[2], ARGV[3])
  end
  return 1
end
return 0`;

/** Seconds an unfinished run's keys are kept in Redis (a coordinator may resume it within this time). */
export const RUNNING_TTL_SECONDS = 7 * 86_400;

/** The data of one batch job: which run, which batch. The plan itself is read from the run's meta hash. */
export type BatchJobData = {
  readonly runId: string;
  readonly batchIndex: number;
};

/** The BullMQ job name used for batch jobs. */
export const BATCH_JOB_NAME = 'mc-batch';

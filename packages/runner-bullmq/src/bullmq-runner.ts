import type { BatchSummary, JobRunner, MonteCarloPlan, MonteCarloSummary } from '@firesale/risk';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { BatchOps } from './batch-ops';
import { defaultBatchOps } from './default-batch-ops';
import { planBatchCount, batchPathCount } from './plan-batches';
import { canonicalJson, planHash } from './plan-hash';
import { openRedis } from './redis-connection';
import { assertRunId, BATCH_JOB_NAME, RUNNING_TTL_SECONDS, batchJobId, DEFAULT_QUEUE_NAME, runKeys, type BatchJobData, type RunKeys } from './run-keys';

/** Options of {@link createBullmqRunner}. */
export type BullmqRunnerOptions = {
  /** Redis URL, e.g. `redis://127.0.0.1:6379` (same for coordinator and workers). */
  readonly redisUrl: string;
  /** BullMQ queue name; workers must listen on the same one. Default `firesale-mc`. */
  readonly queueName?: string;
  /**
   * Identifies the run in Redis (letters, digits, `_ . -`). A coordinator started again with the same run id and
   * plan resumes: it keeps the batch results Redis holds and enqueues only the missing batches. Default
   * `mc-<first 16 hex digits of the plan's SHA-256>`, so re-running the same plan resumes (or returns at once if
   * complete and still kept, see `resultTtlSeconds`).
   */
  readonly runId?: string;
  /** Time allowed to reach Redis before failing, in milliseconds. Default 3,000. */
  readonly connectTimeoutMs?: number;
  /** How often the coordinator polls the results hash, in milliseconds. Default 100. */
  readonly pollIntervalMs?: number;
  /** Attempts per batch job when a worker's batch throws something other than a plan error. Default 3. */
  readonly jobAttempts?: number;
  /** How long a finished run's plan and results stay in Redis, in seconds. Default 86,400 (one day). */
  readonly resultTtlSeconds?: number;
  /** Merge/finalize functions; default those of `@firesale/risk`. */
  readonly batchOps?: Pick<BatchOps, 'mergeSummaries' | 'finalizeSummary' | 'validatePlan'>;
};

/** A coordinator `JobRunner` on BullMQ: what {@link createBullmqRunner} returns. */
export type BullmqRunner = JobRunner & {
  readonly kind: 'bullmq';
  /** The queue batches go to. */
  readonly queueName: string;
  /** The run id `run` uses for `plan` (the option, or the one derived from the plan's hash). */
  runIdFor(plan: MonteCarloPlan): string;
};

/** How often outstanding jobs are checked for failure or disappearance, in milliseconds. */
const JOB_CHECK_INTERVAL_MS = 1_000;
/** How many of the lowest outstanding batches are checked each time. */
const JOB_CHECK_WINDOW = 32;

/**
 * Creates a coordinator that runs a Monte Carlo plan across machines: one BullMQ job per batch (job id
 * `${runId}.${batchIndex}`, so re-enqueueing is a no-op), the plan stored once in Redis, each batch result stored
 * once in a hash keyed by batch index (workers write with HSETNX, so a retried batch whose first attempt also
 * finished is ignored and every path is counted once), merged strictly in batch order, so the summary is
 * identical to the inline runner's for the same plan.
 *
 * Workers are separate processes started with `firesale-worker --redis <url>` (or {@link startBullmqWorker}).
 *
 * @throws {@link RedisUnreachableError} from `run` when Redis cannot be reached within `connectTimeoutMs`.
 * @example
 * ```ts
 * const runner = createBullmqRunner({ redisUrl: 'redis://127.0.0.1:6379' });
 * try {
 *   const summary = await runner.run(plan, { onProgress: (p) => console.error(p.pathsDone, '/', p.pathsTotal) });
 * } finally {
 *   await runner.close();
 * }
 * ```
 */
export function createBullmqRunner(options: BullmqRunnerOptions): BullmqRunner {
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  if (options.runId !== undefined) assertRunId(options.runId);
  const pollIntervalMs = options.pollIntervalMs ?? 100;
  const jobAttempts = options.jobAttempts ?? 3;
  const resultTtlSeconds = options.resultTtlSeconds ?? 86_400;
  const ops: Pick<BatchOps, 'mergeSummaries' | 'finalizeSummary' | 'validatePlan'> = options.batchOps ?? defaultBatchOps;
  let connection: Promise<{ redis: Redis; queue: Queue<BatchJobData> }> | undefined;

  const connect = () => {
    connection ??= openRedis(options.redisUrl, {
      role: 'command',
      ...(options.connectTimeoutMs !== undefined ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    }).then((redis) => ({ redis, queue: new Queue<BatchJobData>(queueName, { connection: redis }) }));
    connection.catch(() => {
      connection = undefined;
    });
    return connection;
  };

  const runIdFor = (plan: MonteCarloPlan) => options.runId ?? `mc-${planHash(plan).slice(0, 16)}`;

  return {
    kind: 'bullmq',
    queueName,
    runIdFor,
    async run(plan, runOptions = {}): Promise<MonteCarloSummary> {
      const { signal, onProgress, packageVersions } = runOptions;
      signal?.throwIfAborted();
      const startedAt = Date.now();
      ops.validatePlan?.(plan);
      const batchCount = planBatchCount(plan);
      const hash = planHash(plan);
      const runId = runIdFor(plan);
      const { mergeSummaries, finalizeSummary } = ops;
      const { redis, queue } = await connect();
      const keys = runKeys(queueName, runId);

      await storePlan(redis, keys, plan, hash, batchCount, runId);
      const held = new Set((await redis.hkeys(keys.results)).map(Number));
      const missing: number[] = [];
      for (let b = 0; b < batchCount; b++) if (!held.has(b)) missing.push(b);
      await enqueueBatches(queue, runId, missing, jobAttempts);

      const received = new Set<number>();
      const outOfOrder = new Map<number, BatchSummary>();
      let merged: BatchSummary | undefined;
      let nextIndex = 0;
      let pathsDone = 0;
      let lastJobCheck = Date.now();
      let reportedOnce = false;

      let doneCursor = 0;
      for (;;) {
        signal?.throwIfAborted();
        const [[, doneList], [, runError]] = (await redis.multi().lrange(keys.done, doneCursor, -1).hget(keys.meta, 'error').exec()) as [
          [unknown, string[]],
          [unknown, string | null],
        ];
        if (runError) throw new Error(`run ${runId} failed on a worker: ${runError}`);
        doneCursor += doneList.length;
        const fresh = [...new Set(doneList.map(Number))].filter((b) => !received.has(b));
        if (fresh.length > 0) {
          const texts = await redis.hmget(keys.results, ...fresh.map(String));
          fresh.forEach((batchIndex, i) => {
            const summary = parseBatchSummary(texts[i], batchIndex, plan, runId);
            received.add(batchIndex);
            outOfOrder.set(batchIndex, summary);
            pathsDone += summary.pathCount;
          });
          // Merge strictly in batch order; later batches wait until every earlier one has arrived.
          for (let s = outOfOrder.get(nextIndex); s !== undefined; s = outOfOrder.get(nextIndex)) {
            merged = merged === undefined ? s : mergeSummaries(merged, s);
            outOfOrder.delete(nextIndex);
            nextIndex++;
          }
          onProgress?.({ pathsDone, pathsTotal: plan.paths, elapsedMs: Date.now() - startedAt });
          reportedOnce = true;
        } else if (!reportedOnce) {
          onProgress?.({ pathsDone, pathsTotal: plan.paths, elapsedMs: Date.now() - startedAt });
          reportedOnce = true;
        }
        if (nextIndex === batchCount) break;
        if (Date.now() - lastJobCheck >= JOB_CHECK_INTERVAL_MS) {
          lastJobCheck = Date.now();
          await checkOutstandingJobs(queue, redis, keys, runId, batchCount, received, jobAttempts);
        }
        await sleep(pollIntervalMs, signal);
      }
      if (merged === undefined || pathsDone !== plan.paths) {
        throw new Error(`run ${runId}: merged ${pathsDone} paths, expected ${plan.paths}`);
      }
      await redis.multi().expire(keys.meta, resultTtlSeconds).expire(keys.results, resultTtlSeconds).expire(keys.done, resultTtlSeconds).exec();
      return finalizeSummary(plan, merged, packageVersions);
    },
    async close() {
      const open = connection;
      connection = undefined;
      if (!open) return;
      const { redis, queue } = await open.catch(() => ({ redis: undefined, queue: undefined }));
      await queue?.close();
      if (redis && redis.status !== 'end') await redis.quit().catch(() => redis.disconnect());
    },
  };
}

async function storePlan(redis: Redis, keys: RunKeys, plan: MonteCarloPlan, hash: string, batchCount: number, runId: string) {
  await redis
    .multi()
    .hsetnx(keys.meta, 'planHash', hash)
    .hsetnx(keys.meta, 'plan', canonicalJson(plan))
    .hsetnx(keys.meta, 'batchCount', String(batchCount))
    .expire(keys.meta, RUNNING_TTL_SECONDS)
    .expire(keys.results, RUNNING_TTL_SECONDS)
    .expire(keys.done, RUNNING_TTL_SECONDS)
    .exec();
  const stored = await redis.hget(keys.meta, 'planHash');
  if (stored !== hash) {
    throw new Error(
      `runId: run "${runId}" in Redis holds a different plan (sha256 ${String(stored).slice(0, 12)}…, this plan ${hash.slice(0, 12)}…); choose another runId`,
    );
  }
}

/** Adds the jobs of `batches`; jobs that already exist (waiting, active, delayed) are left alone, failed ones retried. */
async function enqueueBatches(queue: Queue<BatchJobData>, runId: string, batches: readonly number[], attempts: number) {
  const states = await Promise.all(batches.map((b) => queue.getJobState(batchJobId(runId, b))));
  const toAdd: number[] = [];
  await Promise.all(
    batches.map(async (batchIndex, i) => {
      const state = states[i];
      if (state === 'unknown') {
        toAdd.push(batchIndex);
      } else if (state === 'failed') {
        await (await queue.getJob(batchJobId(runId, batchIndex)))?.retry('failed');
      } else if (state === 'completed') {
        // Completed but its result is not in the hash (expired): run it again.
        await (await queue.getJob(batchJobId(runId, batchIndex)))?.remove();
        toAdd.push(batchIndex);
      }
    }),
  );
  toAdd.sort((a, b) => a - b);
  const chunk = 1_000;
  for (let i = 0; i < toAdd.length; i += chunk) {
    await queue.addBulk(
      toAdd.slice(i, i + chunk).map((batchIndex) => ({
        name: BATCH_JOB_NAME,
        data: { runId, batchIndex },
        opts: {
          jobId: batchJobId(runId, batchIndex),
          attempts,
          removeOnComplete: true,
          removeOnFail: { age: RUNNING_TTL_SECONDS },
        },
      })),
    );
  }
}

/** Fails the run on a batch job that failed for good; re-adds a job that vanished (removed by hand). */
async function checkOutstandingJobs(
  queue: Queue<BatchJobData>,
  redis: Redis,
  keys: RunKeys,
  runId: string,
  batchCount: number,
  received: ReadonlySet<number>,
  attempts: number,
) {
  const window: number[] = [];
  for (let b = 0; b < batchCount && window.length < JOB_CHECK_WINDOW; b++) if (!received.has(b)) window.push(b);
  const states = await Promise.all(window.map((b) => queue.getJobState(batchJobId(runId, b))));
  for (let i = 0; i < window.length; i++) {
    const batchIndex = window[i] as number;
    if (states[i] === 'failed') {
      const job = await queue.getJob(batchJobId(runId, batchIndex));
      throw new Error(`run ${runId}: batch ${batchIndex} failed on a worker: ${job?.failedReason ?? 'unknown reason'}`);
    }
  }
  // A job that finished between our two reads is removed on completion and shows as unknown: its result is in the
  // hash, so only re-add a batch still missing there.
  const vanished = window.filter((_, i) => states[i] === 'unknown');
  if (vanished.length > 0) {
    const present = await redis.hmget(keys.results, ...vanished.map(String));
    const absent = vanished.filter((_, i) => present[i] === null);
    if (absent.length > 0) await enqueueBatches(queue, runId, absent, attempts);
  }
}

function parseBatchSummary(text: string | null | undefined, batchIndex: number, plan: MonteCarloPlan, runId: string): BatchSummary {
  if (text === null || text === undefined) throw new Error(`run ${runId}: result of batch ${batchIndex} vanished from Redis`);
  const summary = JSON.parse(text) as BatchSummary;
  const expectedPaths = batchPathCount(plan, batchIndex);
  if (summary.batchIndex !== batchIndex || summary.pathCount !== expectedPaths) {
    throw new Error(
      `run ${runId}: result stored for batch ${batchIndex} is for batch ${summary.batchIndex} with ${summary.pathCount} paths (expected ${expectedPaths})`,
    );
  }
  return summary;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

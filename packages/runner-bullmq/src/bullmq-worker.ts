import { hostname } from 'node:os';
import type { MonteCarloPlan } from '@firesale/risk';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { BatchOps } from './batch-ops';
import { defaultBatchOps } from './default-batch-ops';
import { openRedis, redactRedisUrl } from './redis-connection';
import { DEFAULT_QUEUE_NAME, runKeys, RUNNING_TTL_SECONDS, STORE_RESULT_SCRIPT, type BatchJobData } from './run-keys';

/** Options of {@link startBullmqWorker}. */
export type BullmqWorkerOptions = {
  /** Redis URL, e.g. `redis://10.0.0.5:6379` (the coordinator's). */
  readonly redisUrl: string;
  /** BullMQ queue name. Default `firesale-mc`. */
  readonly queueName?: string;
  /**
   * Batches run at once in this process. Default 1: a batch is CPU-bound and synchronous, so run one worker
   * process per core rather than raising this.
   */
  readonly concurrency?: number;
  /**
   * How long a batch's lock lasts without renewal, in milliseconds. A worker that dies (SIGKILL, lost machine)
   * stops renewing; after this time plus up to two `stalledIntervalMs` another worker re-runs the batch. A batch
   * must finish within it (the lock is renewed between event-loop turns, not during a synchronous batch).
   * Default 60,000.
   */
  readonly lockDurationMs?: number;
  /** How often this worker looks for stalled batches of dead workers, in milliseconds. Default 30,000. */
  readonly stalledIntervalMs?: number;
  /** How many times one batch may be recovered from a dead worker before it fails. Default 5. */
  readonly maxStalledCount?: number;
  /** Time allowed to reach Redis at start, in milliseconds. Default 3,000. */
  readonly connectTimeoutMs?: number;
  /** Batch functions; default those of `@firesale/risk`. */
  readonly batchOps?: Pick<BatchOps, 'runBatch' | 'createCache'>;
  /** Called after each batch (for logs): `stored` is false when another attempt had stored that batch already. */
  readonly onBatch?: (event: BatchDoneEvent) => void;
  /** Called when a batch starts (for logs). */
  readonly onBatchStart?: (event: { runId: string; batchIndex: number }) => void;
  /** Called when a batch fails (for logs). */
  readonly onBatchError?: (event: { runId: string; batchIndex: number; message: string }) => void;
};

/** What a worker reports after a batch. */
export type BatchDoneEvent = {
  readonly runId: string;
  readonly batchIndex: number;
  readonly pathCount: number;
  readonly stored: boolean;
  readonly durationMs: number;
};

/** A running worker: {@link startBullmqWorker}'s result. */
export type BullmqWorkerHandle = {
  readonly queueName: string;
  /** The Redis address, password redacted. */
  readonly address: string;
  /** Stops taking batches, waits for the running ones to finish and store, disconnects. */
  close(): Promise<void>;
};

/** Parsed plans kept per process (the same plan object lets the batch cache find its built simulator at once). */
const MAX_CACHED_RUNS = 2;

type CachedRun = { readonly planHash: string; readonly plan: MonteCarloPlan };

/**
 * Starts a worker that takes Monte Carlo batch jobs from the queue, runs `runBatch` with a per-process cache (the
 * simulator for a plan is built once and reused), and stores each result once (HSETNX into the run's results hash, plus the batch index on its done list),
 * so a batch re-run after a worker died counts once. A plan error (the batch function throws) fails the run at once
 * rather than being retried.
 *
 * @throws {@link RedisUnreachableError} when Redis cannot be reached within `connectTimeoutMs`.
 * @example
 * ```ts
 * const worker = await startBullmqWorker({ redisUrl: 'redis://10.0.0.5:6379' });
 * process.on('SIGTERM', () => void worker.close());
 * ```
 */
export async function startBullmqWorker(options: BullmqWorkerOptions): Promise<BullmqWorkerHandle> {
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  const ops = options.batchOps ?? defaultBatchOps;
  const redis = await openRedis(options.redisUrl, {
    role: 'blocking',
    ...(options.connectTimeoutMs !== undefined ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
  });
  const runs = new Map<string, CachedRun>();
  // One cache per process: the simulator of a plan is built on its first batch and reused for every later one.
  const cache = ops.createCache();

  const loadRun = async (runId: string): Promise<CachedRun> => {
    const keys = runKeys(queueName, runId);
    const hash = await redis.hget(keys.meta, 'planHash');
    const cached = runs.get(runId);
    if (cached && cached.planHash === hash) return cached;
    const planText = await redis.hget(keys.meta, 'plan');
    if (hash === null || planText === null) throw new UnrecoverableError(`run ${runId}: no plan in Redis (expired?)`);
    const run: CachedRun = { planHash: hash, plan: JSON.parse(planText) as MonteCarloPlan };
    runs.delete(runId);
    runs.set(runId, run);
    while (runs.size > MAX_CACHED_RUNS) runs.delete(runs.keys().next().value as string);
    return run;
  };

  const processBatch = async (job: Job<BatchJobData>) => {
    const { runId, batchIndex } = job.data;
    const keys = runKeys(queueName, runId);
    const field = String(batchIndex);
    // A retry of a batch whose earlier attempt already stored its result has nothing to do.
    if ((await redis.hexists(keys.results, field)) === 1) return { stored: false };
    const run = await loadRun(runId);
    options.onBatchStart?.({ runId, batchIndex });
    const startedAt = Date.now();
    let summary;
    try {
      summary = await ops.runBatch(run.plan, batchIndex, cache);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.onBatchError?.({ runId, batchIndex, message });
      // The batch function is deterministic: retrying the same plan fails the same way, so fail the run now.
      await redis.hsetnx(keys.meta, 'error', `batch ${batchIndex}: ${message}`);
      throw new UnrecoverableError(message);
    }
    const stored = (await redis.eval(STORE_RESULT_SCRIPT, 2, keys.results, keys.done, field, JSON.stringify(summary), RUNNING_TTL_SECONDS)) === 1;
    options.onBatch?.({ runId, batchIndex, pathCount: summary.pathCount, stored, durationMs: Date.now() - startedAt });
    return { stored };
  };

  const worker = new Worker<BatchJobData>(queueName, processBatch, {
    connection: redis,
    name: `${hostname()}:${process.pid}`,
    concurrency: options.concurrency ?? 1,
    lockDuration: options.lockDurationMs ?? 60_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: options.maxStalledCount ?? 5,
    removeOnComplete: { count: 0 },
  });
  // Connection errors are retried by ioredis; without a listener BullMQ would print them as unhandled.
  worker.on('error', () => undefined);
  await worker.waitUntilReady();

  return {
    queueName,
    address: redactRedisUrl(options.redisUrl),
    async close() {
      await worker.close();
      if (redis.status !== 'end') await (redis as Redis).quit().catch(() => redis.disconnect());
    },
  };
}

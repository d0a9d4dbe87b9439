import { parseArgs } from 'node:util';
import { startBullmqWorker, type BullmqWorkerHandle, type BullmqWorkerOptions } from './bullmq-worker';
import { DEFAULT_QUEUE_NAME } from './run-keys';

const USAGE = `usage: firesale-worker --redis <url> [--queue <name>] [--concurrency <n>]
                       [--lock-duration <ms>] [--stalled-interval <ms>] [--verbose]

Takes Monte Carlo batches from a BullMQ queue on Redis and runs them (firesale mc --runner bullmq).
  --redis <url>            Redis URL, e.g. redis://10.0.0.5:6379 (required)
  --queue <name>           queue name (default ${DEFAULT_QUEUE_NAME})
  --concurrency <n>        batches at once in this process (default 1; run one process per core instead)
  --lock-duration <ms>     batch lock; a dead worker's batch is re-run after about this long (default 60000)
  --stalled-interval <ms>  how often to look for batches of dead workers (default 30000)
  --verbose                one line per batch on stderr`;

/** Where the worker command writes and how it waits for a stop signal (replaceable in tests). */
export type WorkerCliIo = {
  readonly writeError: (line: string) => void;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM by default). */
  readonly stopRequested: () => Promise<string>;
  /** Extra options passed to {@link startBullmqWorker} (tests inject batch functions). */
  readonly workerOptions?: Partial<BullmqWorkerOptions>;
  /** Called once the worker is running. */
  readonly onStarted?: (worker: BullmqWorkerHandle) => void;
};

const defaultIo: WorkerCliIo = {
  writeError: (line) => process.stderr.write(`${line}\n`),
  stopRequested: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    }),
};

/**
 * The `firesale-worker` command: parses `argv` (without `node` and the script), starts a worker, runs until
 * SIGINT/SIGTERM, then finishes the running batch and exits. Returns the exit code: 0 after a clean stop, 1 when
 * Redis is unreachable or the arguments are wrong (message on stderr, e.g.
 * `firesale: cannot reach Redis at redis://127.0.0.1:6390 (ECONNREFUSED)`).
 */
export async function runWorkerCli(argv: readonly string[], io: WorkerCliIo = defaultIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        redis: { type: 'string' },
        queue: { type: 'string' },
        concurrency: { type: 'string' },
        'lock-duration': { type: 'string' },
        'stalled-interval': { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    io.writeError(`firesale: ${(error as Error).message}`);
    io.writeError(USAGE);
    return 1;
  }
  if (values.help) {
    io.writeError(USAGE);
    return 0;
  }
  if (!values.redis) {
    io.writeError('firesale: --redis <url> is required');
    io.writeError(USAGE);
    return 1;
  }
  const numbers: Record<string, number | undefined> = {};
  for (const name of ['concurrency', 'lock-duration', 'stalled-interval'] as const) {
    const text = values[name];
    if (text === undefined) continue;
    const n = Number(text);
    if (!Number.isInteger(n) || n <= 0) {
      io.writeError(`firesale: --${name}: "${text}" must be a positive integer`);
      return 1;
    }
    numbers[name] = n;
  }
  const verbose = values.verbose === true;
  let worker: BullmqWorkerHandle;
  try {
    worker = await startBullmqWorker({
      redisUrl: values.redis,
      ...(values.queue ? { queueName: values.queue } : {}),
      ...(numbers.concurrency ? { concurrency: numbers.concurrency } : {}),
      ...(numbers['lock-duration'] ? { lockDurationMs: numbers['lock-duration'] } : {}),
      ...(numbers['stalled-interval'] ? { stalledIntervalMs: numbers['stalled-interval'] } : {}),
      onBatch: verbose
        ? (e) =>
            io.writeError(
              `firesale-worker: run ${e.runId} batch ${e.batchIndex}: ${e.pathCount} paths in ${e.durationMs} ms${e.stored ? '' : ' (already stored, ignored)'}`,
            )
        : undefined,
      onBatchStart: verbose ? (e) => io.writeError(`firesale-worker: run ${e.runId} batch ${e.batchIndex} started`) : undefined,
      onBatchError: (e) => io.writeError(`firesale-worker: run ${e.runId} batch ${e.batchIndex} failed: ${e.message}`),
      ...io.workerOptions,
    });
  } catch (error) {
    io.writeError(`firesale: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  io.writeError(
    `firesale-worker: pid ${process.pid} waiting for batches on queue ${worker.queueName} at ${worker.address}`,
  );
  io.onStarted?.(worker);
  const signal = await io.stopRequested();
  io.writeError(`firesale-worker: ${signal}, finishing the running batch`);
  await worker.close();
  return 0;
}

import { availableParallelism } from 'node:os';
import { BatchFolder, finalizeSummary, validatePlan, type BatchSummary, type JobRunner } from '@firesale/risk';
import { Piscina } from 'piscina';
import type { WorkerBatchTask, WorkerResult, WorkerTask } from './worker-task';

/** Options of {@link createWorkerRunner}. */
export type WorkerRunnerOptions = {
  /** Worker threads (default: the machine's available parallelism). */
  readonly threads?: number;
  /** Batches queued per thread at a time (bounds memory on huge runs). Default 4. */
  readonly queuePerThread?: number;
  /** Module whose `venueFactories` export the workers use instead of the SDK's venue models. */
  readonly venueFactoriesModule?: string;
  /** The worker script (default: the built `worker.js` beside this module). */
  readonly workerUrl?: URL;
};

/** A {@link JobRunner} on worker threads, with its thread count and a way to wait for the threads to start. */
export type WorkerRunner = JobRunner & {
  readonly threads: number;
  /**
   * Resolves once every thread has started and loaded the engine's modules (threads start when the runner is
   * created; a run started before they are up waits for them). For servers that create the runner ahead of the
   * work, and for benchmarks that time runs, not thread start-up.
   */
  ready(): Promise<void>;
};

/**
 * A `JobRunner` on Node worker threads (piscina). Batches go to the threads as they free up; each thread
 * builds the engine's index once per plan and reuses it. Summaries are folded in batch order
 * ({@link BatchFolder}), so the result is byte-identical to the inline runner's for the same plan.
 *
 * @example
 * ```ts
 * const runner = createWorkerRunner({ threads: 2 });
 * const summary = await runner.run(plan, { onProgress: (p) => console.log(p.pathsDone) });
 * await runner.close();
 * ```
 */
export function createWorkerRunner(options: WorkerRunnerOptions = {}): WorkerRunner {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const workerUrl = options.workerUrl ?? new URL('./worker.js', import.meta.url);
  // Two tasks per thread: the next batch is already in the thread's queue when one finishes, instead of waiting for
  // the main thread to take the result and send another (that round trip cost a thread ~6% of its time).
  const pool = new Piscina<WorkerTask, WorkerResult>({ filename: workerUrl.href, minThreads: threads, maxThreads: threads, idleTimeout: 60_000, concurrentTasksPerWorker: 2 });
  const inFlightLimit = threads * Math.max(1, options.queuePerThread ?? 4);
  // Every task handed to the pool until it settles, also those of an aborted or failed run, so close() can let
  // them finish: destroying the pool under a running task makes piscina throw on its late reply.
  const unsettled = new Set<Promise<unknown>>();
  return {
    kind: 'workers',
    threads,
    async run(plan, runOptions = {}) {
      validatePlan(plan);
      const started = Date.now();
      const folder = new BatchFolder(plan);
      const signal = runOptions.signal;
      let nextBatch = 0;
      let failure: unknown;
      await new Promise<void>((resolve, reject) => {
        let inFlight = 0;
        const fail = (error: unknown): void => {
          if (failure !== undefined) return;
          failure = error;
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        };
        // Abort stops queueing at once; batches already on a thread finish and are dropped. The signal is not
        // handed to piscina: aborting a task a thread is finishing races its reply ("Unexpected message from Worker").
        const onAbort = (): void => fail(signal?.reason ?? new Error('aborted'));
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        const pump = (): void => {
          if (failure !== undefined) return;
          while (inFlight < inFlightLimit && nextBatch < folder.total) {
            const batchIndex = nextBatch++;
            inFlight++;
            const task: WorkerBatchTask = { plan, batchIndex, ...(options.venueFactoriesModule ? { venueFactoriesModule: options.venueFactoriesModule } : {}) };
            const pending = pool.run(task);
            unsettled.add(pending);
            void pending.finally(() => unsettled.delete(pending)).catch(() => undefined);
            pending.then(
              (summary) => {
                inFlight--;
                if (failure !== undefined) return;
                folder.add(typeof summary === 'string' ? (JSON.parse(summary) as BatchSummary) : (summary as BatchSummary));
                runOptions.onProgress?.({ pathsDone: folder.pathsDone, pathsTotal: plan.paths, elapsedMs: Date.now() - started });
                if (folder.complete) {
                  signal?.removeEventListener('abort', onAbort);
                  resolve();
                } else pump();
              },
              (error: unknown) => {
                inFlight--;
                fail(error);
              },
            );
          }
        };
        pump();
      });
      return finalizeSummary(plan, folder.result(), runOptions.packageVersions);
    },
    async ready() {
      // Pings sent together go to different idle threads, each answered once that thread's modules are loaded;
      // rounds repeat until every thread has answered.
      const ping: WorkerTask = { ping: true };
      const answered = new Set<number>();
      for (let round = 0; answered.size < threads && round < 20; round++) {
        for (const id of await Promise.all(Array.from({ length: threads }, () => pool.run(ping)))) answered.add(id as number);
      }
    },
    async close() {
      await Promise.allSettled([...unsettled]);
      await pool.destroy();
    },
  };
}

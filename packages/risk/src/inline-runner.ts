import { createBatchCache, type BatchCacheOptions } from './batch-cache';
import { BatchFolder } from './batch-folder';
import { finalizeSummary } from './finalize-summary';
import type { JobRunner } from './job-runner';
import { runBatch } from './run-batch';
import { validatePlan } from './validate-plan';

/**
 * A `JobRunner` that runs every batch in this thread, one after another, yielding to the event loop between
 * batches (so progress bars draw and an abort signal is seen). The simulator is built once per plan.
 */
export function createInlineRunner(options: BatchCacheOptions = {}): JobRunner {
  const cache = createBatchCache(options);
  return {
    kind: 'inline',
    async run(plan, runOptions = {}) {
      validatePlan(plan);
      const started = Date.now();
      const folder = new BatchFolder(plan);
      let lastYield = started;
      for (let b = 0; b < folder.total; b++) {
        runOptions.signal?.throwIfAborted();
        folder.add(runBatch(plan, b, cache));
        runOptions.onProgress?.({ pathsDone: folder.pathsDone, pathsTotal: plan.paths, elapsedMs: Date.now() - started });
        if (Date.now() - lastYield > 50) {
          await new Promise<void>((resolve) => setTimeout(resolve, 0));
          lastYield = Date.now();
        }
      }
      return finalizeSummary(plan, folder.result(), runOptions.packageVersions);
    },
    close: async () => {},
  };
}

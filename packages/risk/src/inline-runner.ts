import { createBatchCache, type BatchCacheOptions } from './batch-cache';
import { finalizeSummary } from './finalize-summary';
import type { JobRunner } from './job-runner';
import { batchCount, batchRange, runPaths } from './run-batch';
import { SummaryTotals } from './summary-totals';
import { validatePlan } from './validate-plan';

/**
 * A `JobRunner` that runs every batch in this thread, one after another, yielding to the event loop between
 * batches (so progress bars draw and an abort signal is seen). The simulator is built once per plan, and every
 * path folds into one summary as it finishes: what the run keeps grows only with the sketches' bucket ranges.
 */
export function createInlineRunner(options: BatchCacheOptions = {}): JobRunner {
  const cache = createBatchCache(options);
  return {
    kind: 'inline',
    async run(plan, runOptions = {}) {
      validatePlan(plan);
      const started = Date.now();
      const state = cache.get(plan);
      // Every batch folds into one set of totals: merging exact sketches is associative, so this is the summary the
      // other runners get by merging per-batch summaries, without building one per batch.
      const totals = SummaryTotals.forPaths(state, plan.horizonSeconds, plan.badDebtThresholdQuote ?? 0);
      const total = batchCount(plan);
      let lastYield = started;
      for (let b = 0; b < total; b++) {
        runOptions.signal?.throwIfAborted();
        const { start, end } = batchRange(plan, b);
        runPaths(plan, state, start, end, totals);
        runOptions.onProgress?.({ pathsDone: end, pathsTotal: plan.paths, elapsedMs: Date.now() - started });
        if (Date.now() - lastYield > 50) {
          await yieldToEventLoop();
          lastYield = Date.now();
        }
      }
      return finalizeSummary(plan, totals.toSummary(0, total), runOptions.packageVersions);
    },
    close: async () => {},
  };
}

/**
 * Lets the event loop run (progress output, timers, an abort). `setImmediate` where there is one: `setTimeout(0)` waits
 * at least 1 ms, which over a long run (a yield every 50 ms) idled the runner ~2% of the time.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

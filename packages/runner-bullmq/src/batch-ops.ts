import type { BatchCache, BatchSummary, MonteCarloPlan, MonteCarloSummary } from '@firesale/risk';

/**
 * The Monte Carlo functions the runner distributes: by default those of `@firesale/risk`. Replaceable so a test or
 * an embedding application can run its own batch function over the same queue mechanics.
 */
export type BatchOps = {
  /** Checks the plan before anything is enqueued (throws naming the field). */
  validatePlan?(plan: MonteCarloPlan): void;
  /** Runs paths `[b*batchSize, min(paths, (b+1)*batchSize))` of the plan; `cache` holds the built simulator. */
  runBatch(plan: MonteCarloPlan, batchIndex: number, cache: BatchCache): BatchSummary | Promise<BatchSummary>;
  /** Associative merge of two batch summaries (applied strictly in batch order). */
  mergeSummaries(a: BatchSummary, b: BatchSummary): BatchSummary;
  /** Turns the merged summary of all batches into the run's result (with the manifest). */
  finalizeSummary(plan: MonteCarloPlan, merged: BatchSummary, packageVersions?: Readonly<Record<string, string>>): MonteCarloSummary;
  /** Creates the per-process cache (one simulator per plan, reused for every batch). */
  createCache(): BatchCache;
};

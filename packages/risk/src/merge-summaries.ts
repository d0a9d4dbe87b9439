import type { BatchSummary } from './job-runner';
import { SummaryTotals } from './summary-totals';

/**
 * Merges the summaries of two groups of batches. Counts add and sketches merge exactly, so the operation is
 * associative (and commutative): any grouping of merges gives the same summary. Runners still fold in batch
 * order so every runner produces the same bytes.
 *
 * @throws Error when the summaries come from different plans (different markets or accounts).
 */
export function mergeSummaries(a: BatchSummary, b: BatchSummary): BatchSummary {
  return new SummaryTotals(a).add(b).toSummary();
}

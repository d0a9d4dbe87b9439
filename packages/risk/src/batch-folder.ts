import type { BatchSummary, MonteCarloPlan } from './job-runner';
import { batchCount } from './run-batch';
import { SummaryTotals } from './summary-totals';

/**
 * Folds batch summaries strictly in batch order, buffering those that arrive early until the gap before them is
 * filled; a batch delivered twice (a retried job) is counted once. Every runner uses it, so all of them merge
 * the same summaries in the same order, in place ({@link SummaryTotals}).
 */
export class BatchFolder {
  private totals: SummaryTotals | undefined;
  private next = 0;
  private readonly pending = new Map<number, BatchSummary>();
  private pathsDoneCount = 0;
  readonly total: number;

  constructor(plan: MonteCarloPlan) {
    this.total = batchCount(plan);
  }

  /** Adds one batch's summary; returns false if that batch was already added (a duplicate). */
  add(summary: BatchSummary): boolean {
    const b = summary.batchIndex;
    if (b < this.next || this.pending.has(b) || b >= this.total) return false;
    this.pending.set(b, summary);
    this.pathsDoneCount += summary.pathCount;
    for (let s = this.pending.get(this.next); s !== undefined; s = this.pending.get(this.next)) {
      this.pending.delete(this.next);
      if (this.totals) this.totals.add(s);
      else this.totals = new SummaryTotals(s);
      this.next++;
    }
    return true;
  }

  /** Paths whose batch has been added (merged or buffered). */
  get pathsDone(): number {
    return this.pathsDoneCount;
  }

  /** True once every batch has been merged. */
  get complete(): boolean {
    return this.next === this.total;
  }

  /** Batches not yet received. */
  missing(): number[] {
    const out: number[] = [];
    for (let b = this.next; b < this.total; b++) if (!this.pending.has(b)) out.push(b);
    return out;
  }

  /** The merged summary of every batch. @throws Error while batches are missing. */
  result(): BatchSummary {
    if (!this.complete || !this.totals) throw new Error(`batches missing: ${this.missing().slice(0, 10).join(', ')}`);
    return this.totals.toSummary();
  }
}

import { GrowableFloat64 } from '@firesale/core';

/**
 * A price sampled at each engine step by carrying the last observation forward: the value at step k is the last
 * price observed at or before the step's time (NaN before the first observation). One number per step is kept.
 */
export class StepSeries {
  readonly values = new GrowableFloat64(256);
  private last = NaN;
  /** True once any price was observed. */
  observed = false;

  /** Records a price observed during step `step` (its time is in (step-1, step] steps). */
  observe(step: number, price: number): void {
    while (this.values.length < step) this.values.push(this.last);
    this.last = price;
    this.observed = true;
  }

  /** Fills the series up to and including `lastStep`. */
  finish(lastStep: number): Float64Array {
    while (this.values.length <= lastStep) this.values.push(this.last);
    return this.values.view().subarray(0, lastStep + 1);
  }
}

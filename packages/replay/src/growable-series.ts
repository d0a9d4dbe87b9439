/** A Float64Array that grows by doubling; `length` is the used part. */
export class GrowableSeries {
  data: Float64Array;
  length = 0;
  constructor(capacity = 64) {
    this.data = new Float64Array(Math.max(capacity, 4));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  /** Adds `value` at `index`, growing with zeros up to it. */
  addAt(index: number, value: number): void {
    while (this.length <= index) this.push(0);
    this.data[index]! += value;
  }
  /** The used part (a view, not a copy). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * A price sampled at each engine step by carrying the last observation forward: the value at step k is the last
 * price observed at or before the step's time (NaN before the first observation). One number per step is kept.
 */
export class StepSeries {
  readonly values = new GrowableSeries(256);
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

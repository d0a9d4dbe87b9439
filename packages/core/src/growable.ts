/** A typed array that grows by doubling; `length` is the used part. Appends allocate only when it grows. */
export class GrowableFloat64 {
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
  /** A copy of the used part. */
  toArray(): number[] {
    return Array.from(this.data.subarray(0, this.length));
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

/** A growable Uint32Array (ids, indices). */
export class GrowableUint32 {
  data: Uint32Array;
  length = 0;
  constructor(capacity = 64) {
    this.data = new Uint32Array(Math.max(capacity, 4));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

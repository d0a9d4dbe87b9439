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

/**
 * Growable arrays lent to one run at a time and kept for the next: a run borrows them in the same order every
 * time, so after the first run each keeps the capacity its role needs and later runs allocate nothing (fresh
 * memory is slow to touch, and Monte Carlo runs thousands of paths on one simulator).
 */
export class GrowablePool {
  private readonly float64: GrowableFloat64[] = [];
  private readonly uint32: GrowableUint32[] = [];
  private float64Used = 0;
  private uint32Used = 0;

  /** Returns every array to the pool (their contents become garbage). */
  reset(): void {
    this.float64Used = 0;
    this.uint32Used = 0;
  }

  /** The next float column, emptied. */
  f64(): GrowableFloat64 {
    const g = (this.float64[this.float64Used++] ??= new GrowableFloat64());
    g.length = 0;
    return g;
  }

  /** The next id column, emptied. */
  u32(): GrowableUint32 {
    const g = (this.uint32[this.uint32Used++] ??= new GrowableUint32());
    g.length = 0;
    return g;
  }
}

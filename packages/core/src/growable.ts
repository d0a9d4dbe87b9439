/** A typed array that grows by doubling; `length` is the used part. Appends allocate only when it grows. */
export class GrowableFloat64 {
  data: Float64Array;
  length = 0;
  constructor(capacity = 64) {
    this.data = new Float64Array(Math.max(capacity, 4));
  }
  push(value: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }
  // Out of line, so that `push` stays small enough for V8 to inline wherever it is called.
  private grow(): void {
    const next = new Float64Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
  /** A copy of the used part (a plain loop: no view or iterator objects, for a report built per Monte Carlo path). */
  toArray(): number[] {
    const out = new Array<number>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.data[i]!;
    return out;
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
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = value;
  }
  private grow(): void {
    const next = new Uint32Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}

/** Fixed-length typed arrays of one kind, handed out in order and kept: the k-th borrow of a run reuses the k-th array. */
class FixedArrays<A extends { readonly length: number; fill(value: number): A }> {
  private readonly arrays: A[] = [];
  private used = 0;

  constructor(private readonly make: (length: number) => A) {}

  reset(): void {
    this.used = 0;
  }

  next(length: number, value: number): A {
    const k = this.used++;
    if (this.arrays[k]?.length !== length) this.arrays[k] = this.make(length);
    return this.arrays[k]!.fill(value);
  }
}

/**
 * Growable and fixed-length typed arrays lent to one run at a time and kept for the next: a run borrows them in the
 * same order every time, so after the first run each keeps the capacity its role needs and later runs allocate
 * nothing (fresh memory is slow to touch, and a Monte Carlo path that allocates little keeps the garbage collector
 * from growing the heap).
 */
export class GrowablePool {
  private readonly floatColumns: GrowableFloat64[] = [];
  private readonly idColumns: GrowableUint32[] = [];
  private float64Used = 0;
  private uint32Used = 0;
  private readonly float64Arrays = new FixedArrays((n) => new Float64Array(n));
  private readonly int32Arrays = new FixedArrays((n) => new Int32Array(n));
  private readonly uint32Arrays = new FixedArrays((n) => new Uint32Array(n));
  private readonly uint8Arrays = new FixedArrays((n) => new Uint8Array(n));

  /** Returns every array to the pool (their contents become garbage). */
  reset(): void {
    this.float64Used = 0;
    this.uint32Used = 0;
    this.float64Arrays.reset();
    this.int32Arrays.reset();
    this.uint32Arrays.reset();
    this.uint8Arrays.reset();
  }

  /** The next float column, emptied. */
  f64(): GrowableFloat64 {
    const g = (this.floatColumns[this.float64Used++] ??= new GrowableFloat64());
    g.length = 0;
    return g;
  }

  /** The next id column, emptied. */
  u32(): GrowableUint32 {
    const g = (this.idColumns[this.uint32Used++] ??= new GrowableUint32());
    g.length = 0;
    return g;
  }

  /** The next fixed-length float array, every element set to `value`. */
  float64(length: number, value = 0): Float64Array {
    return this.float64Arrays.next(length, value);
  }

  /** The next fixed-length integer array, zeroed. */
  int32(length: number): Int32Array {
    return this.int32Arrays.next(length, 0);
  }

  /** The next fixed-length id array, zeroed. */
  uint32(length: number): Uint32Array {
    return this.uint32Arrays.next(length, 0);
  }

  /** The next fixed-length flag array, zeroed. */
  uint8(length: number): Uint8Array {
    return this.uint8Arrays.next(length, 0);
  }
}

import { DenseStore } from './dense-store';

/**
 * A mergeable quantile sketch with log-spaced buckets (DDSketch style): every value v with |v| above
 * {@link MIN_INDEXABLE} falls in bucket `ceil(log_gamma |v|)`, gamma = (1 + a) / (1 - a), so every quantile is
 * returned within relative accuracy `a` of a value of the sample. Buckets hold integer counts, so merging adds
 * counts: exact, associative and order-independent, and the number of buckets is bounded by the value range
 * (memory stays flat however many values are added).
 */
export type SketchData = {
  /** Relative accuracy `a` of the buckets (0.002: quantiles within 0.2%). */
  readonly relativeAccuracy: number;
  readonly count: number;
  /** Values with |v| <= {@link MIN_INDEXABLE} (counted as 0). */
  readonly zeroCount: number;
  readonly min: number;
  readonly max: number;
  /** Positive values: ascending bucket keys and their counts. */
  readonly positive: SketchStore;
  /** Negative values by |v|: ascending bucket keys and their counts. */
  readonly negative: SketchStore;
};

/** Sparse bucket counts, keys ascending. */
export type SketchStore = { readonly keys: readonly number[]; readonly counts: readonly number[] };

/** Magnitudes at or below this count as zero. */
export const MIN_INDEXABLE = 1e-12;

/** Default relative accuracy of firesale's sketches: 0.2%. */
export const DEFAULT_RELATIVE_ACCURACY = 0.002;

/** A sketch being filled (mutable, dense typed-array stores); {@link LogSketch.toData} freezes it into {@link SketchData}. */
export class LogSketch {
  readonly relativeAccuracy: number;
  private readonly invLnGamma: number;
  count = 0;
  zeroCount = 0;
  min = Infinity;
  max = -Infinity;
  private readonly pos = new DenseStore();
  private readonly neg = new DenseStore();

  constructor(relativeAccuracy = DEFAULT_RELATIVE_ACCURACY) {
    this.relativeAccuracy = relativeAccuracy;
    this.invLnGamma = 1 / Math.log(bucketGamma(relativeAccuracy));
  }

  /** Adds one value (NaN is ignored; ±Infinity is clamped to ±Number.MAX_VALUE). */
  add(value: number): void {
    if (Number.isNaN(value)) return;
    const v = Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, value));
    this.count++;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    const magnitude = Math.abs(v);
    if (magnitude <= MIN_INDEXABLE) {
      this.zeroCount++;
      return;
    }
    const key = Math.ceil(Math.log(magnitude) * this.invLnGamma);
    const store = v > 0 ? this.pos : this.neg;
    store.add(key, 1);
  }

  /**
   * Empties the sketch for reuse. Its stores keep the key range they cover, so refilling it with values of the
   * same range allocates nothing.
   */
  clear(): void {
    this.count = 0;
    this.zeroCount = 0;
    this.min = Infinity;
    this.max = -Infinity;
    this.pos.clear();
    this.neg.clear();
  }

  /** A live sketch holding `data` (to merge more into it). */
  static fromData(data: SketchData): LogSketch {
    return new LogSketch(data.relativeAccuracy).merge(data);
  }

  /**
   * Adds every value a serialised sketch of the same accuracy holds, in place (bucket counts add, so the result
   * is exactly the sketch of both sets of values).
   *
   * @throws Error when the relative accuracies differ.
   */
  merge(data: SketchData): this {
    if (data.relativeAccuracy !== this.relativeAccuracy) {
      throw new Error(`cannot merge sketches of accuracy ${this.relativeAccuracy} and ${data.relativeAccuracy}`);
    }
    if (data.count === 0) return this;
    this.count += data.count;
    this.zeroCount += data.zeroCount;
    if (data.min < this.min) this.min = data.min;
    if (data.max > this.max) this.max = data.max;
    this.pos.addStore(data.positive);
    this.neg.addStore(data.negative);
    return this;
  }

  /** The sketch as plain JSON-serialisable data. */
  toData(): SketchData {
    return {
      relativeAccuracy: this.relativeAccuracy,
      count: this.count,
      zeroCount: this.zeroCount,
      min: this.count === 0 ? 0 : this.min,
      max: this.count === 0 ? 0 : this.max,
      positive: this.pos.toStore(),
      negative: this.neg.toStore(),
    };
  }
}


/** The ratio between consecutive bucket bounds of a sketch of relative accuracy `a`: (1 + a) / (1 - a). */
function bucketGamma(relativeAccuracy: number): number {
  return (1 + relativeAccuracy) / (1 - relativeAccuracy);
}

/** An empty sketch's data. */
export function emptySketch(relativeAccuracy = DEFAULT_RELATIVE_ACCURACY): SketchData {
  return new LogSketch(relativeAccuracy).toData();
}

/**
 * Merges two sketches exactly (bucket counts add), so merging is associative and commutative.
 *
 * @throws Error when their relative accuracies differ.
 */
export function mergeSketches(a: SketchData, b: SketchData): SketchData {
  return LogSketch.fromData(a).merge(b).toData();
}

/** The buckets of a sketch in ascending value order: representative value and count. */
export function sketchBuckets(sketch: SketchData): { value: number; count: number }[] {
  const walk = new BucketWalk(sketch);
  const out: { value: number; count: number }[] = [];
  for (let i = 0; i < walk.length; i++) out.push({ value: walk.value(i), count: walk.count(i) });
  return out;
}

/**
 * The buckets of a sketch in ascending value order, read by position (negative values by descending key, the zero
 * bucket, positive values by ascending key) without building them: the readers below walk a summary of ~100,000
 * buckets several times as a run finishes, and an object per bucket was megabytes of garbage each time.
 */
class BucketWalk {
  readonly length: number;
  private readonly negatives: number;
  private readonly zeros: number;
  private readonly gamma: number;

  constructor(private readonly sketch: SketchData) {
    this.negatives = sketch.negative.keys.length;
    this.zeros = sketch.zeroCount > 0 ? 1 : 0;
    this.length = this.negatives + this.zeros + sketch.positive.keys.length;
    this.gamma = bucketGamma(sketch.relativeAccuracy);
  }

  count(i: number): number {
    const s = this.sketch;
    if (i < this.negatives) return s.negative.counts[this.negatives - 1 - i]!;
    if (i < this.negatives + this.zeros) return s.zeroCount;
    return s.positive.counts[i - this.negatives - this.zeros]!;
  }

  /** The bucket's representative value, clamped into the sketch's [min, max]. */
  value(i: number): number {
    const s = this.sketch;
    if (i < this.negatives) return this.clamp(-this.representative(s.negative.keys[this.negatives - 1 - i]!));
    if (i < this.negatives + this.zeros) return 0;
    return this.clamp(this.representative(s.positive.keys[i - this.negatives - this.zeros]!));
  }

  private representative(key: number): number {
    return (2 * Math.pow(this.gamma, key)) / (this.gamma + 1);
  }

  private clamp(value: number): number {
    return Math.min(this.sketch.max, Math.max(this.sketch.min, value));
  }
}

/**
 * The q-quantile (0 <= q <= 1) of the sketched values, within the sketch's relative accuracy of a sample value
 * of rank `floor(q * (count - 1))`. NaN for an empty sketch.
 */
export function sketchQuantile(sketch: SketchData, q: number): number {
  if (sketch.count === 0) return NaN;
  if (q <= 0) return sketch.min;
  if (q >= 1) return sketch.max;
  const rank = Math.floor(q * (sketch.count - 1));
  const walk = new BucketWalk(sketch);
  let seen = 0;
  for (let i = 0; i < walk.length; i++) {
    seen += walk.count(i);
    if (seen > rank) return walk.value(i);
  }
  return sketch.max;
}

/** Mean of the sketched values (from bucket representatives: within the relative accuracy). NaN when empty. */
export function sketchMean(sketch: SketchData): number {
  if (sketch.count === 0) return NaN;
  const walk = new BucketWalk(sketch);
  let sum = 0;
  for (let i = 0; i < walk.length; i++) sum += walk.value(i) * walk.count(i);
  return sum / sketch.count;
}

/**
 * Expected shortfall at confidence c: the mean of the worst (largest) `(1 - c)` share of the values, the
 * boundary bucket counted fractionally. NaN when empty.
 */
export function sketchTailMean(sketch: SketchData, confidence: number): number {
  if (sketch.count === 0) return NaN;
  const tail = Math.max(1, (1 - confidence) * sketch.count);
  const walk = new BucketWalk(sketch);
  let remaining = tail;
  let sum = 0;
  for (let i = walk.length - 1; i >= 0 && remaining > 0; i--) {
    const take = Math.min(remaining, walk.count(i));
    sum += take * walk.value(i);
    remaining -= take;
  }
  return sum / (tail - remaining);
}

/** Share of values strictly above `threshold` (bucket resolution). */
export function sketchExceedance(sketch: SketchData, threshold: number): number {
  if (sketch.count === 0) return NaN;
  const walk = new BucketWalk(sketch);
  let above = 0;
  for (let i = 0; i < walk.length; i++) if (walk.value(i) > threshold) above += walk.count(i);
  return above / sketch.count;
}

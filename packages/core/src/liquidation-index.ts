import { sortByKey } from './sort-by-key';

/**
 * Per market and side, the positions sorted by liquidation price: longs from the highest trigger down, shorts
 * from the lowest up. As the mark price moves, a pointer walks each segment, so finding what a price move
 * triggers costs only the positions it triggers (never a scan of all positions).
 *
 * Built once with one counting-sort pass into price buckets (typed arrays, O(n)) and reused by every run: runs
 * keep their own pointers. A bucket's positions are put in their final order only when a walk first reaches the
 * bucket ({@link LiquidationIndex.sortThrough}): a cascade reaches the few buckets near the price path, so the
 * build never pays to order the rest. Once sorted, a bucket stays sorted for every later run.
 */
export class LiquidationIndex {
  /** Position ids, segment after segment; in final order below each segment's {@link LiquidationIndex.sortedEnd}. */
  readonly order: Uint32Array;
  /**
   * The liquidation price (quote) of `order[p]` at slot `p`, so a walk reads prices in order instead of jumping
   * around the trigger column (a cache miss per position otherwise).
   */
  readonly orderTrigger: Float64Array;
  /** First slot of each segment in `order`; segment = market * 2 + (long ? 0 : 1). */
  readonly segmentStart: Uint32Array;
  /** One past the last slot of each segment. */
  readonly segmentEnd: Uint32Array;
  /** Per segment, one past the last slot already in final order. */
  readonly sortedEnd: Uint32Array;
  /** One past the last slot of every bucket, segment after segment. */
  private readonly bucketEnd: Uint32Array;
  /** Per segment, the next bucket (index into `bucketEnd`) to sort, and one past its last bucket. */
  private readonly nextBucket: Uint32Array;
  private readonly bucketsEnd: Uint32Array;

  private constructor(
    order: Uint32Array,
    orderTrigger: Float64Array,
    private readonly trigger: Float64Array,
    segmentStart: Uint32Array,
    segmentEnd: Uint32Array,
    bucketEnd: Uint32Array,
    nextBucket: Uint32Array,
    bucketsEnd: Uint32Array,
  ) {
    this.order = order;
    this.orderTrigger = orderTrigger;
    this.segmentStart = segmentStart;
    this.segmentEnd = segmentEnd;
    this.sortedEnd = Uint32Array.from(segmentStart);
    this.bucketEnd = bucketEnd;
    this.nextBucket = nextBucket;
    this.bucketsEnd = bucketsEnd;
  }

  /**
   * Puts every slot of `segment` up to and including `slot` in final order (and the rest of the bucket that
   * holds it). Cheap when they already are: a walk calls it only when it reaches `sortedEnd`.
   */
  sortThrough(segment: number, slot: number): void {
    const sortedEnd = this.sortedEnd;
    let b = this.nextBucket[segment]!;
    const last = this.bucketsEnd[segment]!;
    const sign = segment % 2 === 0 ? -1 : 1;
    const order = this.order;
    const prices = this.orderTrigger;
    while (sortedEnd[segment]! <= slot && b < last) {
      const from = sortedEnd[segment]!;
      const to = this.bucketEnd[b++]!;
      for (let p = from; p < to; p++) prices[p] = sign * this.trigger[order[p]!]!;
      if (to - from > 1) sortByKey(order, prices, from, to);
      if (sign === -1) for (let p = from; p < to; p++) prices[p] = -prices[p]!;
      sortedEnd[segment] = to;
    }
    this.nextBucket[segment] = b;
  }

  /** Puts every segment in final order (for tests and tools that read `order` whole). */
  sortAll(): void {
    for (let s = 0; s < this.segmentEnd.length; s++) this.sortThrough(s, this.segmentEnd[s]!);
  }

  /**
   * Groups the positions that `indexed[i] === 1` marks by market and side, and within each group into price
   * buckets in trigger order (ties keep position order). A long with trigger <= 0 or a short with a non-finite
   * trigger can never be liquidated by price and is left out. `ranges` are the segments' sizes and key ranges when
   * the caller gathered them while computing the triggers (one pass over the positions fewer).
   */
  static build(
    count: number,
    marketCount: number,
    marketIndex: Uint16Array,
    side: Int8Array,
    trigger: Float64Array,
    indexed: Uint8Array,
    ranges: SegmentRanges = SegmentRanges.scan(count, marketCount, marketIndex, side, trigger, indexed),
  ): LiquidationIndex {
    // Segment = market * 2 + (long ? 0 : 1), key = -side * price, so both sides run from the first position to be
    // liquidated. Written without branches on the side (random sides mispredict).
    const segments = marketCount * 2;
    const { sizes, lo, hi } = ranges;
    const segmentStart = new Uint32Array(segments);
    const segmentEnd = new Uint32Array(segments);
    const firstBucket = new Uint32Array(segments + 1);
    const scale = new Float64Array(segments);
    let total = 0;
    for (let s = 0; s < segments; s++) {
      segmentStart[s] = total;
      total += sizes[s]!;
      segmentEnd[s] = total;
      const span = hi[s]! - lo[s]!;
      const wanted = Math.min(sizes[s]!, BUCKETS);
      // One bucket where the span is empty, too narrow (denormal) or too wide (overflow) to divide.
      const k = wanted > 1 && span > 0 ? (wanted - 1) / span : 0;
      const usable = k > 0 && Number.isFinite(k) && Number.isFinite(span);
      scale[s] = usable ? k : 0;
      firstBucket[s + 1] = firstBucket[s]! + (sizes[s] === 0 ? 0 : usable ? wanted : 1);
    }
    // Bucket b of segment s holds the keys in [lo + b / scale, lo + (b + 1) / scale). Each position's bucket is
    // computed once and kept for the scatter (NOT_INDEXED for the positions left out).
    const bucketEnd = new Uint32Array(firstBucket[segments]!);
    const bucketOf = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      const sd = side[i]!;
      const t = trigger[i]!;
      if (indexed[i] !== 1 || !reachableTrigger(sd, t)) {
        bucketOf[i] = NOT_INDEXED;
        continue;
      }
      const s = marketIndex[i]! * 2 + ((1 - sd) >> 1);
      // Truncated (the product is never negative): in a one-bucket segment whose keys are too far apart for a double,
      // `key - lo` can overflow to Infinity, and Infinity × 0 is NaN, which `| 0` makes bucket 0 (Math.floor kept
      // NaN, and the position landed in another segment).
      const b = firstBucket[s]! + (((-sd * t - lo[s]!) * scale[s]!) | 0);
      bucketOf[i] = b;
      bucketEnd[b]!++;
    }
    // Counts to each bucket's first slot; the scatter then moves each to one past its last.
    let slot = 0;
    for (let b = 0; b < bucketEnd.length; b++) {
      const size = bucketEnd[b]!;
      bucketEnd[b] = slot;
      slot += size;
    }
    const order = new Uint32Array(total);
    for (let i = 0; i < count; i++) {
      const b = bucketOf[i]!;
      if (b !== NOT_INDEXED) order[bucketEnd[b]!++] = i;
    }
    return new LiquidationIndex(order, new Float64Array(total), trigger, segmentStart, segmentEnd, bucketEnd, firstBucket.slice(0, segments), firstBucket.subarray(1));
  }
}

/**
 * Per segment of a {@link LiquidationIndex} (market × side), how many positions it takes and their lowest and
 * highest key (`-side × trigger`). Gathered run by run ({@link SegmentRanges.addRun}) by whoever computes the
 * triggers, or in a pass of its own ({@link SegmentRanges.scan}).
 */
export class SegmentRanges {
  readonly sizes: Uint32Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;

  constructor(marketCount: number) {
    this.sizes = new Uint32Array(marketCount * 2);
    this.lo = new Float64Array(marketCount * 2).fill(Infinity);
    this.hi = new Float64Array(marketCount * 2).fill(-Infinity);
  }

  /**
   * Counts positions `from` to `to` (exclusive), all indexed and on `market`, except those whose trigger can never
   * be reached (the index leaves them out too).
   */
  addRun(market: number, side: Int8Array, trigger: Float64Array, from: number, to: number): void {
    const { sizes, lo, hi } = this;
    const long = market * 2;
    for (let i = from; i < to; i++) {
      const sd = side[i]!;
      const t = trigger[i]!;
      if (!reachableTrigger(sd, t)) continue;
      const key = -sd * t;
      const s = long + ((1 - sd) >> 1);
      sizes[s]!++;
      if (key < lo[s]!) lo[s] = key;
      if (key > hi[s]!) hi[s] = key;
    }
  }

  /** The ranges of the positions that `indexed[i] === 1` marks, in one pass. */
  static scan(count: number, marketCount: number, marketIndex: Uint16Array, side: Int8Array, trigger: Float64Array, indexed: Uint8Array): SegmentRanges {
    const ranges = new SegmentRanges(marketCount);
    for (let i = 0; i < count; ) {
      if (indexed[i] !== 1) {
        i++;
        continue;
      }
      const end = indexedRunEnd(indexed, marketIndex, i, count);
      ranges.addRun(marketIndex[i]!, side, trigger, i, end);
      i = end;
    }
    return ranges;
  }
}

/**
 * One past the last position of the run that starts at the indexed position `from`: the positions after it that are
 * indexed too and on the same market, up to `limit` (exclusive).
 */
function indexedRunEnd(indexed: Uint8Array, marketIndex: Uint16Array, from: number, limit: number): number {
  const market = marketIndex[from]!;
  let end = from + 1;
  while (end < limit && indexed[end] === 1 && marketIndex[end] === market) end++;
  return end;
}

/** `bucketOf` of a position the index leaves out. */
const NOT_INDEXED = 0xffffffff;

/**
 * Buckets per segment at build time. Few enough that the scatter's write streams stay in the CPU's caches and
 * TLB (65,536 made the scatter three times slower); a bucket is sorted further only when a walk reaches it.
 */
const BUCKETS = 512;
/** A long liquidates only at a positive price; a short at any finite one. Indexed by `(side + 1) >> 1`. */
const LOWEST_TRIGGER = new Float64Array([-Infinity, 0]);

/**
 * Whether some mark price reaches a liquidation price `trigger` of a position on `side` (1 long, -1 short); the
 * index leaves the others out. Tested without a branch on the side (random sides mispredict).
 */
export function reachableTrigger(side: number, trigger: number): boolean {
  return trigger > LOWEST_TRIGGER[(side + 1) >> 1]! && trigger < Infinity;
}

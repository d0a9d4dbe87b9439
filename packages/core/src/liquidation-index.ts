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
   * trigger can never be liquidated by price and is left out. `ranges` lay out the buckets (by default the exact
   * ranges of the positions, in a pass of their own); any ranges give the same index, only buckets more or less even.
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
    const buckets = new IndexBuckets(count, ranges);
    addIndexedRuns(buckets, count, marketIndex, side, trigger, indexed);
    return LiquidationIndex.fromBuckets(buckets, trigger);
  }

  /**
   * The index of the positions counted into `buckets` (whose `trigger` they were counted by): each bucket's
   * positions in position order, bucket after bucket; a walk sorts a bucket when it reaches it. Takes over the
   * buckets' arrays (`buckets` is spent).
   */
  static fromBuckets(buckets: IndexBuckets, trigger: Float64Array): LiquidationIndex {
    const { firstBucket, bucketOf } = buckets;
    const segments = firstBucket.length - 1;
    const segmentStart = new Uint32Array(segments);
    const segmentEnd = new Uint32Array(segments);
    // Counts to each bucket's first slot; the scatter then moves each to one past its last.
    const bucketEnd = buckets.counts;
    let slot = 0;
    for (let s = 0; s < segments; s++) {
      segmentStart[s] = slot;
      for (let b = firstBucket[s]!; b < firstBucket[s + 1]!; b++) {
        const size = bucketEnd[b]!;
        bucketEnd[b] = slot;
        slot += size;
      }
      segmentEnd[s] = slot;
    }
    const order = new Uint32Array(slot);
    for (let i = 0; i < bucketOf.length; i += BUILD_CHUNK) scatter(i, Math.min(bucketOf.length, i + BUILD_CHUNK), bucketOf, bucketEnd, order);
    return new LiquidationIndex(order, new Float64Array(buckets.slotPrices, 0, slot), trigger, segmentStart, segmentEnd, bucketEnd, firstBucket.slice(0, segments), firstBucket.subarray(1));
  }
}

/**
 * Positions counted into price buckets run by run, as their liquidation prices are computed (while the prices
 * are still in the CPU cache), for {@link LiquidationIndex.fromBuckets}. The buckets of each segment (market ×
 * side) split the key range (`-side × trigger`) of {@link SegmentRanges}, exact or estimated from a sample: keys
 * outside it go to the segment's first or last bucket, so an estimate costs only evenness, never order.
 */
export class IndexBuckets {
  /** First bucket of each segment, and one past the last bucket at the end. */
  readonly firstBucket: Uint32Array;
  /**
   * Room for the index's slot prices (`orderTrigger`), a double per position. Until the index is made from these
   * buckets its first half holds `bucketOf`: the slot prices are written only when a walk sorts a bucket, so the
   * build borrows their memory instead of allocating its own.
   */
  readonly slotPrices: ArrayBuffer;
  /** Each position's bucket plus one; 0 for a position left out of the index (16 bits when they fit). */
  readonly bucketOf: Uint16Array | Uint32Array;
  /** Positions per bucket. */
  readonly counts: Uint32Array;
  private readonly lo: Float64Array;
  private readonly scale: Float64Array;
  /** Per segment, its last bucket's offset (keys above the range are clamped to it). */
  private readonly top: Float64Array;

  /**
   * Buckets for `count` positions laid out by `ranges`; `sizeScale` scales the ranges' sizes to the expected
   * segment sizes (positions over positions sampled, when the ranges are a sample's).
   */
  constructor(count: number, ranges: SegmentRanges, sizeScale = 1) {
    const { sizes, lo, hi } = ranges;
    const segments = sizes.length;
    this.firstBucket = new Uint32Array(segments + 1);
    this.lo = Float64Array.from(lo);
    this.scale = new Float64Array(segments);
    this.top = new Float64Array(segments);
    for (let s = 0; s < segments; s++) {
      const span = hi[s]! - lo[s]!;
      const wanted = Math.min(Math.ceil(sizes[s]! * sizeScale), BUCKETS);
      // One bucket where the span is empty, too narrow (denormal) or too wide (overflow) to divide, or unknown.
      const k = wanted > 1 && span > 0 ? (wanted - 1) / span : 0;
      const usable = k > 0 && Number.isFinite(k) && Number.isFinite(span);
      this.scale[s] = usable ? k : 0;
      this.top[s] = usable ? wanted - 1 : 0;
      this.firstBucket[s + 1] = this.firstBucket[s]! + (usable ? wanted : 1);
    }
    this.slotPrices = new ArrayBuffer(count * Float64Array.BYTES_PER_ELEMENT);
    // Two bytes a position while the buckets number fewer than 65,535 (up to 63 markets): half the memory to write and read.
    const wide = this.firstBucket[segments]! >= 0xffff;
    this.bucketOf = wide ? new Uint32Array(this.slotPrices, 0, count) : new Uint16Array(this.slotPrices, 0, count);
    this.counts = new Uint32Array(this.firstBucket[segments]!);
  }

  /**
   * Counts positions `from` to `to` (exclusive), all indexed and on `market`, into their buckets by `trigger`;
   * leaves out those whose trigger can never be reached. Written without branches on the side (random sides
   * mispredict).
   */
  addRun(market: number, side: Int8Array, trigger: Float64Array, from: number, to: number): void {
    const { firstBucket, lo, scale, top, bucketOf } = this;
    const long = market * 2;
    for (let i = from; i < to; i++) {
      const sd = side[i]!;
      const t = trigger[i]!;
      if (!reachableTrigger(sd, t)) continue;
      const s = long + ((1 - sd) >> 1);
      // Clamped into the segment's buckets. `key - lo` can overflow to Infinity (keys too far apart for a double),
      // and Infinity × 0 in a one-bucket segment is NaN, which the clamp keeps and `| 0` makes bucket 0.
      bucketOf[i] = firstBucket[s]! + (Math.min(Math.max((-sd * t - lo[s]!) * scale[s]!, 0), top[s]!) | 0) + 1;
    }
    const counts = this.counts;
    for (let i = from; i < to; i++) {
      const b = bucketOf[i]!;
      if (b !== 0) counts[b - 1]!++;
    }
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
    addIndexedRuns(ranges, count, marketIndex, side, trigger, indexed);
    return ranges;
  }
}

/** Takes runs of positions, all indexed and on one market, with their liquidation prices. */
export type TriggerRunSink = { addRun(market: number, side: Int8Array, trigger: Float64Array, from: number, to: number): void };

/** Hands `sink` every run of the positions that `indexed[i] === 1` marks (consecutive, on one market). */
function addIndexedRuns(sink: TriggerRunSink, count: number, marketIndex: Uint16Array, side: Int8Array, trigger: Float64Array, indexed: Uint8Array): void {
  for (let i = 0; i < count; ) {
    if (indexed[i] !== 1) {
      i++;
      continue;
    }
    const end = indexedRunEnd(indexed, marketIndex, i, count);
    sink.addRun(marketIndex[i]!, side, trigger, i, end);
    i = end;
  }
}

/**
 * One past the last position of the run that starts at the indexed position `from`: the positions after it that are
 * indexed too and on the same market, up to `limit` (exclusive).
 */
export function indexedRunEnd(indexed: Uint8Array, marketIndex: Uint16Array, from: number, limit: number): number {
  const market = marketIndex[from]!;
  let end = from + 1;
  while (end < limit && indexed[end] === 1 && marketIndex[end] === market) end++;
  return end;
}

/** Positions per call of the build's scatter: a small function called many times is optimised and stays so. */
const BUILD_CHUNK = 16_384;

/** Moves positions `from` to `to` into their buckets' next slots (`next` holds each bucket's next slot). */
function scatter(from: number, to: number, bucketOf: Uint16Array | Uint32Array, next: Uint32Array, order: Uint32Array): void {
  for (let i = from; i < to; i++) {
    const b = bucketOf[i]!;
    if (b !== 0) order[next[b - 1]!++] = i;
  }
}

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

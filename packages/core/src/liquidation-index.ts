/**
 * Per market and side, the positions sorted by liquidation price: longs from the highest trigger down, shorts
 * from the lowest up. As the mark price moves, a pointer walks each segment, so finding what a price move
 * triggers costs only the positions it triggers (never a scan of all positions).
 *
 * Built once with a counting sort into price buckets (typed arrays, O(n) for spread-out prices) and reused by
 * every run: runs keep their own pointers.
 */
export class LiquidationIndex {
  /** Position ids, segment after segment. */
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

  private constructor(order: Uint32Array, orderTrigger: Float64Array, segmentStart: Uint32Array, segmentEnd: Uint32Array) {
    this.order = order;
    this.orderTrigger = orderTrigger;
    this.segmentStart = segmentStart;
    this.segmentEnd = segmentEnd;
  }

  /**
   * Sorts the positions that `indexed[i] === 1` marks by `trigger[i]`, grouped by market and side.
   * A long with trigger <= 0 or a short with a non-finite trigger can never be liquidated by price and is left out.
   */
  static build(
    count: number,
    marketCount: number,
    marketIndex: Uint16Array,
    side: Int8Array,
    trigger: Float64Array,
    indexed: Uint8Array,
  ): LiquidationIndex {
    const segments = marketCount * 2;
    const sizes = new Uint32Array(segments);
    for (let i = 0; i < count; i++) {
      if (indexed[i] !== 1 || !canTrigger(side[i]!, trigger[i]!)) continue;
      sizes[marketIndex[i]! * 2 + (side[i] === 1 ? 0 : 1)]!++;
    }
    const segmentStart = new Uint32Array(segments);
    const segmentEnd = new Uint32Array(segments);
    let total = 0;
    for (let s = 0; s < segments; s++) {
      segmentStart[s] = total;
      total += sizes[s]!;
      segmentEnd[s] = segmentStart[s]!;
    }
    const order = new Uint32Array(total);
    for (let i = 0; i < count; i++) {
      if (indexed[i] !== 1 || !canTrigger(side[i]!, trigger[i]!)) continue;
      order[segmentEnd[marketIndex[i]! * 2 + (side[i] === 1 ? 0 : 1)]!++] = i;
    }
    const orderTrigger = new Float64Array(total);
    const spare: SortSpare = { ids: new Uint32Array(0), keys: new Float64Array(0) };
    for (let s = 0; s < segments; s++) {
      const start = segmentStart[s]!;
      const end = segmentEnd[s]!;
      // Longs liquidate from the highest price down: sorted by the negated price, then turned back.
      const sign = s % 2 === 0 ? -1 : 1;
      sortByTrigger(order.subarray(start, end), orderTrigger.subarray(start, end), trigger, sign, spare);
      if (sign === -1) for (let p = start; p < end; p++) orderTrigger[p] = -orderTrigger[p]!;
    }
    return new LiquidationIndex(order, orderTrigger, segmentStart, segmentEnd);
  }
}

const MAX_BUCKETS = 65_536;
const INSERTION_SORT_MAX = 48;

function canTrigger(side: number, trigger: number): boolean {
  return side === 1 ? trigger > 0 && Number.isFinite(trigger) : Number.isFinite(trigger);
}

/** Room for the scatter step of a counting sort, shared by a build's segments. */
type SortSpare = { ids: Uint32Array; keys: Float64Array };

/**
 * Sorts `ids` by `sign * trigger[id]` ascending (ties by id) and leaves those keys in `keys`. The keys are
 * gathered once, next to the ids, and move with them: every later pass reads memory in order instead of jumping
 * around the trigger column (those cache misses were most of the cost). Then a counting sort into price buckets
 * (at most 65,536, so the counters stay in the CPU cache), insertion sort inside small buckets and the same
 * bucketing again inside crowded ones (prices cluster, as entries do around the market price).
 */
function sortByTrigger(ids: Uint32Array, keys: Float64Array, trigger: Float64Array, sign: 1 | -1, spare: SortSpare): void {
  const len = ids.length;
  for (let i = 0; i < len; i++) keys[i] = sign * trigger[ids[i]!]!;
  if (len < 2) return;
  if (spare.ids.length < len) {
    spare.ids = new Uint32Array(len);
    spare.keys = new Float64Array(len);
  }
  sortPairs({ ids, keys, spareIds: spare.ids, spareKeys: spare.keys }, 0, len, 0);
}

/** Ids with their keys, and as much spare room for the scatter step of a counting sort. */
type SortBuffers = { ids: Uint32Array; keys: Float64Array; spareIds: Uint32Array; spareKeys: Float64Array };

function sortPairs(w: SortBuffers, lo: number, hi: number, depth: number): void {
  const len = hi - lo;
  if (len <= INSERTION_SORT_MAX) {
    insertionSort(w.ids, w.keys, lo, hi);
    return;
  }
  const keys = w.keys;
  let min = Infinity;
  let max = -Infinity;
  for (let i = lo; i < hi; i++) {
    const k = keys[i]!;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (min === max) {
    w.ids.subarray(lo, hi).sort();
    return;
  }
  const buckets = Math.min(len, MAX_BUCKETS);
  const scale = (buckets - 1) / (max - min);
  if (!Number.isFinite(scale) || scale === 0 || depth > 8) {
    // A span too narrow (denormal) or too wide (overflow) to bucket.
    comparisonSort(w.ids, keys, lo, hi);
    return;
  }
  // Counters and cursors per recursion depth, reused across calls.
  const starts = (countsByDepth[depth] ??= new Uint32Array(MAX_BUCKETS + 1));
  const cursor = (cursorsByDepth[depth] ??= new Uint32Array(MAX_BUCKETS));
  starts.fill(0, 0, buckets + 1);
  for (let i = lo; i < hi; i++) starts[Math.floor((keys[i]! - min) * scale) + 1]!++;
  for (let b = 0; b < buckets; b++) {
    starts[b + 1]! += starts[b]!;
    cursor[b] = lo + starts[b]!;
  }
  const ids = w.ids;
  const spareIds = w.spareIds;
  const spareKeys = w.spareKeys;
  for (let i = lo; i < hi; i++) {
    const k = keys[i]!;
    const slot = cursor[Math.floor((k - min) * scale)]!++;
    spareIds[slot] = ids[i]!;
    spareKeys[slot] = k;
  }
  ids.set(spareIds.subarray(lo, hi), lo);
  keys.set(spareKeys.subarray(lo, hi), lo);
  for (let b = 0; b < buckets; b++) {
    const from = lo + starts[b]!;
    const to = lo + starts[b + 1]!;
    if (to - from > 1) sortPairs(w, from, to, depth + 1);
  }
}

const countsByDepth: Uint32Array[] = [];
const cursorsByDepth: Uint32Array[] = [];

function insertionSort(ids: Uint32Array, keys: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const id = ids[i]!;
    const k = keys[i]!;
    let j = i - 1;
    while (j >= lo) {
      const ko = keys[j]!;
      const other = ids[j]!;
      if (ko < k || (ko === k && other < id)) break;
      ids[j + 1] = other;
      keys[j + 1] = ko;
      j--;
    }
    ids[j + 1] = id;
    keys[j + 1] = k;
  }
}

function comparisonSort(ids: Uint32Array, keys: Float64Array, lo: number, hi: number): void {
  const slots = Array.from({ length: hi - lo }, (_, i) => lo + i).sort((x, y) => keys[x]! - keys[y]! || ids[x]! - ids[y]!);
  const sortedIds = slots.map((s) => ids[s]!);
  const sortedKeys = slots.map((s) => keys[s]!);
  ids.set(sortedIds, lo);
  keys.set(sortedKeys, lo);
}

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
  /** First slot of each segment in `order`; segment = market * 2 + (long ? 0 : 1). */
  readonly segmentStart: Uint32Array;
  /** One past the last slot of each segment. */
  readonly segmentEnd: Uint32Array;

  private constructor(order: Uint32Array, segmentStart: Uint32Array, segmentEnd: Uint32Array) {
    this.order = order;
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
    for (let s = 0; s < segments; s++) {
      sortByTrigger(order, segmentStart[s]!, segmentEnd[s]!, trigger, s % 2 === 0 ? -1 : 1);
    }
    return new LiquidationIndex(order, segmentStart, segmentEnd);
  }
}

const MAX_BUCKETS = 65_536;

function canTrigger(side: number, trigger: number): boolean {
  return side === 1 ? trigger > 0 && Number.isFinite(trigger) : Number.isFinite(trigger);
}

/**
 * Sorts `ids[start, end)` by `sign * trigger[id]` ascending (ties by id): a counting sort into price buckets
 * (at most 65,536, so the counters stay in the CPU cache), then insertion sort inside small buckets and the same
 * bucketing again inside crowded ones (prices cluster, as entries do around the market price). Only the ids move;
 * the extra memory is one id per position of the range, which matters because fresh memory is slow to touch.
 */
function sortByTrigger(ids: Uint32Array, start: number, end: number, trigger: Float64Array, sign: 1 | -1, depth = 0): void {
  const len = end - start;
  if (len < 2) return;
  if (len <= 48) {
    insertionSort(ids, start, end, trigger, sign);
    return;
  }
  let min = Infinity;
  let max = -Infinity;
  for (let i = start; i < end; i++) {
    const k = sign * trigger[ids[i]!]!;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  const buckets = Math.min(len, MAX_BUCKETS);
  const scale = (buckets - 1) / (max - min);
  if (min === max || !Number.isFinite(scale) || scale === 0 || depth > 8) {
    // All equal, or a span too narrow (denormal) or too wide (overflow) to bucket.
    const sorted = Array.from(ids.subarray(start, end)).sort((x, y) => sign * trigger[x]! - sign * trigger[y]! || x - y);
    ids.set(sorted, start);
    return;
  }
  // Counters and cursors per recursion depth, reused across calls (fresh memory is slow to touch).
  const starts = (countsByDepth[depth] ??= new Uint32Array(MAX_BUCKETS + 1));
  const cursor = (cursorsByDepth[depth] ??= new Uint32Array(MAX_BUCKETS));
  starts.fill(0, 0, buckets + 1);
  for (let i = start; i < end; i++) starts[Math.floor((sign * trigger[ids[i]!]! - min) * scale) + 1]!++;
  for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
  cursor.set(starts.subarray(0, buckets));
  if (scratch.length < len) scratch = new Uint32Array(Math.max(len, scratch.length * 2));
  for (let i = start; i < end; i++) {
    const id = ids[i]!;
    scratch[cursor[Math.floor((sign * trigger[id]! - min) * scale)]!++] = id;
  }
  ids.set(scratch.subarray(0, len), start);
  for (let b = 0; b < buckets; b++) {
    const lo = start + starts[b]!;
    const hi = start + starts[b + 1]!;
    if (hi - lo > 1) sortByTrigger(ids, lo, hi, trigger, sign, depth + 1);
  }
}

const countsByDepth: Uint32Array[] = [];
const cursorsByDepth: Uint32Array[] = [];
let scratch = new Uint32Array(0);

function insertionSort(ids: Uint32Array, start: number, end: number, trigger: Float64Array, sign: 1 | -1): void {
  for (let i = start + 1; i < end; i++) {
    const id = ids[i]!;
    const k = sign * trigger[id]!;
    let j = i - 1;
    while (j >= start) {
      const other = ids[j]!;
      const ko = sign * trigger[other]!;
      if (ko < k || (ko === k && other < id)) break;
      ids[j + 1] = other;
      j--;
    }
    ids[j + 1] = id;
  }
}

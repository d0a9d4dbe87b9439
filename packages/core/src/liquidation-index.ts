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
      const s = marketIndex[i]! * 2 + (side[i] === 1 ? 0 : 1);
      order[segmentEnd[s]!++] = i;
    }
    const scratch = new Uint32Array(total);
    for (let s = 0; s < segments; s++) {
      sortSegment(order, scratch, segmentStart[s]!, segmentEnd[s]!, trigger, s % 2 === 0);
    }
    return new LiquidationIndex(order, segmentStart, segmentEnd);
  }
}

function canTrigger(side: number, trigger: number): boolean {
  return side === 1 ? trigger > 0 && Number.isFinite(trigger) : Number.isFinite(trigger);
}

/** Counting sort into `len` price buckets, then insertion sort inside each (small) bucket. */
function sortSegment(
  order: Uint32Array,
  scratch: Uint32Array,
  start: number,
  end: number,
  key: Float64Array,
  descending: boolean,
): void {
  const len = end - start;
  if (len < 2) return;
  let min = Infinity;
  let max = -Infinity;
  for (let i = start; i < end; i++) {
    const k = key[order[i]!]!;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (min === max) return;
  const buckets = len;
  const scale = (buckets - 1) / (max - min);
  if (!Number.isFinite(scale) || scale === 0) {
    // A range too narrow (denormal) or too wide (overflow) to bucket: fall back to a comparison sort.
    const slice = Array.from(order.subarray(start, end));
    slice.sort(descending ? (x, y) => key[y]! - key[x]! || x - y : (x, y) => key[x]! - key[y]! || x - y);
    order.set(slice, start);
    return;
  }
  const starts = new Uint32Array(buckets + 1);
  for (let i = start; i < end; i++) {
    const k = key[order[i]!]!;
    const b = descending ? Math.floor((max - k) * scale) : Math.floor((k - min) * scale);
    starts[b + 1]!++;
  }
  for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
  const fill = starts.slice(0, buckets);
  for (let i = start; i < end; i++) {
    const id = order[i]!;
    const k = key[id]!;
    const b = descending ? Math.floor((max - k) * scale) : Math.floor((k - min) * scale);
    scratch[start + fill[b]!++] = id;
  }
  for (let b = 0; b < buckets; b++) {
    const lo = start + starts[b]!;
    const hi = start + starts[b + 1]!;
    if (hi - lo < 2) continue;
    if (hi - lo > 48) {
      const slice = Array.from(scratch.subarray(lo, hi));
      slice.sort(descending ? (x, y) => key[y]! - key[x]! || x - y : (x, y) => key[x]! - key[y]! || x - y);
      scratch.set(slice, lo);
      continue;
    }
    for (let i = lo + 1; i < hi; i++) {
      const id = scratch[i]!;
      const k = key[id]!;
      let j = i - 1;
      while (j >= lo) {
        const other = scratch[j]!;
        const ko = key[other]!;
        const after = descending ? ko < k || (ko === k && other > id) : ko > k || (ko === k && other > id);
        if (!after) break;
        scratch[j + 1] = other;
        j--;
      }
      scratch[j + 1] = id;
    }
  }
  order.set(scratch.subarray(start, end), start);
}

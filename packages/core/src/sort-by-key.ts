/**
 * Sorts ids by a numeric key in place: `ids[lo..hi)` with their `keys[lo..hi)` (moved together) in ascending key
 * order, ties by ascending id. Linear time for spread-out keys: insertion sort when small, else a counting sort into
 * buckets (at most 65,536, so the counters stay in the CPU cache) and the same again inside crowded buckets (prices
 * and scores cluster). Allocates only to grow its shared scratch space.
 */
export function sortByKey(ids: Uint32Array, keys: Float64Array, lo: number, hi: number): void {
  sortPairs(ids, keys, lo, hi, 0);
}

/** Most buckets of a counting sort inside a bucket (so its counters stay in the CPU cache). */
const MAX_BUCKETS = 65_536;
const INSERTION_SORT_MAX = 48;

/** Room for the scatter step of a counting sort inside a crowded bucket, grown as needed and shared. */
let spareIds = new Uint32Array(0);
let spareKeys = new Float64Array(0);
// Counters and cursors per recursion depth, reused across calls.
const countsByDepth: Uint32Array[] = [];
const cursorsByDepth: Uint32Array[] = [];

function sortPairs(ids: Uint32Array, keys: Float64Array, lo: number, hi: number, depth: number): void {
  const len = hi - lo;
  if (len <= INSERTION_SORT_MAX) {
    insertionSort(ids, keys, lo, hi);
    return;
  }
  let min = Infinity;
  let max = -Infinity;
  for (let i = lo; i < hi; i++) {
    const k = keys[i]!;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (min === max) {
    ids.subarray(lo, hi).sort();
    return;
  }
  const buckets = Math.min(len, MAX_BUCKETS);
  const scale = (buckets - 1) / (max - min);
  if (!Number.isFinite(scale) || scale === 0 || depth > 8) {
    comparisonSort(ids, keys, lo, hi);
    return;
  }
  if (spareIds.length < len) {
    spareIds = new Uint32Array(len);
    spareKeys = new Float64Array(len);
  }
  const starts = (countsByDepth[depth] ??= new Uint32Array(MAX_BUCKETS + 1));
  const cursor = (cursorsByDepth[depth] ??= new Uint32Array(MAX_BUCKETS));
  starts.fill(0, 0, buckets + 1);
  for (let i = lo; i < hi; i++) starts[Math.floor((keys[i]! - min) * scale) + 1]!++;
  for (let b = 0; b < buckets; b++) {
    starts[b + 1]! += starts[b]!;
    cursor[b] = starts[b]!;
  }
  for (let i = lo; i < hi; i++) {
    const k = keys[i]!;
    const slot = cursor[Math.floor((k - min) * scale)]!++;
    spareIds[slot] = ids[i]!;
    spareKeys[slot] = k;
  }
  ids.set(spareIds.subarray(0, len), lo);
  keys.set(spareKeys.subarray(0, len), lo);
  for (let b = 0; b < buckets; b++) {
    const from = lo + starts[b]!;
    const to = lo + starts[b + 1]!;
    if (to - from > 1) sortPairs(ids, keys, from, to, depth + 1);
  }
}

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

/**
 * Index of the first of the first `length` entries of ascending `values` that is at least `x`
 * (`length` when none is). O(log length), no allocation.
 */
export function firstAtLeast(values: Float64Array, length: number, x: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index of the first of the first `length` entries of ascending `values` that is above `x`
 * (`length` when none is). O(log length), no allocation.
 */
export function firstAbove(values: Float64Array, length: number, x: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

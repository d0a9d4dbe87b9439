import type { DisplacementShape } from './displacement-book';
import { firstAbove, firstAtLeast } from './sorted-search';

/** What happens to volume beyond the last observed level of a side. */
export type BeyondLastLevel = 'extrapolate' | 'exhaust';

/**
 * One side of an observed book as a step shape. Levels are stored as distance from the initial mid (so they
 * move with the reference price) in typed arrays with cumulative size and cumulative size × distance; every
 * query is a binary search over cumulative depth.
 *
 * - fill displacement of the `u`-th consumed unit: the distance of the level holding it;
 * - mid displacement after consuming `v`: the distance of the best remaining level (first level whose
 *   cumulative size exceeds `v`);
 * - past the last level, `'extrapolate'` continues with the side's average density
 *   (`total size / distance of the last level`, base per quote), `'exhaust'` ends the side.
 *
 * @param distancesQuote - Distance of each level from the initial mid in quote, strictly ascending, above 0.
 * @param sizesBase - Base resting at each level, above 0.
 */
export function createL2Shape(
  distancesQuote: readonly number[],
  sizesBase: readonly number[],
  beyondLastLevel: BeyondLastLevel,
): DisplacementShape {
  const n = distancesQuote.length;
  const distance = new Float64Array(n);
  const cumulativeBase = new Float64Array(n);
  const cumulativeArea = new Float64Array(n);
  let base = 0;
  let area = 0;
  for (let i = 0; i < n; i++) {
    const d = distancesQuote[i] as number;
    const s = sizesBase[i] as number;
    base += s;
    area += s * d;
    distance[i] = d;
    cumulativeBase[i] = base;
    cumulativeArea[i] = area;
  }
  const totalBase = base;
  const lastDistance = distance[n - 1] as number;
  const extrapolate = beyondLastLevel === 'extrapolate';
  // Base per quote of distance past the last level: the side's average density.
  const density = totalBase / lastDistance;

  /** ∫ of the extrapolated displacement over `[totalBase + w0, totalBase + w1]`, past the last level. */
  function beyondArea(w0: number, w1: number): number {
    const width = w1 - w0;
    return width * lastDistance + (extrapolate ? (width * (w0 + w1)) / (2 * density) : 0);
  }
  return {
    capacityBase: extrapolate ? Number.POSITIVE_INFINITY : totalBase,
    displacementQuote(consumedBase) {
      const i = firstAbove(cumulativeBase, n, consumedBase);
      if (i < n) return distance[i] as number;
      return extrapolate ? lastDistance + (consumedBase - totalBase) / density : lastDistance;
    },
    integralQuote(fromBase, toBase) {
      // Summed piece by piece (partial first level, whole levels, partial last level, extrapolated tail),
      // so a thin slice never comes out as the difference of two large prefix sums.
      const i = firstAtLeast(cumulativeBase, n, fromBase);
      if (i >= n) return beyondArea(fromBase - totalBase, toBase - totalBase);
      const endOfFirst = cumulativeBase[i] as number;
      if (toBase <= endOfFirst) return (toBase - fromBase) * (distance[i] as number);
      let area = (endOfFirst - fromBase) * (distance[i] as number);
      const j = firstAtLeast(cumulativeBase, n, toBase);
      if (j > i + 1) area += (cumulativeArea[j - 1] as number) - (cumulativeArea[i] as number);
      const startOfLast = cumulativeBase[j - 1] as number;
      area += j < n ? (toBase - startOfLast) * (distance[j] as number) : beyondArea(0, toBase - totalBase);
      return area;
    },
    consumedBase(displacementQuote) {
      const k = firstAbove(distance, n, displacementQuote);
      if (k < n) return k > 0 ? (cumulativeBase[k - 1] as number) : 0;
      return extrapolate ? totalBase + (displacementQuote - lastDistance) * density : totalBase;
    },
  };
}

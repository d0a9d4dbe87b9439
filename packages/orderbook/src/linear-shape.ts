import type { DisplacementShape } from './displacement-book';

/**
 * A side with constant density: consuming `v` base displaces the price by `v / depthBasePerQuote`.
 *
 * @param depthBasePerQuote - Base resting per one quote of price distance (positive, finite).
 */
export function createLinearShape(depthBasePerQuote: number): DisplacementShape {
  const depth = depthBasePerQuote;
  return {
    capacityBase: Number.POSITIVE_INFINITY,
    displacementQuote: (consumedBase) => consumedBase / depth,
    // (b² - a²) / 2D written as (b - a)(b + a) / 2D: no cancellation for small slices deep in the book.
    integralQuote: (fromBase, toBase) => ((toBase - fromBase) * (toBase + fromBase)) / (2 * depth),
    consumedBase: (displacementQuote) => displacementQuote * depth,
  };
}

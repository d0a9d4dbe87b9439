import type { OrderBookFillV1 } from '@firesale/spec';

/**
 * An empty fill to pass as the `out` argument of `OrderBookV1.quote` and `OrderBookV1.doExecute`.
 * Allocate it once and reuse it: the book overwrites every field on each call.
 *
 * @example
 * ```ts
 * const fill = createFill();
 * book.doExecute('sell', 10, 0, fill); // fill.averagePriceQuote, fill.priceAfterQuote, ...
 * ```
 */
export function createFill(): OrderBookFillV1 {
  return { filledBase: 0, amountQuote: 0, averagePriceQuote: 0, priceAfterQuote: 0, exhausted: false };
}

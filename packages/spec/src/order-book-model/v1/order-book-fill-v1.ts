import type { AmountBase, AmountQuote, PriceQuote } from '../../units';

/** What a market order did to a book. The engine passes one object in and reads it back (no allocation). */
export type OrderBookFillV1 = {
  /** Base traded; less than asked only when the book ran out (`exhausted`). */
  filledBase: AmountBase;
  /** Quote paid (buy) or received (sell) for `filledBase`. */
  amountQuote: AmountQuote;
  /** `amountQuote / filledBase`, or the mid when nothing filled. */
  averagePriceQuote: PriceQuote;
  /** The mid price once the order has traded. */
  priceAfterQuote: PriceQuote;
  /** True when the side had less depth than the order asked for. */
  exhausted: boolean;
};

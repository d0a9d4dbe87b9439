import type { OrderBookCapabilitiesV1, OrderBookModelV1 } from '@firesale/spec';
import { createDisplacementModel } from './displacement-book';
import { createLinearShape } from './linear-shape';
import { DEFAULT_MIN_PRICE_FRACTION, requireNonNegativeFinite, requirePositiveFinite } from './option-checks';
import { resilienceRatePerSecond } from './resilience';
import type { ResilienceOptions } from './resilience';

/** Options of {@link createLinearBook}. */
export type LinearBookOptions = {
  /** The mid price before any trade, in quote per base. */
  readonly midPriceQuote: number;
  /**
   * Base resting per one quote of price on each side: selling `q` base lowers the mid by
   * `q / depthBasePerQuote` quote (the `linear_fixed_point` fixtures of vectors/analytic.json).
   */
  readonly depthBasePerQuote: number;
  /** How the displacement recovers over simulated time; omitted: it never recovers. */
  readonly resilience?: ResilienceOptions;
  /** Price floor in quote per base; volume that would push below it is not filled. Default `1e-9 × midPriceQuote`. */
  readonly minPriceQuote?: number;
};

/** What a linear book supports. */
export const linearBookCapabilities = {
  resilience: true,
  depthMultiplier: true,
  observedLevels: false,
  automatedMarketMaker: false,
} as const satisfies OrderBookCapabilitiesV1;

/**
 * A linear order book (constant depth per unit of price), with optional exponential resilience.
 * With resilience the price after sales `q_i` at times `s_i` is `ref - Σ (q_i / depth)·exp(-rate·(t - s_i))`
 * (Obizhaeva & Wang 2013; the `resilience` cases of vectors/analytic.json).
 *
 * @throws RangeError naming the option when a number is not positive and finite (`minPriceQuote` may be 0).
 * @example
 * ```ts
 * const book = createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 200, resilience: { halfLifeSeconds: 10 } }).doCreate();
 * const fill = createFill();
 * book.doExecute('sell', 50, 0, fill); // fill.priceAfterQuote === 99.75, fill.averagePriceQuote === 99.875
 * ```
 */
export function createLinearBook(options: LinearBookOptions): OrderBookModelV1 {
  const mid = requirePositiveFinite(options.midPriceQuote, 'createLinearBook.midPriceQuote');
  const depth = requirePositiveFinite(options.depthBasePerQuote, 'createLinearBook.depthBasePerQuote');
  const shape = createLinearShape(depth);
  return createDisplacementModel({
    modelId: 'linear',
    capabilities: linearBookCapabilities,
    initialMidPriceQuote: mid,
    shapes: { bid: shape, ask: shape },
    ratePerSecond: resilienceRatePerSecond(options.resilience, 'createLinearBook.resilience'),
    minPriceQuote:
      options.minPriceQuote === undefined
        ? DEFAULT_MIN_PRICE_FRACTION * mid
        : requireNonNegativeFinite(options.minPriceQuote, 'createLinearBook.minPriceQuote'),
  });
}

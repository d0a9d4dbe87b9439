import type { OrderBookCapabilitiesV1, OrderBookModelV1 } from '@firesale/spec';
import { createDisplacementModel } from './displacement-book';
import { DEFAULT_MIN_PRICE_FRACTION, requireNonNegativeFinite, requirePositiveFinite } from './option-checks';
import { createPowerLawShape } from './power-law-shape';
import { resilienceRatePerSecond } from './resilience';
import type { ResilienceOptions } from './resilience';

/** Options of {@link createParametricBook}. */
export type ParametricBookOptions = {
  /** The mid price before any trade, in quote per base. */
  readonly midPriceQuote: number;
  /**
   * Quote notional resting within 1% of the mid on each side (for example 20_000_000 for "$20M per 1%").
   * Converted to base at the initial mid.
   */
  readonly depthQuotePerPercent: number;
  /**
   * Cumulative depth within a fractional distance `d` of the mid is `depthQuotePerPercent · (d / 0.01)^exponent`.
   * 1 (default): linear depth; 2: square-root impact (the price move grows as √volume); any value above 0.
   */
  readonly exponent?: number;
  /** How the displacement recovers over simulated time; omitted: it never recovers. */
  readonly resilience?: ResilienceOptions;
  /** Price floor in quote per base; volume that would push below it is not filled. Default `1e-9 × midPriceQuote`. */
  readonly minPriceQuote?: number;
};

/** What a parametric (power-law) book supports. */
export const parametricBookCapabilities = {
  resilience: true,
  depthMultiplier: true,
  observedLevels: false,
  automatedMarketMaker: false,
} as const satisfies OrderBookCapabilitiesV1;

/**
 * A book described by its depth within 1% of the mid and a power-law exponent, with closed forms for the mid
 * and the average fill. Distances are fixed in quote at the initial mid (1% = `0.01 × midPriceQuote`) and
 * move with the reference price. Selling `q` base displaces the mid by `0.01·P0·(q·P0 / depthQuotePerPercent)^(1/exponent)`.
 * Exponent 2 is the square-root law of market impact (Tóth et al. 2011, "Anomalous price impact and the
 * critical nature of liquidity in financial markets", Phys. Rev. X 1; Bouchaud, Bonart, Donier & Gould 2018,
 * "Trades, Quotes and Prices", ch. 12).
 *
 * @throws RangeError naming the option when a number is not positive and finite (`minPriceQuote` may be 0).
 * @example
 * ```ts
 * const model = createParametricBook({ midPriceQuote: 100_000, depthQuotePerPercent: 20_000_000, exponent: 2 });
 * const book = model.doCreate();
 * const fill = createFill();
 * book.quote('sell', 200, fill); // 200 BTC = $20M: mid falls 1% to 99_000
 * ```
 */
export function createParametricBook(options: ParametricBookOptions): OrderBookModelV1 {
  const mid = requirePositiveFinite(options.midPriceQuote, 'createParametricBook.midPriceQuote');
  const depthQuote = requirePositiveFinite(options.depthQuotePerPercent, 'createParametricBook.depthQuotePerPercent');
  const exponent =
    options.exponent === undefined ? 1 : requirePositiveFinite(options.exponent, 'createParametricBook.exponent');
  const shape = createPowerLawShape(0.01 * mid, depthQuote / mid, exponent);
  return createDisplacementModel({
    modelId: 'power-law',
    capabilities: parametricBookCapabilities,
    initialMidPriceQuote: mid,
    shapes: { bid: shape, ask: shape },
    ratePerSecond: resilienceRatePerSecond(options.resilience, 'createParametricBook.resilience'),
    minPriceQuote:
      options.minPriceQuote === undefined
        ? DEFAULT_MIN_PRICE_FRACTION * mid
        : requireNonNegativeFinite(options.minPriceQuote, 'createParametricBook.minPriceQuote'),
  });
}

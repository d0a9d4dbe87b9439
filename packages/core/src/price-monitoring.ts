import { roundToUnits, type DecimalInput } from './decimal-rounding';

/**
 * Model-free price monitoring (Vega, vegaprotocol/specs 0032-PRIM-price_monitoring.md; bounds rounded as in
 * vegaprotocol/vega core/monitor/price/pricemonitoring.go): a price outside
 * [reference * maxDownMoveFactor, reference * maxUpMoveFactor] starts an auction (a halt).
 */
export type PriceMonitoringTrigger = {
  /** The reference is the price this many seconds ago. */
  readonly horizonSeconds: number;
  readonly maxUpMoveFactor: number;
  readonly maxDownMoveFactor: number;
  /** Length of the halt a breach starts, in seconds. */
  readonly auctionExtensionSeconds: number;
};

/**
 * Valid price range for a reference price; with a tick size, min rounds up and max rounds down to ticks, as Vega's
 * Decimal Ceil/Floor do for decimal inputs ({@link roundToUnits}: 10485780 x 1.15 is the bound 12058647). Factors
 * may be decimal strings (Vega stores them as Decimals with 16 places).
 */
export function priceMonitoringBounds(
  referencePriceQuote: number,
  trigger: { readonly maxUpMoveFactor: DecimalInput; readonly maxDownMoveFactor: DecimalInput },
  tickSizeQuote = 0,
): { minValidQuote: number; maxValidQuote: number } {
  const min = referencePriceQuote * Number(trigger.maxDownMoveFactor);
  const max = referencePriceQuote * Number(trigger.maxUpMoveFactor);
  if (tickSizeQuote <= 0) return { minValidQuote: min, maxValidQuote: max };
  return {
    minValidQuote: roundToUnits(min, 'ceil', tickSizeQuote) * tickSizeQuote,
    maxValidQuote: roundToUnits(max, 'floor', tickSizeQuote) * tickSizeQuote,
  };
}

/** True when `priceQuote` is outside the bounds (the bounds themselves are valid). */
export function breachesBounds(priceQuote: number, bounds: { minValidQuote: number; maxValidQuote: number }): boolean {
  return priceQuote < bounds.minValidQuote || priceQuote > bounds.maxValidQuote;
}

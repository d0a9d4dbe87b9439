import { roundProduct, type DecimalInput } from './exact-decimal';

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
 * Valid price range for a reference price; with a tick size, min rounds up and max rounds down to ticks, in exact
 * decimal arithmetic. The factors may be decimal strings, kept digit for digit (Vega stores them as Decimals with
 * 16 places: `"1.0055555555555556"` and the double nearest to it print differently).
 */
export function priceMonitoringBounds(
  referencePriceQuote: number,
  trigger: { readonly maxUpMoveFactor: DecimalInput; readonly maxDownMoveFactor: DecimalInput },
  tickSizeQuote = 0,
): { minValidQuote: number; maxValidQuote: number } {
  if (tickSizeQuote <= 0) {
    return { minValidQuote: referencePriceQuote * Number(trigger.maxDownMoveFactor), maxValidQuote: referencePriceQuote * Number(trigger.maxUpMoveFactor) };
  }
  return {
    minValidQuote: roundProduct(referencePriceQuote, trigger.maxDownMoveFactor, 'ceil', tickSizeQuote) * tickSizeQuote,
    maxValidQuote: roundProduct(referencePriceQuote, trigger.maxUpMoveFactor, 'floor', tickSizeQuote) * tickSizeQuote,
  };
}

/** True when `priceQuote` is outside the bounds (the bounds themselves are valid). */
export function breachesBounds(priceQuote: number, bounds: { minValidQuote: number; maxValidQuote: number }): boolean {
  return priceQuote < bounds.minValidQuote || priceQuote > bounds.maxValidQuote;
}

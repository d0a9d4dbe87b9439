import { roundProduct, roundToUnits, type DecimalInput } from './decimal-rounding';

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
 * Decimal Ceil/Floor do. A factor given as a decimal string (Vega stores factors as Decimals with 16 places) is
 * multiplied exactly ({@link roundProduct}); a number, as the engine's prices are, in floating point where a
 * product within 1e-12 of a tick is that tick ({@link roundToUnits}: 10485780 x 1.15 is the bound 12058647).
 */
export function priceMonitoringBounds(
  referencePriceQuote: number,
  trigger: { readonly maxUpMoveFactor: DecimalInput; readonly maxDownMoveFactor: DecimalInput },
  tickSizeQuote = 0,
): { minValidQuote: number; maxValidQuote: number } {
  if (tickSizeQuote <= 0) {
    return { minValidQuote: referencePriceQuote * Number(trigger.maxDownMoveFactor), maxValidQuote: referencePriceQuote * Number(trigger.maxUpMoveFactor) };
  }
  const ticks = (factor: DecimalInput, mode: 'ceil' | 'floor'): number =>
    typeof factor === 'string' ? roundProduct(referencePriceQuote, factor, mode, tickSizeQuote) : roundToUnits(referencePriceQuote * factor, mode, tickSizeQuote);
  return {
    minValidQuote: ticks(trigger.maxDownMoveFactor, 'ceil') * tickSizeQuote,
    maxValidQuote: ticks(trigger.maxUpMoveFactor, 'floor') * tickSizeQuote,
  };
}

/** True when `priceQuote` is outside the bounds (the bounds themselves are valid). */
export function breachesBounds(priceQuote: number, bounds: { minValidQuote: number; maxValidQuote: number }): boolean {
  return priceQuote < bounds.minValidQuote || priceQuote > bounds.maxValidQuote;
}

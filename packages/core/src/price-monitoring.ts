import { roundProduct } from './exact-decimal';

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

/** Valid price range for a reference price; with a tick size, min rounds up and max rounds down to ticks. */
export function priceMonitoringBounds(
  referencePriceQuote: number,
  trigger: Pick<PriceMonitoringTrigger, 'maxUpMoveFactor' | 'maxDownMoveFactor'>,
  tickSizeQuote = 0,
): { minValidQuote: number; maxValidQuote: number } {
  const min = referencePriceQuote * trigger.maxDownMoveFactor;
  const max = referencePriceQuote * trigger.maxUpMoveFactor;
  if (tickSizeQuote <= 0) return { minValidQuote: min, maxValidQuote: max };
  return {
    minValidQuote: roundToTick(referencePriceQuote, trigger.maxDownMoveFactor, tickSizeQuote, 'ceil'),
    maxValidQuote: roundToTick(referencePriceQuote, trigger.maxUpMoveFactor, tickSizeQuote, 'floor'),
  };
}

/** True when `priceQuote` is outside the bounds (the bounds themselves are valid). */
export function breachesBounds(priceQuote: number, bounds: { minValidQuote: number; maxValidQuote: number }): boolean {
  return priceQuote < bounds.minValidQuote || priceQuote > bounds.maxValidQuote;
}

/** The price rounded to whole ticks, in exact decimal arithmetic (Vega rounds `num.Decimal` bounds with Ceil/Floor). */
function roundToTick(reference: number, factor: number, tick: number, mode: 'ceil' | 'floor'): number {
  return roundProduct(reference, factor, mode, tick) * tick;
}

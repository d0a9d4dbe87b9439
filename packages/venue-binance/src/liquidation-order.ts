import type { AmountBase, LiquidationOrderInputV1, LiquidationOrderV1, PriceQuote } from '@firesale/spec';
import { bracketIndex, type ResolvedBrackets } from './leverage-brackets';

/**
 * Base to close so that the position falls to the top of the next lower bracket (Binance Futures Liquidation
 * Protocols: the engine first tries to reduce the margin requirement with one IOC order "without fully
 * liquidating", by lowering the position's bracket). A position in the lowest bracket is closed in full.
 * firesale emulates the tier reduction this way; Binance does not publish the exact sizing.
 */
export function closeBaseToLowerBracket(brackets: ResolvedBrackets, sizeBase: AmountBase, markPriceQuote: PriceQuote): AmountBase {
  const i = bracketIndex(brackets, sizeBase * markPriceQuote);
  if (i === 0) return sizeBase;
  const close = sizeBase - brackets.floors[i]! / markPriceQuote;
  return close > 0 && close < sizeBase ? close : sizeBase;
}

/**
 * Binance's liquidation order: an IOC order into the book, limited at the bankruptcy price (beyond it the
 * insurance fund takes the position over), reducing the position to a lower bracket first; the insurance
 * clearance fee is charged on the liquidated notional. No cooldown. Writes into `out`; allocates nothing.
 */
export function decideLiquidationOrder(
  brackets: ResolvedBrackets,
  clearanceFeeRate: number,
  input: LiquidationOrderInputV1,
  out: LiquidationOrderV1,
): void {
  out.route = 'market';
  out.closeBase = closeBaseToLowerBracket(brackets, input.sizeBase, input.markPriceQuote);
  out.limitPriceQuote = input.bankruptcyPriceQuote;
  out.feeRate = clearanceFeeRate;
  out.cooldownSeconds = 0;
}

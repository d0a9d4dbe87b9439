import type { AmountBase, LiquidationOrderInputV1, LiquidationOrderV1, PriceQuote } from '@firesale/spec';
import { riskLimitIndex, type ResolvedRiskLimits } from './risk-limits';

/**
 * Base to close so that the position value falls to the risk limit of the next lower tier (Bybit liquidation
 * process: a position above the lowest risk-limit tier is first partially liquidated to lower its tier and so its
 * maintenance margin). A position in the lowest tier is closed in full. firesale emulates the sizing.
 */
export function closeBaseToLowerTier(limits: ResolvedRiskLimits, sizeBase: AmountBase, markPriceQuote: PriceQuote): AmountBase {
  const i = riskLimitIndex(limits, sizeBase * markPriceQuote);
  if (i === 0) return sizeBase;
  const close = sizeBase - limits.riskLimitsQuote[i - 1]! / markPriceQuote;
  return close > 0 && close < sizeBase ? close : sizeBase;
}

/**
 * Bybit's liquidation order: the liquidation engine takes the position over and closes it at the bankruptcy price
 * (the order's limit), lowering the risk-limit tier first. No fee rate: the remaining margin goes to the insurance
 * fund in settlement. No cooldown. Writes into `out`; allocates nothing.
 */
export function decideLiquidationOrder(limits: ResolvedRiskLimits, input: LiquidationOrderInputV1, out: LiquidationOrderV1): void {
  out.route = 'market';
  out.closeBase = closeBaseToLowerTier(limits, input.sizeBase, input.markPriceQuote);
  out.limitPriceQuote = input.bankruptcyPriceQuote;
  out.feeRate = 0;
  out.cooldownSeconds = 0;
}

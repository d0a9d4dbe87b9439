import type { AmountBase, LiquidationOrderInputV1, LiquidationOrderV1 } from '@firesale/spec';
import { riskStep, type BitmexRiskLimit } from './risk-limits';

/**
 * Base to close to bring a position down one risk limit (BitMEX "Liquidation": users on higher risk limits are
 * brought down to a lower risk limit, "larger positions are incrementally liquidated"); a position within the base
 * risk limit is closed in full. The sizing (to the top of the next lower step) is firesale's emulation.
 */
export function closeBaseToLowerRiskLimit(limit: BitmexRiskLimit, sizeBase: AmountBase, markPriceQuote: number): AmountBase {
  const step = riskStep(limit, sizeBase * markPriceQuote);
  if (step === 0) return sizeBase;
  const targetValue = limit.baseRiskLimitQuote + (step - 1) * limit.riskStepQuote;
  const close = sizeBase - targetValue / markPriceQuote;
  return close > 0 && close < sizeBase ? close : sizeBase;
}

/**
 * BitMEX's liquidation order: the liquidation engine takes the position over and offers it at the bankruptcy
 * price (limit), after first lowering the risk limit of large positions. No fee rate: what is left of the margin
 * goes to the insurance fund in settlement. Writes into `out`; allocates nothing.
 */
export function decideLiquidationOrder(limit: BitmexRiskLimit, feeRate: number, input: LiquidationOrderInputV1, out: LiquidationOrderV1): void {
  out.route = 'market';
  out.closeBase = closeBaseToLowerRiskLimit(limit, input.sizeBase, input.markPriceQuote);
  out.limitPriceQuote = input.bankruptcyPriceQuote;
  out.feeRate = feeRate;
  out.cooldownSeconds = 0;
}

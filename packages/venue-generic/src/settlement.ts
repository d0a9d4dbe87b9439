import type { SettlementInputV1, SettlementV1 } from '@firesale/spec';

/**
 * The generic isolated-margin waterfall (shared/vectors/analytic.json, `loss_waterfall`):
 * remaining = margin + pnl at the fill; fee = feeRate * fill notional, capped at max(remaining, 0);
 * what is left after the fee returns to the account; a negative remainder is the shortfall.
 * `liquidatorShare` of the fee goes to the liquidator, the rest to the insurance fund.
 */
export function settleGeneric(input: SettlementInputV1, liquidatorShare: number, out: SettlementV1): void {
  const pnl = input.side * input.closedBase * (input.fillPriceQuote - input.entryPriceQuote);
  const remaining = input.marginQuote + pnl;
  const fee = Math.min(input.feeRate * input.closedBase * input.fillPriceQuote, Math.max(remaining, 0));
  out.feeToLiquidatorQuote = fee * liquidatorShare;
  out.feeToFundQuote = fee - out.feeToLiquidatorQuote;
  out.returnedToAccountQuote = Math.max(remaining - fee, 0);
  out.shortfallQuote = Math.max(-remaining, 0);
}

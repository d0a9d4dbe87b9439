import type { SettlementInputV1, SettlementV1 } from '@firesale/spec';

/**
 * Binance's split of a liquidated close (Binance "Insurance Fund" FAQ: the fund collects liquidation fees from
 * clients that are not bankrupt and covers those below 0; firesale loss waterfall, vectors/analytic.json
 * `loss_waterfall`): remaining = margin + pnl at the fill; the insurance clearance fee = feeRate * fill notional,
 * capped at max(remaining, 0), goes to the insurance fund; the rest returns to the account; a negative remainder
 * is the shortfall the fund pays.
 */
export function settleLiquidation(input: SettlementInputV1, out: SettlementV1): void {
  const pnl = input.side * input.closedBase * (input.fillPriceQuote - input.entryPriceQuote);
  const remaining = input.marginQuote + pnl;
  const fee = Math.min(input.feeRate * input.closedBase * input.fillPriceQuote, Math.max(remaining, 0));
  out.feeToFundQuote = fee;
  out.feeToLiquidatorQuote = 0;
  out.returnedToAccountQuote = Math.max(remaining - fee, 0);
  out.shortfallQuote = Math.max(-remaining, 0);
}

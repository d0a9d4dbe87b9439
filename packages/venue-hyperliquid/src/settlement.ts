import type { SettlementInputV1, SettlementV1 } from '@firesale/spec';

/**
 * Splits the close of `closedBase` at `fillPriceQuote` (firesale loss waterfall, vectors/analytic.json
 * `loss_waterfall`): remaining = margin + pnl; fee = feeRate * fill notional, capped at max(remaining, 0) and paid
 * to the liquidator (on Hyperliquid the liquidator vault; book liquidations carry no fee, so the rest returns to
 * the account); a negative remainder is the shortfall, which Hyperliquid covers by ADL (it has no insurance fund).
 */
export function settleLiquidation(input: SettlementInputV1, out: SettlementV1): void {
  const pnl = input.side * input.closedBase * (input.fillPriceQuote - input.entryPriceQuote);
  const remaining = input.marginQuote + pnl;
  const fee = Math.min(input.feeRate * input.closedBase * input.fillPriceQuote, Math.max(remaining, 0));
  out.feeToFundQuote = 0;
  out.feeToLiquidatorQuote = fee;
  out.returnedToAccountQuote = Math.max(remaining - fee, 0);
  out.shortfallQuote = Math.max(-remaining, 0);
}

import type { SettlementInputV1, SettlementV1 } from '@firesale/spec';

/**
 * Loss waterfall of one liquidation close (shared/vectors/analytic.json `loss_waterfall`): remaining = margin + pnl
 * at the fill; the fee (`feeRate x fill notional`) is capped at `max(remaining, 0)` and goes to the insurance fund;
 * the rest returns to the account; a negative remainder is the shortfall the insurance fund covers.
 * Writes into `out` and allocates nothing.
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

import type { AdlCandidateInputV1 } from '@firesale/spec';

/**
 * ADL ranking of a position (the BitMEX formula, vectors/perp-venues.json `bitmex_adl_ranking`; Bybit's ADL help
 * ranks by profit percentage and effective leverage the same way):
 * `PnL% = (mark value - entry value) / |entry value|` signed by side;
 * `effective leverage = |mark value| / (mark value - bankrupt value)` = notional / (margin + PnL);
 * ranking = PnL% x leverage if PnL% > 0, PnL% / leverage otherwise. Highest first; a position with no equity left
 * ranks by the sign of its PnL at +-Infinity.
 */
export function adlRanking(input: AdlCandidateInputV1): number {
  const entryValue = input.sizeBase * input.entryPriceQuote;
  const markValue = input.sizeBase * input.markPriceQuote;
  const pnl = input.side * (markValue - entryValue);
  const pnlShare = pnl / entryValue;
  const equity = input.marginQuote + pnl;
  if (!(equity > 0)) return pnlShare > 0 ? Infinity : -Infinity;
  const leverage = markValue / equity;
  return pnlShare > 0 ? pnlShare * leverage : pnlShare / leverage;
}

import type { AdlCandidateInputV1 } from '@firesale/spec';

/**
 * Auto-deleveraging priority: PnL share of entry value times effective leverage (mark notional over equity) for a
 * profitable position, the share divided by leverage for a losing one (the BitMEX ranking that OKX's ADL ranking
 * follows in spirit: profit and leverage both raise the rank). Higher is deleveraged first.
 */
export function adlScore(input: AdlCandidateInputV1): number {
  const entryValue = input.sizeBase * input.entryPriceQuote;
  const markValue = input.sizeBase * input.markPriceQuote;
  const pnl = input.side * (markValue - entryValue);
  const pnlShare = pnl / entryValue;
  const equity = input.marginQuote + pnl;
  if (equity <= 0) return pnlShare > 0 ? Infinity : -Infinity;
  const leverage = markValue / equity;
  return pnlShare > 0 ? pnlShare * leverage : pnlShare / leverage;
}

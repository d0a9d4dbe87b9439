import type { AdlCandidateInputV1 } from '@firesale/spec';

/**
 * Auto-deleveraging priority (BitMEX ADL ranking, also Binance/Bybit in spirit): profit as a share of entry
 * value times effective leverage (notional at mark over equity) for a profitable position; for a losing one,
 * the share divided by leverage. Higher is deleveraged first.
 */
export function adlScore(input: AdlCandidateInputV1): number {
  const entryValue = input.sizeBase * input.entryPriceQuote;
  const markValue = input.sizeBase * input.markPriceQuote;
  const pnl = input.side * (markValue - entryValue);
  const pnlShare = pnl / entryValue;
  const equity = input.marginQuote + pnl;
  if (equity <= 0) return pnlShare > 0 ? Infinity : -Infinity;
  const effectiveLeverage = markValue / equity;
  return pnlShare > 0 ? pnlShare * effectiveLeverage : pnlShare / effectiveLeverage;
}

import type { Fraction } from '@firesale/spec';

/** Inputs of Binance's ADL ranking for one position (amounts in the margin asset). */
export type BinanceAdlInput = {
  readonly unrealizedProfit: number;
  readonly walletBalance: number;
  /** Maintenance margin of the position; used when `marginRatio` is not given. */
  readonly maintenanceMargin?: number;
  /** Margin ratio as the UI shows it (maintenance margin / margin balance), if known. */
  readonly marginRatio?: Fraction;
};

/** Binance's ADL ranking terms. */
export type BinanceAdlRanking = {
  readonly pnlPercent: number;
  readonly marginRatio: Fraction;
  /** `pnlPercent * marginRatio`; the queue is ordered by it, highest first. */
  readonly leveragePnl: number;
};

/**
 * Binance ADL ranking (Binance FAQ "What Is Auto-Deleveraging (ADL)", as quoted on dev.binance.vision
 * "how to calculate leverage pnl quantile"): `PnL% = max(0, unrealized profit) / max(1, wallet balance)`;
 * `margin ratio = maintenance margin / (wallet balance + unrealized profit)` when that sum is positive, else 0;
 * `LeveragePnL = PnL% x margin ratio`. The quantile shown in the UI divides the rank by the user count, which
 * Binance does not publish.
 */
export function binanceAdlRanking(input: BinanceAdlInput): BinanceAdlRanking {
  const pnlPercent = Math.max(0, input.unrealizedProfit) / Math.max(1, input.walletBalance);
  const marginBalance = input.walletBalance + input.unrealizedProfit;
  const marginRatio = input.marginRatio ?? (marginBalance > 0 ? (input.maintenanceMargin ?? 0) / marginBalance : 0);
  return { pnlPercent, marginRatio, leveragePnl: pnlPercent * marginRatio };
}

import type { Fraction } from '@firesale/spec';
import type { BybitRiskLimitTier } from './risk-limits';

/** Bybit's liquidation parameters. Venue numbers live here as data, each with its source. */
export type BybitParams = {
  /** USDT perpetual risk-limit tiers per symbol. */
  readonly riskLimits: Readonly<Record<string, readonly BybitRiskLimitTier[]>>;
  /** Taker fee on the closing order, used in the inverse bankruptcy price ("fee to close"). */
  readonly takerFeeRate: Fraction;
  /** Collateral the USDT contracts accept. */
  readonly collateralAssets: readonly string[];
};

/**
 * Bybit parameters.
 *
 * - BTCUSDT risk limits: Bybit "Margin Data" page for USDT perpetuals, BTCUSDT, tiers 1-20 (risk limit, max
 *   leverage, MMR, MM deduction), as mirrored at https://bybitx.global/pt-PT/announcement-info/margin-parameters.
 * - Taker fee 0.075%: Bybit help "How to calculate Liquidation Price (Inverse Contract)" worked example.
 */
export const bybitParams: BybitParams = {
  riskLimits: {
    BTCUSDT: (
      [
        [2_000_000, 100, 0.005, 0],
        [2_600_000, 90, 0.0056, 1_200],
        [3_200_000, 80, 0.0063, 3_020],
        [3_800_000, 75, 0.0067, 4_300],
        [4_400_000, 70, 0.0071, 5_820],
        [5_000_000, 65, 0.0077, 8_460],
        [5_600_000, 55, 0.0091, 15_460],
        [8_500_000, 50, 0.01, 20_500],
        [10_000_000, 45, 0.013, 46_000],
        [14_000_000, 40, 0.015, 66_000],
        [20_000_000, 35, 0.016, 80_000],
        [28_000_000, 30, 0.02, 160_000],
        [38_000_000, 25, 0.025, 300_000],
        [50_000_000, 20, 0.029, 452_000],
        [55_000_000, 19, 0.03, 502_000],
        [60_000_000, 18, 0.035, 777_000],
        [65_000_000, 17, 0.036, 837_000],
        [70_000_000, 16, 0.038, 967_000],
        [75_000_000, 15, 0.04, 1_107_000],
        [80_000_000, 14, 0.045, 1_482_000],
      ] as const
    ).map(([riskLimitQuote, maxLeverage, maintenanceMarginRate, maintenanceDeductionQuote]) => ({
      riskLimitQuote, maxLeverage, maintenanceMarginRate, maintenanceDeductionQuote,
    })),
  },
  takerFeeRate: 0.00075,
  collateralAssets: ['USDT'],
};

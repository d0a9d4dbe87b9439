import type { Fraction } from '@firesale/spec';
import type { BitmexRiskLimit } from './risk-limits';

/** BitMEX's liquidation parameters. Venue numbers live here as data, each with its source. */
export type BitmexParams = {
  /** Risk limits per linear (USDT-margined) perpetual, values in USDT. */
  readonly riskLimits: Readonly<Record<string, BitmexRiskLimit>>;
  /** Liquidation fee rate: none, the maintenance margin left at liquidation goes to the insurance fund. */
  readonly liquidationFeeRate: Fraction;
  /** Collateral these contracts settle in. */
  readonly collateralAssets: readonly string[];
};

const base40k: BitmexRiskLimit = { baseMaintenanceMarginRate: 0.01, baseInitialMarginRate: 0.02, baseRiskLimitQuote: 40_000, riskStepQuote: 40_000 };
const base100k: BitmexRiskLimit = { baseMaintenanceMarginRate: 0.01, baseInitialMarginRate: 0.02, baseRiskLimitQuote: 100_000, riskStepQuote: 100_000 };

/**
 * BitMEX parameters.
 *
 * - Risk limits: BitMEX blog "Now Live: Changes to Base Initial Margin, Maintenance Margin, Risk Limits and Risk
 *   Steps" (12 Jun 2025): base MM 1%, base IM 2%, "Base Risk Limit and Risk Step" 40,000 USDT (WLDUSDT, MEWUSDT,
 *   NOTUSDT, ZROUSDT, POPCATUSDT, DOGSUSDT, ACTUSDT, HYPEUSDT, AI16ZUSDT) or 100,000 USDT (INJUSDT, 100BONKUSDT,
 *   WIFUSDT, JUPUSDT, ENAUSDT). Step rule: https://www.bitmex.com/app/riskLimitsExamples.
 * - Liquidation at the bankruptcy price with the maintenance margin lost to the insurance fund:
 *   https://www.bitmex.com/app/liquidation.
 */
export const bitmexParams: BitmexParams = {
  riskLimits: {
    ...Object.fromEntries(
      ['WLDUSDT', 'MEWUSDT', 'NOTUSDT', 'ZROUSDT', 'POPCATUSDT', 'DOGSUSDT', 'ACTUSDT', 'HYPEUSDT', 'AI16ZUSDT'].map((s) => [s, base40k]),
    ),
    ...Object.fromEntries(['INJUSDT', '100BONKUSDT', 'WIFUSDT', 'JUPUSDT', 'ENAUSDT'].map((s) => [s, base100k])),
  },
  liquidationFeeRate: 0,
  collateralAssets: ['USDT'],
};

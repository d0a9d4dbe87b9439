import type { AmountBase, AmountQuote, Fraction } from '@firesale/spec';

/**
 * One OKX position tier (ccxt `fetchLeverageTiers` unified shape). OKX tiers carry no maintenance amount:
 * maintenance margin is `notional x maintenanceMarginRate` of the tier.
 */
export type OkxTier = {
  /** Lower bound of the tier's notional, in quote (ccxt `minNotional`). */
  readonly minNotionalQuote: AmountQuote;
  /** Upper bound of the tier's notional, in quote (ccxt `maxNotional`). */
  readonly maxNotionalQuote: AmountQuote;
  /** Maintenance margin rate of the tier (ccxt unified `maintenanceMarginRate`). */
  readonly maintenanceMarginRate: Fraction;
  /** Highest leverage allowed within the tier. */
  readonly maxLeverage: number;
};

/** Parameters of the OKX engine: tiers per market, fees and limits. */
export type OkxParams = {
  /** Position tiers per market id (ccxt symbol such as `ETH/USDT:USDT`). */
  readonly tiersByMarket: Readonly<Record<string, readonly OkxTier[]>>;
  /**
   * Taker fee rate charged on the liquidation close; it enters the liquidation price
   * (freqtrade `Exchange.dry_run_liquidation_price`) and is the liquidation fee in {@link OkxParams}.
   */
  readonly takerFeeRate: Fraction;
  /** Smallest position in base units. */
  readonly minPositionSizeBase: AmountBase;
  /** Settlement assets accepted as margin. */
  readonly collateralAssets: readonly string[];
};

/**
 * Tiers and fee of the freqtrade OKX test fixture (freqtrade/freqtrade `tests/exchange/test_okx.py`,
 * `test_get_maintenance_ratio_and_amt_okx`, commit c9ae5e1e; taker fee 0.0006 from `tests/conftest.py` markets).
 * These are fixture values, kept so the vectors and examples run; load live tiers from OKX
 * (`GET /api/v5/public/position-tiers`) for real markets. ADA's tier 1 uses the unified rate 0.02 although the
 * raw `mmr` field of the fixture says 0.01 (freqtrade reads the unified field).
 */
export const okxFixtureParams = {
  tiersByMarket: {
    'ETH/USDT:USDT': [
      { minNotionalQuote: 0, maxNotionalQuote: 2000, maintenanceMarginRate: 0.01, maxLeverage: 75 },
      { minNotionalQuote: 2001, maxNotionalQuote: 4000, maintenanceMarginRate: 0.015, maxLeverage: 50 },
      { minNotionalQuote: 4001, maxNotionalQuote: 8000, maintenanceMarginRate: 0.02, maxLeverage: 20 },
    ],
    'ADA/USDT:USDT': [
      { minNotionalQuote: 0, maxNotionalQuote: 500, maintenanceMarginRate: 0.02, maxLeverage: 75 },
      { minNotionalQuote: 501, maxNotionalQuote: 1000, maintenanceMarginRate: 0.025, maxLeverage: 50 },
      { minNotionalQuote: 1001, maxNotionalQuote: 2000, maintenanceMarginRate: 0.03, maxLeverage: 20 },
    ],
  },
  takerFeeRate: 0.0006,
  minPositionSizeBase: 0,
  collateralAssets: ['USDT', 'USDC'],
} as const satisfies OkxParams;

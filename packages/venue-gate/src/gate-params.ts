import type { AmountBase, AmountQuote, Fraction } from '@firesale/spec';

/**
 * One Gate risk-limit tier: positions whose notional is at least `minNotionalQuote` use its maintenance rate and
 * leverage cap. Modelled without a maintenance amount (freqtrade's generic tier lookup, `cum = None`).
 */
export type GateTier = {
  /** Lower bound of the tier's notional, in quote. */
  readonly minNotionalQuote: AmountQuote;
  /** Upper bound of the tier's notional (risk limit), in quote. */
  readonly maxNotionalQuote: AmountQuote;
  /** Maintenance margin rate of the tier. */
  readonly maintenanceMarginRate: Fraction;
  /** Highest leverage allowed within the tier. */
  readonly maxLeverage: number;
};

/** Parameters of the Gate engine: risk-limit tiers per market, fees and limits. */
export type GateParams = {
  /** Risk-limit tiers per market id (ccxt symbol such as `BTC/USDT:USDT`); `'*'` applies to every other market. */
  readonly tiersByMarket: Readonly<Record<string, readonly GateTier[]>>;
  /** Taker fee charged when the liquidation closes the position; it enters the liquidation price and is the liquidation fee. */
  readonly takerFeeRate: Fraction;
  /** Smallest position in base units. */
  readonly minPositionSizeBase: AmountBase;
  /** Settlement assets accepted as margin. */
  readonly collateralAssets: readonly string[];
};

/**
 * The freqtrade test fixture values for Gate (freqtrade/freqtrade `tests/exchange/test_exchange.py`
 * `test_get_liquidation_price`, commit c9ae5e1e: maintenance rate mocked at 0.01, taker fee 0.0006 from the test
 * market fixture), as one tier for every market, with a leverage cap of 100. These are fixture values, kept so the
 * vectors and examples run; load Gate's live risk-limit tiers (`GET /futures/usdt/risk_limit_tiers`) for real markets.
 */
export const gateFixtureParams = {
  tiersByMarket: {
    '*': [{ minNotionalQuote: 0, maxNotionalQuote: Infinity, maintenanceMarginRate: 0.01, maxLeverage: 100 }],
  },
  takerFeeRate: 0.0006,
  minPositionSizeBase: 0,
  collateralAssets: ['USDT'],
} as const satisfies GateParams;

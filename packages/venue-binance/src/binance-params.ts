import type { Fraction } from '@firesale/spec';
import type { BinanceBracket } from './leverage-brackets';

/** Binance Futures liquidation parameters. Venue numbers live here as data, each with its source. */
export type BinanceParams = {
  /** USDⓈ-M leverage brackets per symbol (notional in USDT). */
  readonly usdmBrackets: Readonly<Record<string, readonly BinanceBracket[]>>;
  /** COIN-M leverage brackets per symbol (position value in coin). */
  readonly coinmBrackets: Readonly<Record<string, readonly BinanceBracket[]>>;
  /** COIN-M contract size in USD per symbol. */
  readonly coinmContractSizeUsd: Readonly<Record<string, number>>;
  /** Insurance clearance fee charged on a liquidated notional, paid to the insurance fund. */
  readonly insuranceClearanceFeeRate: Fraction;
  /** Collateral the USDⓈ-M futures wallet accepts in single-asset mode. */
  readonly collateralAssets: readonly string[];
};

/**
 * Builds brackets from parallel columns (floor, MMR, maintenance amount, max leverage). The amounts are the FAQ
 * recurrence worked in exact decimals (as Binance publishes `cum`), so lookups return the published figures exactly.
 */
function brackets(
  floors: readonly number[],
  rates: readonly number[],
  amounts: readonly number[],
  leverages: readonly number[],
): BinanceBracket[] {
  return floors.map((floorNotional, i) => ({
    floorNotional, maintenanceMarginRate: rates[i]!, maintenanceAmount: amounts[i]!, maxLeverage: leverages[i]!,
  }));
}

/** Brackets with Binance's published maintenance amounts (`cum`) as in freqtrade's fixture. */
function bracketsWithAmounts(rows: readonly (readonly [number, number, number, number])[]): BinanceBracket[] {
  return rows.map(([floorNotional, maintenanceMarginRate, maintenanceAmount, maxLeverage]) => ({
    floorNotional, maintenanceMarginRate, maintenanceAmount, maxLeverage,
  }));
}

/**
 * Binance Futures parameters.
 *
 * - BTCUSDT: "Updates to Leverage and Margin Tiers of Binance Futures Contracts (2021-03-18)",
 *   https://www.binance.com/tr/support/announcement/86cf9aa472574b8cb2e05bb751c2a9a6 (maintenance amounts by the
 *   FAQ recurrence; the FAQ's amount at the 1,000,000 floor, 16,300 USDT, agrees).
 * - BNBUSDT, XRPUSDT: Binance leverage-bracket data kept in freqtrade's fixture, freqtrade/freqtrade
 *   tests/conftest.py `leverage_tiers` @ c9ae5e1e9ff25bb55dd61f5e5519f7c479291edb.
 * - COIN-M BTCUSD: "Leverage and Margin in Coin-Margined Futures Contracts",
 *   https://www.binance.com/en/support/faq/be2c7d9d95b04a7e8044ed02dd7dfe5c (current edition: 125x up to 5 BTC ...
 *   2x above 1,000 BTC); maintenance rate = half the initial rate as in every published row (3x: 15%, as in the
 *   USDⓈ-M tables); the recurrence gives 11.605 BTC at the 200 BTC floor, as the COIN-M liquidation FAQ states.
 * - Insurance clearance fee: Binance "What fees are generated in Binance Futures trading" names the fee; Binance
 *   sets it per symbol and bracket and does not publish one table. 1.5% is the rate Binance users quote for
 *   USDⓈ-M perpetuals; it is not vector-checked, override it per scenario.
 */
export const binanceParams: BinanceParams = {
  usdmBrackets: {
    BTCUSDT: brackets(
      [0, 50_000, 250_000, 1_000_000, 10_000_000, 20_000_000, 50_000_000, 100_000_000, 200_000_000, 300_000_000],
      [0.004, 0.005, 0.01, 0.025, 0.05, 0.1, 0.125, 0.15, 0.25, 0.5],
      [0, 50, 1_300, 16_300, 266_300, 1_266_300, 2_516_300, 5_016_300, 25_016_300, 100_016_300],
      [125, 100, 50, 20, 10, 5, 4, 3, 2, 1],
    ),
    BNBUSDT: bracketsWithAmounts([
      [0, 0.0065, 0, 75],
      [10_000, 0.01, 35, 50],
      [50_000, 0.02, 535, 25],
      [250_000, 0.05, 8_035, 10],
      [1_000_000, 0.1, 58_035, 5],
      [2_000_000, 0.125, 108_035, 4],
      [5_000_000, 0.15, 233_035, 3],
      [10_000_000, 0.25, 1_233_035, 2],
      [20_000_000, 0.5, 6_233_035, 1],
    ]),
    XRPUSDT: bracketsWithAmounts([
      [0, 0.025, 0, 20],
      [100_000, 0.05, 2_500, 10],
      [500_000, 0.1, 27_500, 5],
      [1_000_000, 0.15, 77_500, 3],
      [2_000_000, 0.25, 277_500, 2],
      [5_000_000, 0.5, 1_527_500, 1],
    ]),
  },
  coinmBrackets: {
    BTCUSD: brackets(
      [0, 5, 10, 20, 50, 100, 200, 400, 1_000],
      [0.004, 0.005, 0.01, 0.025, 0.05, 0.1, 0.125, 0.15, 0.25],
      [0, 0.005, 0.055, 0.355, 1.605, 6.605, 11.605, 21.605, 121.605],
      [125, 100, 50, 20, 10, 5, 4, 3, 2],
    ),
  },
  coinmContractSizeUsd: { BTCUSD: 100 },
  insuranceClearanceFeeRate: 0.015,
  collateralAssets: ['USDT'],
};

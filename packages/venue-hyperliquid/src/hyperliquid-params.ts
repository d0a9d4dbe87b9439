import type { AmountQuote, Fraction, Seconds } from '@firesale/spec';
import type { HyperliquidMarginTier } from './margin-tiers';

/** Hyperliquid's liquidation parameters. Venue numbers live here as data, each with its source. */
export type HyperliquidParams = {
  /** Margin table per market (coin name as on Hyperliquid: `BTC`, `ETH`, `kPEPE`). */
  readonly marginTables: Readonly<Record<string, readonly HyperliquidMarginTier[]>>;
  /** Positions with a notional above this are liquidated partially first (USDC). */
  readonly partialLiquidationAboveNotionalQuote: AmountQuote;
  /** Share of a large position sent to the book by the first liquidation order. */
  readonly partialLiquidationFraction: Fraction;
  /** Seconds after a partial liquidation before the rest may be liquidated. */
  readonly partialLiquidationCooldownSeconds: Seconds;
  /** Backstop (liquidator vault) when equity falls below this share of maintenance margin. */
  readonly backstopEquityShareOfMaintenance: Fraction;
  /** Fee on book liquidations as a share of closed notional (Hyperliquid charges no clearance fee). */
  readonly marketLiquidationFeeRate: Fraction;
  /** Collateral the main perp dex accepts. */
  readonly collateralAssets: readonly string[];
};

/** BTC, ETH, SOL, XRP tables; the lists below share theirs. */
const tenThenFiveAbove20M: readonly HyperliquidMarginTier[] = [
  { lowerBoundQuote: 0, maxLeverage: 10 },
  { lowerBoundQuote: 20_000_000, maxLeverage: 5 },
];
const tenThenFiveAbove3M: readonly HyperliquidMarginTier[] = [
  { lowerBoundQuote: 0, maxLeverage: 10 },
  { lowerBoundQuote: 3_000_000, maxLeverage: 5 },
];
const tierGroup20M = [
  'DOGE', 'kPEPE', 'SUI', 'WLD', 'TRUMP', 'LTC', 'ENA', 'POPCAT', 'WIF', 'AAVE', 'kBONK', 'LINK', 'CRV', 'AVAX',
  'ADA', 'UNI', 'NEAR', 'TIA', 'APT', 'BCH', 'HYPE', 'FARTCOIN',
] as const;
const tierGroup3M = ['OP', 'ARB', 'LDO', 'TON', 'MKR', 'ONDO', 'JUP', 'INJ', 'kSHIB', 'SEI', 'TRX', 'BNB', 'DOT'] as const;

/**
 * Hyperliquid mainnet parameters.
 *
 * - Margin tables: Hyperliquid docs, https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers
 *   ("Mainnet Margin Tiers"). Markets not listed there have a single-tier table; pass it through
 *   `createHyperliquidEngine({ marginTables })`.
 * - Partial liquidation of positions above 100,000 USDC, 20% at a time, 30 s cooldown; backstop by the liquidator
 *   vault below 2/3 of maintenance margin; no clearance fee: Hyperliquid docs,
 *   https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations
 */
export const hyperliquidParams: HyperliquidParams = {
  marginTables: {
    BTC: [
      { lowerBoundQuote: 0, maxLeverage: 40 },
      { lowerBoundQuote: 150_000_000, maxLeverage: 20 },
    ],
    ETH: [
      { lowerBoundQuote: 0, maxLeverage: 25 },
      { lowerBoundQuote: 100_000_000, maxLeverage: 15 },
    ],
    SOL: [
      { lowerBoundQuote: 0, maxLeverage: 20 },
      { lowerBoundQuote: 70_000_000, maxLeverage: 10 },
    ],
    XRP: [
      { lowerBoundQuote: 0, maxLeverage: 20 },
      { lowerBoundQuote: 40_000_000, maxLeverage: 10 },
    ],
    ...Object.fromEntries(tierGroup20M.map((coin) => [coin, tenThenFiveAbove20M])),
    ...Object.fromEntries(tierGroup3M.map((coin) => [coin, tenThenFiveAbove3M])),
  },
  partialLiquidationAboveNotionalQuote: 100_000,
  partialLiquidationFraction: 0.2,
  partialLiquidationCooldownSeconds: 30,
  backstopEquityShareOfMaintenance: 2 / 3,
  marketLiquidationFeeRate: 0,
  collateralAssets: ['USDC'],
};

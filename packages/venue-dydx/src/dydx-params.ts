import type { PositionBlockLimits, SubaccountBlockLimits } from './block-limits';
import type { FillablePriceConfig } from './fillable-price';
import type { LiquidityTier } from './liquidity-tier';

/** dYdX's liquidations config (`x/clob` LiquidationsConfig). */
export type LiquidationsConfig = {
  /** Largest fee the liquidated subaccount pays the insurance fund, ppm of the fill's quote amount. */
  readonly maxLiquidationFeePpm: number;
  readonly fillablePriceConfig: FillablePriceConfig;
  readonly positionBlockLimits: PositionBlockLimits;
  readonly subaccountBlockLimits: SubaccountBlockLimits;
};

/**
 * The liquidity tiers of dYdX's shared genesis (dydxprotocol/v4-chain `protocol/testing/genesis.sh`,
 * "Liquidity Tiers"): base IMF, maintenance fraction and OIMF caps (quote quantums, 1e-6 USDC).
 */
export const dydxLiquidityTiers: readonly LiquidityTier[] = [
  { id: 0, name: 'Large-Cap', initialMarginPpm: 20_000, maintenanceFractionPpm: 600_000, openInterestLowerCapQuoteQuantums: 0n, openInterestUpperCapQuoteQuantums: 0n },
  { id: 1, name: 'Small-Cap', initialMarginPpm: 100_000, maintenanceFractionPpm: 500_000, openInterestLowerCapQuoteQuantums: 20_000_000_000_000n, openInterestUpperCapQuoteQuantums: 50_000_000_000_000n },
  { id: 2, name: 'Long-Tail', initialMarginPpm: 200_000, maintenanceFractionPpm: 500_000, openInterestLowerCapQuoteQuantums: 5_000_000_000_000n, openInterestUpperCapQuoteQuantums: 10_000_000_000_000n },
  { id: 3, name: 'Safety', initialMarginPpm: 1_000_000, maintenanceFractionPpm: 200_000, openInterestLowerCapQuoteQuantums: 2_000_000_000_000n, openInterestUpperCapQuoteQuantums: 5_000_000_000_000n },
  { id: 4, name: 'Isolated', initialMarginPpm: 50_000, maintenanceFractionPpm: 600_000, openInterestLowerCapQuoteQuantums: 500_000_000_000n, openInterestUpperCapQuoteQuantums: 1_000_000_000_000n },
  { id: 5, name: 'Mid-Cap', initialMarginPpm: 50_000, maintenanceFractionPpm: 600_000, openInterestLowerCapQuoteQuantums: 40_000_000_000_000n, openInterestUpperCapQuoteQuantums: 100_000_000_000_000n },
  { id: 6, name: 'FX', initialMarginPpm: 10_000, maintenanceFractionPpm: 500_000, openInterestLowerCapQuoteQuantums: 500_000_000_000n, openInterestUpperCapQuoteQuantums: 1_000_000_000_000n },
];

/**
 * The protocol's default liquidations config (dydxprotocol/v4-chain `protocol/x/clob/types/liquidations_config.go`,
 * the values the unit tests and shared/vectors/dydx-v4.json `formulas` use): 0.5% max fee, ABR scale 1x,
 * spread 10% of maintenance margin, no effective block limits.
 */
export const dydxLiquidationsConfigDefault: LiquidationsConfig = {
  maxLiquidationFeePpm: 5_000,
  fillablePriceConfig: { bankruptcyAdjustmentPpm: 1_000_000, spreadToMaintenanceMarginRatioPpm: 100_000 },
  positionBlockLimits: { minPositionNotionalLiquidated: 1_000n, maxPositionPortionLiquidatedPpm: 1_000_000 },
  subaccountBlockLimits: { maxNotionalLiquidated: 100_000_000_000_000n, maxQuantumsInsuranceLost: 100_000_000_000_000n },
};

/**
 * The liquidations config of dYdX's shared testnet/local genesis (dydxprotocol/v4-chain `protocol/testing/genesis.sh`,
 * "Liquidations"): 1.5% max fee, spread 150% of maintenance margin, at least 1,000 USDC and at most 10% of a
 * position per block, 100,000 USDC notional and 1,000,000 USDC insurance payout per subaccount per block.
 */
export const dydxLiquidationsConfigGenesis: LiquidationsConfig = {
  maxLiquidationFeePpm: 15_000,
  fillablePriceConfig: { bankruptcyAdjustmentPpm: 1_000_000, spreadToMaintenanceMarginRatioPpm: 1_500_000 },
  positionBlockLimits: { minPositionNotionalLiquidated: 1_000_000_000n, maxPositionPortionLiquidatedPpm: 100_000 },
  subaccountBlockLimits: { maxNotionalLiquidated: 100_000_000_000n, maxQuantumsInsuranceLost: 1_000_000_000_000n },
};

/** How one market maps onto the engine: its liquidity tier and (optional) order granularity in plain units. */
export type DydxMarketParams = {
  /** Id of the market's liquidity tier. */
  readonly liquidityTierId: number;
  /** Order size step in base units (the CLOB pair's step base quantums); 0 for none. */
  readonly stepSizeBase?: number;
  /** Order price tick in quote per base (the CLOB pair's subticks per tick); 0 for none. */
  readonly tickSizeQuote?: number;
  /** Open interest notional in quote, for the OI-adjusted IMF in validation; 0 or absent for none. */
  readonly openInterestQuote?: number;
};

/**
 * Markets and their liquidity tiers in dYdX's shared genesis (`protocol/testing/genesis.sh`, "Perpetuals":
 * BTC-USD and ETH-USD in Large-Cap, the other launch markets in Small-Cap), with the genesis CLOB pairs' step
 * (`step_base_quantums` 10^-4 BTC and 10^-3 ETH) and tick (`subticks_per_tick` 1 USD and 0.1 USD).
 */
export const dydxMarkets: Readonly<Record<string, DydxMarketParams>> = {
  'BTC-USD': { liquidityTierId: 0, stepSizeBase: 0.0001, tickSizeQuote: 1 },
  'ETH-USD': { liquidityTierId: 0, stepSizeBase: 0.001, tickSizeQuote: 0.1 },
  'LINK-USD': { liquidityTierId: 1 },
  'POL-USD': { liquidityTierId: 1 },
  'CRV-USD': { liquidityTierId: 1 },
  'SOL-USD': { liquidityTierId: 1 },
  'ADA-USD': { liquidityTierId: 1 },
  'AVAX-USD': { liquidityTierId: 1 },
  'FIL-USD': { liquidityTierId: 1 },
  'LTC-USD': { liquidityTierId: 1 },
  'DOGE-USD': { liquidityTierId: 1 },
};

import type { AmountQuote, Fraction } from '@firesale/spec';

/** Risk parameters of one GMX v2 market that the liquidation rules use (decimal fractions, USD amounts). */
export type GmxMarketParams = {
  /** Minimum collateral / size when opening or increasing; `1 / minCollateralFactor` is the max leverage. */
  readonly minCollateralFactor: Fraction;
  /** Minimum remaining collateral / size below which a position is liquidatable. */
  readonly minCollateralFactorForLiquidation: Fraction;
  /** Absolute floor on remaining collateral, in USD (`MIN_COLLATERAL_USD`). */
  readonly minCollateralUsd: AmountQuote;
  /** Close fee rate when the close improves pool balance. */
  readonly positionFeeFactorForPositiveImpact: Fraction;
  /** Close fee rate when the close worsens pool balance (used for liquidations, the conservative case). */
  readonly positionFeeFactorForNegativeImpact: Fraction;
  /** Liquidation fee rate on the liquidated size, charged on execution (not in the liquidatable check). */
  readonly liquidationFeeFactor: Fraction;
  /** Cap on negative price impact in the liquidatable check, as a fraction of size. */
  readonly maxPositionImpactFactorForLiquidations: Fraction;
};

/**
 * gmx-synthetics `config/markets.ts` `baseMarketConfig` (commit a5c0c883): min collateral factors 1%, position
 * fees 0.04% / 0.06%, liquidation fee 0.20%, no negative impact in the liquidatable check, `minCollateralUsd` 1 USD.
 */
export const gmxBaseMarketParams = {
  minCollateralFactor: 0.01,
  minCollateralFactorForLiquidation: 0.01,
  minCollateralUsd: 1,
  positionFeeFactorForPositiveImpact: 0.0004,
  positionFeeFactorForNegativeImpact: 0.0006,
  liquidationFeeFactor: 0.002,
  maxPositionImpactFactorForLiquidations: 0,
} as const satisfies GmxMarketParams;

/** gmx-synthetics `config/markets.ts` `syntheticMarketConfig` (commit a5c0c883): the base config with a 0.30% liquidation fee. */
export const gmxSyntheticMarketParams = {
  ...gmxBaseMarketParams,
  liquidationFeeFactor: 0.003,
} as const satisfies GmxMarketParams;

/**
 * The hardhat test fixture (`config/markets.ts` `hardhatBaseMarketConfig`, as used by `test/exchange/LiquidationOrder.ts`
 * and `test/guardian/testLiquidation.ts`): 1% min collateral factors, 1 USD min collateral, no fees, no impact.
 */
export const gmxHardhatFixtureParams = {
  minCollateralFactor: 0.01,
  minCollateralFactorForLiquidation: 0.01,
  minCollateralUsd: 1,
  positionFeeFactorForPositiveImpact: 0,
  positionFeeFactorForNegativeImpact: 0,
  liquidationFeeFactor: 0,
  maxPositionImpactFactorForLiquidations: 0,
} as const satisfies GmxMarketParams;

/** Token decimals of common GMX v2 collateral and index tokens (gmx-synthetics `config/tokens.ts`). */
export const gmxTokenDecimals: Readonly<Record<string, number>> = {
  WETH: 18,
  ETH: 18,
  WBTC: 8,
  'WBTC.e': 8,
  BTC: 8,
  USDC: 6,
  'USDC.e': 6,
  USDT: 6,
  DAI: 18,
  SOL: 9,
  ARB: 18,
  LINK: 18,
  UNI: 18,
};

/**
 * Aave v3 for firesale: account data and health factor, the v3.3 close factor (50% / 100% below HF 0.95 or
 * small positions), liquidation bonus and protocol fee with the v3.7 rounding, collateral capping, the
 * minimum-leftover (dust) rule and bad-debt deficit, in exact integer arithmetic as aave-v3-origin computes
 * them; plus a `LiquidationEngineModelV1` for one-collateral, one-debt positions.
 *
 * @packageDocumentation
 */
export { createAaveEngine, aaveCapabilities } from './aave-engine';
export type { AaveEngineOptions } from './aave-engine';
export { aaveV3TestListing } from './aave-params';
export type { AaveMarketParams, AaveReserveParams } from './aave-params';
export { aaveLiquidationConstants } from './aave-constants';
export type { AaveLiquidationConstants } from './aave-constants';
export { VenueRuleError, isVenueRuleError } from './venue-rule-error';
export {
  PERCENTAGE_FACTOR,
  WAD,
  MAX_UINT256,
  percentMul,
  percentMulFloor,
  percentMulCeil,
  percentDiv,
  percentDivFloor,
  percentDivCeil,
  wadDiv,
} from './percentage-math';
export { calculateAccountData, collateralBase, debtBase, assetUnit } from './account-data';
export type { AaveAccount, AaveAccountData, AaveCollateralPosition, AaveDebtPosition } from './account-data';
export { maxLiquidatableDebt } from './close-factor';
export type { CloseFactorInput, CloseFactorResult } from './close-factor';
export { availableCollateralToLiquidate } from './collateral-amounts';
export type { CollateralAmountsInput, CollateralAmounts } from './collateral-amounts';
export { liquidationCall } from './liquidation-call';
export type { LiquidationCallInput, LiquidationCallResult } from './liquidation-call';
export { lendingSides, healthFactorOnePriceQuote } from './lending-prices';
export type { LendingSides } from './lending-prices';

/**
 * GMX v2 (gmx-synthetics) liquidation engine for firesale: the exact liquidatable check in 30-decimal USD,
 * the liquidation payout in the collateral token, market risk parameters from gmx-synthetics `config/markets.ts`.
 *
 * @packageDocumentation
 */
export { createGmxEngine, gmxCapabilities } from './gmx-engine';
export type { GmxEngineOptions } from './gmx-engine';
export { gmxBaseMarketParams, gmxSyntheticMarketParams, gmxHardhatFixtureParams, gmxTokenDecimals } from './gmx-params';
export type { GmxMarketParams } from './gmx-params';
export { isPositionLiquidatable } from './liquidatable';
export type { GmxPosition, GmxLiquidationCheckParams, GmxLiquidationCheckInput, GmxLiquidationCheck, GmxLiquidationReason } from './liquidatable';
export { liquidationPayout } from './liquidation-payout';
export type { GmxLiquidationPayoutInput, GmxLiquidationPayout } from './liquidation-payout';
export { positionPnlUsd } from './position-pnl';
export type { GmxPrice } from './position-pnl';
export { gmxLiquidationPrice, gmxBankruptcyPrice, liquidationThresholdUsd } from './liquidation-price';
export { FLOAT_PRECISION, USD_DECIMALS, parseDecimal, formatFixed, fixedToNumber, applyFactor, roundUpDivision, tokenPrice } from './fixed-point';
export { VenueRuleError } from './venue-rule-error';

/**
 * OKX perpetual liquidation engine for firesale: position tiers, the isolated liquidation price, gradual
 * (tier-by-tier) liquidation, insurance fund and ADL.
 *
 * @packageDocumentation
 */
export { createOkxEngine, okxCapabilities } from './okx-engine';
export type { OkxEngineOptions } from './okx-engine';
export { okxFixtureParams } from './okx-params';
export type { OkxParams, OkxTier } from './okx-params';
export { okxTierIndex, okxMaintenanceRatio, okxMaintenanceMargin } from './margin-tiers';
export type { OkxMaintenanceRatio } from './margin-tiers';
export { isolatedLiquidationPrice, isolatedBankruptcyPrice } from './liquidation-price';
export type { IsolatedLiquidationInput } from './liquidation-price';
export { settleLiquidation } from './settlement';
export { adlScore } from './adl-score';
export { VenueRuleError } from './venue-rule-error';

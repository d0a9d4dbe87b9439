/**
 * Gate perpetual liquidation engine for firesale: risk-limit tiers, the isolated liquidation price, full
 * liquidation, insurance fund and ADL.
 *
 * @packageDocumentation
 */
export { createGateEngine, gateCapabilities } from './gate-engine';
export type { GateEngineOptions } from './gate-engine';
export { gateFixtureParams } from './gate-params';
export type { GateParams, GateTier } from './gate-params';
export { gateTierIndex, gateMaintenanceRatio, gateMaintenanceMargin } from './margin-tiers';
export type { GateMaintenanceRatio } from './margin-tiers';
export { isolatedLiquidationPrice, isolatedBankruptcyPrice } from './liquidation-price';
export type { IsolatedLiquidationInput } from './liquidation-price';
export { settleLiquidation } from './settlement';
export { adlScore } from './adl-score';
export { VenueRuleError } from './venue-rule-error';

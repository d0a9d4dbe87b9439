/**
 * A configurable liquidation engine: maintenance margin rate or tiers, liquidation fee, partial liquidation,
 * insurance fund and ADL. The example scenarios and the engine's tests use it; it is also the reference
 * implementation of `LiquidationEngineModelV1` for plugin authors.
 *
 * @packageDocumentation
 */
export { createGenericEngine, genericCapabilities, genericDefaults } from './generic-engine';
export type { GenericEngineOptions } from './generic-engine';
export { resolveMarginTiers, maintenanceMargin, tierIndex } from './margin-tiers';
export type { MarginTier, ResolvedMarginTiers } from './margin-tiers';
export { liquidationPrice, bankruptcyPrice } from './liquidation-price';
export { settleGeneric } from './settlement';
export { adlScore } from './adl-score';

/**
 * Bybit liquidation mechanics for firesale: risk-limit tiers with MM deduction, isolated USDT and inverse cross
 * liquidation and bankruptcy prices, settlement at the bankruptcy price, ADL ranking, and a USDT-perpetual
 * liquidation engine. Vector handlers are in the `./vectors` entry point.
 *
 * @packageDocumentation
 */
export { createBybitEngine, bybitCapabilities } from './bybit-engine';
export type { BybitEngineOptions } from './bybit-engine';
export { bybitParams } from './bybit-params';
export type { BybitParams } from './bybit-params';
export { maintenanceMargin, resolveRiskLimits, riskLimitIndex } from './risk-limits';
export type { BybitRiskLimitTier, ResolvedRiskLimits } from './risk-limits';
export { isolatedBankruptcyPrice, isolatedLiquidationPrice, isolatedMargins } from './usdt-liquidation-price';
export type { BybitIsolatedMargins } from './usdt-liquidation-price';
export { inverseCrossBankruptcyPrice, inverseCrossLiquidationPrice } from './inverse-cross';
export type { InverseCrossInput } from './inverse-cross';
export { inverseIsolatedBankruptcyPrice, inverseIsolatedLiquidationPrice, inverseIsolatedMargins } from './inverse-isolated';
export type { InverseIsolatedInput, InverseIsolatedMargins } from './inverse-isolated';
export { closeBaseToLowerTier, decideLiquidationOrder } from './liquidation-order';
export { settleAtBankruptcy } from './settlement';
export { adlRanking } from './adl-ranking';
export { VenueRuleError } from './venue-rule-error';

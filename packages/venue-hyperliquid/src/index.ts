/**
 * Hyperliquid's liquidation engine for firesale: maintenance margin at half the initial margin of the asset's max
 * leverage (tiered by notional), liquidation price, partial liquidation of large positions with a cooldown,
 * the liquidator vault's backstop, and ADL ranking. Vector handlers are in the `./vectors` entry point.
 *
 * @packageDocumentation
 */
export { createHyperliquidEngine, hyperliquidCapabilities } from './hyperliquid-engine';
export type { HyperliquidEngineOptions } from './hyperliquid-engine';
export { hyperliquidParams } from './hyperliquid-params';
export type { HyperliquidParams } from './hyperliquid-params';
export {
  flatMarginTable,
  maintenanceMargin,
  maintenanceRateForMaxLeverage,
  marginTierIndex,
  resolveMarginTable,
} from './margin-tiers';
export type { HyperliquidMarginTier, ResolvedMarginTable } from './margin-tiers';
export { bankruptcyPrice, liquidationPrice, liquidationPriceAtMaxLeverage } from './liquidation-price';
export { decideLiquidationOrder } from './liquidation-order';
export { settleLiquidation } from './settlement';
export { adlScore } from './adl-score';
export { VenueRuleError } from './venue-rule-error';

/**
 * BitMEX liquidation mechanics for firesale: risk limits that raise margins per step, liquidation and bankruptcy
 * price, settlement at the bankruptcy price with the maintenance margin to the insurance fund, the ADL ranking and
 * its 20% indicator, and a linear-perpetual liquidation engine. Vector handlers are in the `./vectors` entry point.
 *
 * @packageDocumentation
 */
export { createBitmexEngine, bitmexCapabilities } from './bitmex-engine';
export type { BitmexEngineOptions } from './bitmex-engine';
export { bitmexParams } from './bitmex-params';
export type { BitmexParams } from './bitmex-params';
export { initialMarginRate, maintenanceMargin, maintenanceMarginRate, maxLeverage, riskStep } from './risk-limits';
export type { BitmexRiskLimit } from './risk-limits';
export { bankruptcyPrice, liquidationPrice } from './liquidation-price';
export { closeBaseToLowerRiskLimit, decideLiquidationOrder } from './liquidation-order';
export { settleAtBankruptcy } from './settlement';
export { adlQueue, adlRanking, adlRankingFromValues } from './adl-ranking';
export type { AdlQueue, AdlQueueEntry } from './adl-ranking';
export { VenueRuleError } from './venue-rule-error';

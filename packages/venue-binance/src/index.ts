/**
 * Binance Futures liquidation mechanics for firesale: USDⓈ-M and COIN-M leverage brackets with maintenance
 * amounts, isolated and cross liquidation price (bracket at the liquidation price), ADL ranking by LeveragePnL,
 * and a USDⓈ-M liquidation engine. Vector handlers are in the `./vectors` entry point.
 *
 * @packageDocumentation
 */
export { createBinanceEngine, binanceCapabilities } from './binance-engine';
export type { BinanceEngineOptions } from './binance-engine';
export { binanceParams } from './binance-params';
export type { BinanceParams } from './binance-params';
export {
  bracketIndex,
  maintenanceAmountRecurrence,
  maintenanceMargin,
  maintenanceMarginAt,
  maintenanceRateAndAmount,
  resolveBrackets,
} from './leverage-brackets';
export type { BinanceBracket, ResolvedBrackets } from './leverage-brackets';
export { usdmBankruptcyPrice, usdmLiquidationPrice, usdmLiquidationPriceAt } from './usdm-liquidation-price';
export type { UsdmLiquidationInput } from './usdm-liquidation-price';
export { coinmLiquidationPrice, coinmLiquidationPriceAt, coinmMaintenanceMargin } from './coinm-liquidation-price';
export type { CoinmLiquidationInput } from './coinm-liquidation-price';
export { binanceAdlRanking } from './adl-ranking';
export type { BinanceAdlInput, BinanceAdlRanking } from './adl-ranking';
export { closeBaseToLowerBracket, decideLiquidationOrder } from './liquidation-order';
export { settleLiquidation } from './settlement';
export { VenueRuleError } from './venue-rule-error';

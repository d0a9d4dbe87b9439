/**
 * dYdX v4 (v4-chain) for firesale: the exact integer liquidation rules (liquidity tiers with open-interest-
 * adjusted IMF, bankruptcy and fillable price, subticks, insurance fund delta, per-block limits, deleveraging with
 * its collateral checks) and a `LiquidationEngineModelV1` built on them.
 *
 * @packageDocumentation
 */
export { createDydxEngine, dydxCapabilities, settleDydx, dydxAdlScore } from './dydx-engine';
export type { DydxEngineOptions } from './dydx-engine';
export {
  dydxLiquidityTiers,
  dydxLiquidationsConfigDefault,
  dydxLiquidationsConfigGenesis,
  dydxMarkets,
} from './dydx-params';
export type { LiquidationsConfig, DydxMarketParams } from './dydx-params';
export { VenueRuleError } from './venue-rule-error';
export type { Rational } from './rational';
export { rat } from './rational';
export {
  QUOTE_ATOMIC_RESOLUTION,
  baseToQuoteQuantums,
  quoteToBaseQuantums,
  fillAmountToQuoteQuantums,
} from './quantums';
export type { MarketPrice } from './quantums';
export {
  adjustedInitialMarginPpm,
  initialMarginQuoteQuantums,
  maintenanceMarginQuoteQuantums,
  maintenanceMarginFraction,
} from './liquidity-tier';
export type { LiquidityTier } from './liquidity-tier';
export {
  marginRequirements,
  positionRisk,
  subaccountRisk,
  isLiquidatable,
  netNotionalQuoteQuantums,
  applySubaccountUpdate,
} from './subaccount-risk';
export type { PerpetualMarket, PerpetualPosition, Subaccount, Risk } from './subaccount-risk';
export { bankruptcyPriceQuoteQuantums } from './bankruptcy-price';
export { fillablePrice, fillablePriceToSubticks } from './fillable-price';
export type { FillablePriceConfig, ClobPairParams } from './fillable-price';
export { insuranceFundDeltaQuoteQuantums, insuranceFundDeltaQuote } from './insurance-fund-delta';
export type { LiquidationFill } from './insurance-fund-delta';
export {
  positionNotionalLiquidatable,
  subaccountMaxNotionalLiquidatable,
  subaccountMaxInsuranceLost,
  liquidatablePositionSizeDelta,
  validateFillAgainstSubaccountBlockLimits,
  NO_LIQUIDATIONS_THIS_BLOCK,
} from './block-limits';
export type { PositionBlockLimits, SubaccountBlockLimits, SubaccountLiquidationInfo } from './block-limits';
export { isValidUndercollateralizedTransition, isValidSubaccountUpdate } from './collateral-check';
export { processDeleveraging, deleveragingQuoteQuantums, offsetSubaccountPerpetualPosition } from './deleveraging';
export type { DeleveragingResult, DeleveragingOptions, DeleveragingFill } from './deleveraging';
export { liquidationPrice, bankruptcyPrice, fillablePriceQuote, liquidatableSizeBase } from './liquidation-price';
export { formatScaledInteger, formatScaledRational } from './decimal-format';

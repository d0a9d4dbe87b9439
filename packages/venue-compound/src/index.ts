/**
 * Compound III (Comet) for firesale: `isLiquidatable` and `isBorrowCollateralized`, `absorb` of underwater
 * accounts into protocol reserves, `quoteCollateral` at the store-front price and `buyCollateral`, in exact
 * integer arithmetic as compound-finance/comet computes them; plus a `LiquidationEngineModelV1` that maps a
 * Comet borrow onto a firesale position.
 *
 * @packageDocumentation
 */
export { createCompoundEngine, compoundCapabilities } from './compound-engine';
export type { CompoundEngineOptions } from './compound-engine';
export { cometUsdcMainnetLaunch } from './comet-params';
export type { CometAssetParams, CometMarketParams } from './comet-params';
export { VenueRuleError, isVenueRuleError } from './venue-rule-error';
export {
  FACTOR_SCALE,
  BASE_INDEX_SCALE,
  PRICE_SCALE,
  mulFactor,
  mulPrice,
  divPrice,
  storedFactor,
  presentValue,
  principalValue,
} from './comet-math';
export type { BaseIndices } from './comet-math';
export { accountLiquidity, isLiquidatable, isBorrowCollateralized } from './is-liquidatable';
export type {
  CometBaseState,
  CometCollateralHolding,
  CometLiquidityInput,
  CometLiquidity,
  IsLiquidatableInput,
  IsBorrowCollateralizedInput,
} from './is-liquidatable';
export { absorb, absorbAccount, sumPaidOut } from './absorb';
export type { AbsorbAccountInput, AbsorbAccountResult, AbsorbInput, AbsorbResult } from './absorb';
export { quoteCollateral, storeFrontDiscount } from './quote-collateral';
export type { QuoteCollateralInput, CollateralQuote } from './quote-collateral';
export { buyCollateral } from './buy-collateral';
export type { BuyCollateralInput, BuyCollateralResult } from './buy-collateral';
export { cometLiquidationPriceQuote } from './lending-prices';

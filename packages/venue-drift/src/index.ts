/**
 * Drift protocol v2 liquidation engine for firesale: the program's liquidation math in exact integers at Drift's
 * precisions (BigInt), and a perp liquidation engine built on it.
 *
 * @packageDocumentation
 */
export * from './precisions';
export { baseAssetAmountToCoverMarginShortage, liabilityTransferToCoverMarginShortage } from './margin-shortage';
export type { BaseToCoverInput, LiabilityToCoverInput } from './margin-shortage';
export {
  liabilityTransferImpliedByAssetAmount,
  assetTransferForLiabilityTransferExact,
  assetTransferForLiabilityTransfer,
  swapPrice,
  checkTransferSatisfiesLimitPrice,
  checkSwapWithinLiquidationBoundaries,
  validateSwapWithinLiquidationBoundaries,
  validateTransferSatisfiesLimitPrice,
} from './transfers';
export type { TransferLeg, TransferCheck } from './transfers';
export { perpIfFee, spotIfFee } from './insurance-fund-fee';
export type { PerpIfFeeInput, SpotIfFeeInput } from './insurance-fund-fee';
export { liquidationFee, maxPctToLiquidate } from './liquidation-fee';
export type { MaxPctToLiquidateInput } from './liquidation-fee';
export { fundingRateDeltaToResolveBankruptcy, depositTokenAmount, cumulativeDepositInterestDeltaToResolveBankruptcy } from './bankruptcy';
export { perpFreedCollateralAfterFees, spotFreedCollateralAfterIfFee } from './freed-collateral';
export { VenueRuleError } from './venue-rule-error';
export { createDriftEngine, driftCapabilities } from './drift-engine';
export type { DriftEngineOptions } from './drift-engine';
export { driftExampleParams } from './drift-params';
export type { DriftParams, DriftPerpMarketParams } from './drift-params';
export { driftPerpLiquidationPrice, driftPerpBankruptcyPrice } from './perp-liquidation-price';

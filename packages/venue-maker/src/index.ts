/**
 * Maker (Sky) Liquidation 2.0 for firesale: `Dog.bark` with the `Hole`/`hole` limits and the dust rules,
 * Clipper `kick`, `take`, `redo` and keeper incentives, and the Dutch auction price curves of `abaci.sol`
 * (exact `rpow`), all in exact integer arithmetic (wad/ray/rad) as makerdao/dss computes them; plus a
 * `LiquidationEngineModelV1` that maps a vault onto a firesale position.
 *
 * @packageDocumentation
 */
export { createMakerEngine, makerCapabilities } from './maker-engine';
export type { MakerEngineOptions } from './maker-engine';
export { makerDssTestParams } from './maker-params';
export type { MakerIlkParams, MakerParams } from './maker-params';
export { VenueRuleError, isVenueRuleError } from './venue-rule-error';
export { WAD, RAY, RAD, MAX_UINT256, rmul, rdiv, wmul, rpow } from './fixed-point';
export {
  auctionPrice,
  linearDecreasePrice,
  stairstepExponentialDecreasePrice,
  exponentialDecreasePrice,
} from './auction-price';
export type { AuctionCurve } from './auction-price';
export { bark, isVaultUnsafe, vaultDebtRad, spotPriceRay } from './bark';
export type { BarkInput, BarkResult } from './bark';
export { kick, feedPriceRay, startingPriceRay, kickIncentiveRad } from './kick';
export type { KickInput, KickResult, KeeperIncentive } from './kick';
export { auctionStatus, redo, redoIncentiveRad, chostRad } from './auction-status';
export type { AuctionStatusInput, AuctionStatus, RedoInput, RedoResult, RedoIncentiveInput } from './auction-status';
export { take } from './take';
export type { TakeInput, TakeResult } from './take';
export { vaultLiquidationPriceQuote } from './vault-prices';

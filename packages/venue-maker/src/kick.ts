import { mul, rdiv, rmul, wmul } from './fixed-point';
import { VenueRuleError } from './venue-rule-error';

/** `Clipper.getFeedPrice` (dss src/clip.sol): `rdiv(oracle price wad * 1e9, par)`, in ray. */
export function feedPriceRay(oraclePriceWad: bigint, parRay: bigint): bigint {
  return rdiv(mul(oraclePriceWad, 10n ** 9n), parRay);
}

/** The starting price of an auction (kick or redo): `rmul(feedPrice, buf)`, in ray. */
export function startingPriceRay(feedPrice: bigint, bufRay: bigint): bigint {
  return rmul(feedPrice, bufRay);
}

/** The flat and proportional keeper incentive of a Clipper. */
export type KeeperIncentive = {
  /** Flat reward, rad. */
  readonly tipRad: bigint;
  /** Share of the tab, wad (0.02e18 = 2%). */
  readonly chipWad: bigint;
};

/** Keeper reward for a kick: `tip + wmul(tab, chip)` when either is set, else 0, in rad (dss clip.sol). */
export function kickIncentiveRad(tabRad: bigint, incentive: KeeperIncentive): bigint {
  if (incentive.tipRad > 0n || incentive.chipWad > 0n) return incentive.tipRad + wmul(tabRad, incentive.chipWad);
  return 0n;
}

/** Input of {@link kick}. */
export type KickInput = KeeperIncentive & {
  readonly tabRad: bigint;
  readonly lotWad: bigint;
  /** Oracle price now, ray (see {@link feedPriceRay}). */
  readonly feedPriceRay: bigint;
  /** Starting-price multiplier, ray (1.2e27 starts 20% above the oracle). */
  readonly bufRay: bigint;
};

/** What `Clipper.kick` sets: the auction's starting price and the keeper's reward. */
export type KickResult = { readonly topRay: bigint; readonly coinRad: bigint };

/**
 * `Clipper.kick` (dss src/clip.sol): starts an auction at `top = rmul(feedPrice, buf)` and pays the keeper
 * `tip + wmul(tab, chip)`.
 *
 * @throws {@link VenueRuleError} `Clipper/zero-tab`, `Clipper/zero-lot`, `Clipper/zero-top-price`.
 */
export function kick(input: KickInput): KickResult {
  if (input.tabRad <= 0n) throw new VenueRuleError('Clipper/zero-tab');
  if (input.lotWad <= 0n) throw new VenueRuleError('Clipper/zero-lot');
  const topRay = startingPriceRay(input.feedPriceRay, input.bufRay);
  if (topRay <= 0n) throw new VenueRuleError('Clipper/zero-top-price');
  return { topRay, coinRad: kickIncentiveRad(input.tabRad, input) };
}

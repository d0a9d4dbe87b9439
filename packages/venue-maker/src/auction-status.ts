import { type AuctionCurve, auctionPrice } from './auction-price';
import { mul, rdiv, wmul } from './fixed-point';
import { type KeeperIncentive, kickIncentiveRad, startingPriceRay } from './kick';
import { VenueRuleError } from './venue-rule-error';

/** An auction's clock and reset rules. */
export type AuctionStatusInput = {
  readonly curve: AuctionCurve;
  /** Starting price, ray. */
  readonly topRay: bigint;
  /** Seconds since the auction (re)started: `now - tic`. */
  readonly durSeconds: number | bigint;
  /** Seconds after which the auction must be reset. */
  readonly tailSeconds: number | bigint;
  /** Fraction of `top` below which the auction must be reset, ray. */
  readonly cuspRay: bigint;
};

/** `Clipper.getStatus`: the price now and whether the auction needs a redo. */
export type AuctionStatus = { readonly priceRay: bigint; readonly needsRedo: boolean };

/**
 * `Clipper.status` (dss src/clip.sol): price = calc.price(top, now - tic); done when
 * `now - tic > tail` or `rdiv(price, top) < cusp` (both strict).
 */
export function auctionStatus(input: AuctionStatusInput): AuctionStatus {
  const dur = BigInt(input.durSeconds);
  const priceRay = auctionPrice(input.curve, input.topRay, dur);
  const needsRedo = dur > BigInt(input.tailSeconds) || rdiv(priceRay, input.topRay) < input.cuspRay;
  return { priceRay, needsRedo };
}

/** `Clipper.chost`: the smallest tab a partial take may leave, `wmul(dust, chop)`, in rad. */
export function chostRad(dustRad: bigint, chopWad: bigint): bigint {
  return wmul(dustRad, chopWad);
}

/** Inputs of the keeper reward for a redo. */
export type RedoIncentiveInput = KeeperIncentive & {
  readonly tabRad: bigint;
  readonly lotWad: bigint;
  /** Oracle price at the redo, ray. */
  readonly feedPriceRay: bigint;
  readonly chostRad: bigint;
};

/**
 * Keeper reward for `Clipper.redo` (dss src/clip.sol): `tip + wmul(tab, chip)` only when tip or chip is set
 * AND `tab >= chost` AND `lot * feedPrice >= chost` (dusty auctions pay nothing), in rad.
 */
export function redoIncentiveRad(input: RedoIncentiveInput): bigint {
  if (input.tipRad > 0n || input.chipWad > 0n) {
    if (input.tabRad >= input.chostRad && mul(input.lotWad, input.feedPriceRay) >= input.chostRad) {
      return kickIncentiveRad(input.tabRad, input);
    }
  }
  return 0n;
}

/** Input of {@link redo}. */
export type RedoInput = AuctionStatusInput &
  RedoIncentiveInput & {
    readonly bufRay: bigint;
  };

/** What `Clipper.redo` sets: the new starting price (the clock restarts at 0) and the keeper's reward. */
export type RedoResult = { readonly topRay: bigint; readonly coinRad: bigint; readonly priceBeforeRay: bigint };

/**
 * `Clipper.redo` (dss src/clip.sol): restarts a finished auction (see {@link auctionStatus}) at
 * `top = rmul(feedPrice, buf)`.
 *
 * @throws {@link VenueRuleError} `Clipper/cannot-reset` when the auction is still running,
 * `Clipper/zero-top-price`.
 */
export function redo(input: RedoInput): RedoResult {
  const status = auctionStatus(input);
  if (!status.needsRedo) throw new VenueRuleError('Clipper/cannot-reset');
  const topRay = startingPriceRay(input.feedPriceRay, input.bufRay);
  if (topRay <= 0n) throw new VenueRuleError('Clipper/zero-top-price');
  return { topRay, coinRad: redoIncentiveRad(input), priceBeforeRay: status.priceRay };
}

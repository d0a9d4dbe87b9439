import { type AuctionStatusInput, auctionStatus } from './auction-status';
import { min, mul } from './fixed-point';
import { VenueRuleError } from './venue-rule-error';

/** A running auction and one keeper's bid. */
export type TakeInput = AuctionStatusInput & {
  /** DAI still to raise, rad. */
  readonly tabRad: bigint;
  /** Collateral still for sale, wad. */
  readonly lotWad: bigint;
  /** Smallest tab a partial take may leave (`chost`), rad. */
  readonly chostRad: bigint;
  /** Most collateral the keeper will buy, wad. */
  readonly amtWad: bigint;
  /** Highest price the keeper accepts, ray. */
  readonly maxRay: bigint;
};

/** What `Clipper.take` did. `tabAfterRad`/`lotAfterWad` are 0 once the auction ended. */
export type TakeResult = {
  readonly priceRay: bigint;
  /** Collateral bought, wad. */
  readonly sliceWad: bigint;
  /** DAI paid, rad. */
  readonly oweRad: bigint;
  readonly tabAfterRad: bigint;
  readonly lotAfterWad: bigint;
  /** Collateral sent back to the vault owner (the tab was covered before the lot ran out), wad. */
  readonly collateralReturnedWad: bigint;
  /** How much `Dog.Dirt` and `ilk.dirt` fall (`dog.digs`), rad. */
  readonly dirtReleasedRad: bigint;
  readonly auctionEnded: boolean;
};

/**
 * `Clipper.take` (dss src/clip.sol): buys up to `amt` collateral at the current auction price. A bid that
 * would leave a tab below `chost` (with collateral left) is cut to leave exactly `chost`.
 *
 * @throws {@link VenueRuleError} `Clipper/not-running-auction`, `Clipper/needs-reset`,
 * `Clipper/too-expensive`, `Clipper/no-partial-purchase`.
 */
export function take(input: TakeInput): TakeResult {
  if (input.lotWad <= 0n || input.tabRad <= 0n) throw new VenueRuleError('Clipper/not-running-auction');
  const { priceRay: price, needsRedo } = auctionStatus(input);
  if (needsRedo) throw new VenueRuleError('Clipper/needs-reset');
  if (input.maxRay < price) throw new VenueRuleError('Clipper/too-expensive');
  let lot = input.lotWad;
  let tab = input.tabRad;
  let slice = min(lot, input.amtWad);
  let owe = mul(slice, price);
  if (owe > tab) {
    owe = tab;
    slice = owe / price;
  } else if (owe < tab && slice < lot) {
    if (tab - owe < input.chostRad) {
      if (!(tab > input.chostRad)) throw new VenueRuleError('Clipper/no-partial-purchase');
      owe = tab - input.chostRad;
      slice = owe / price;
    }
  }
  tab -= owe;
  lot -= slice;
  const dirtReleasedRad = lot === 0n ? tab + owe : owe;
  if (lot === 0n) {
    return { priceRay: price, sliceWad: slice, oweRad: owe, tabAfterRad: 0n, lotAfterWad: 0n, collateralReturnedWad: 0n, dirtReleasedRad, auctionEnded: true };
  }
  if (tab === 0n) {
    return { priceRay: price, sliceWad: slice, oweRad: owe, tabAfterRad: 0n, lotAfterWad: 0n, collateralReturnedWad: lot, dirtReleasedRad, auctionEnded: true };
  }
  return { priceRay: price, sliceWad: slice, oweRad: owe, tabAfterRad: tab, lotAfterWad: lot, collateralReturnedWad: 0n, dirtReleasedRad, auctionEnded: false };
}

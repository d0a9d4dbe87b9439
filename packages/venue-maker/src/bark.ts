import { WAD, min, mul, rdiv } from './fixed-point';
import { VenueRuleError } from './venue-rule-error';

/** A vault (urn) and its ilk's liquidation state before `Dog.bark`. */
export type BarkInput = {
  /** Collateral locked in the vault, wad. */
  readonly inkWad: bigint;
  /** Normalised debt of the vault, wad (debt in DAI = art * rate). */
  readonly artWad: bigint;
  /** The ilk's accumulated stability-fee rate, ray. */
  readonly rateRay: bigint;
  /** The ilk's safety price (oracle price / liquidation ratio `mat`), ray. */
  readonly spotRay: bigint;
  /** Minimum vault debt, rad. */
  readonly dustRad: bigint;
  /** Liquidation penalty multiplier, wad (1.13e18 = 13%). */
  readonly chopWad: bigint;
  /** Global cap on DAI needed to cover all running auctions (`Dog.Hole`), rad. */
  readonly globalHoleRad: bigint;
  /** DAI currently needed by all running auctions (`Dog.Dirt`), rad. */
  readonly globalDirtRad: bigint;
  /** Per-ilk cap (`ilk.hole`), rad. */
  readonly ilkHoleRad: bigint;
  /** DAI currently needed by the ilk's running auctions (`ilk.dirt`), rad. */
  readonly ilkDirtRad: bigint;
};

/** What `Dog.bark` did: the part of the vault sent to auction and the new limits' usage. */
export type BarkResult = {
  /** Normalised debt confiscated, wad. */
  readonly dartWad: bigint;
  /** Collateral sent to auction (the auction's `lot`), wad. */
  readonly dinkWad: bigint;
  /** Debt confiscated, `dart * rate`, rad. */
  readonly dueRad: bigint;
  /** Debt plus penalty the auction must raise, `due * chop / WAD`, rad. */
  readonly tabRad: bigint;
  readonly inkAfterWad: bigint;
  readonly artAfterWad: bigint;
  readonly globalDirtAfterRad: bigint;
  readonly ilkDirtAfterRad: bigint;
};

/**
 * `Dog.bark` (makerdao/dss src/dog.sol): liquidates an unsafe vault, up to the room left under the global
 * `Hole` and the ilk's `hole`, never leaving a remnant below `dust` (the whole vault is taken instead, which
 * may overshoot the limits) and never starting an auction below `dust`.
 *
 * @throws {@link VenueRuleError} `Dog/not-unsafe`, `Dog/liquidation-limit-hit`,
 * `Dog/dusty-auction-from-partial-liquidation`, `Dog/null-auction`, `Dog/overflow`.
 */
export function bark(input: BarkInput): BarkResult {
  const { inkWad: ink, artWad: art, rateRay: rate, spotRay: spot, dustRad: dust, chopWad: chop } = input;
  if (!(spot > 0n && mul(ink, spot) < mul(art, rate))) throw new VenueRuleError('Dog/not-unsafe');
  if (!(input.globalHoleRad > input.globalDirtRad && input.ilkHoleRad > input.ilkDirtRad)) {
    throw new VenueRuleError('Dog/liquidation-limit-hit');
  }
  const room = min(input.globalHoleRad - input.globalDirtRad, input.ilkHoleRad - input.ilkDirtRad);
  // dart = min(art, room * WAD / rate / chop): normalised debt whose tab fits in the room.
  let dart = min(art, mul(room, WAD) / rate / chop);
  if (art > dart) {
    if (mul(art - dart, rate) < dust) {
      // The remnant would be dust: take the whole vault (may overshoot hole/Hole).
      dart = art;
    } else if (mul(dart, rate) < dust) {
      throw new VenueRuleError('Dog/dusty-auction-from-partial-liquidation', {
        room: room.toString(),
        dart_candidate: dart.toString(),
        dart_candidate_times_rate: (dart * rate).toString(),
      });
    }
  }
  const dink = mul(ink, dart) / art;
  if (dink <= 0n) throw new VenueRuleError('Dog/null-auction');
  if (dart > 1n << 255n || dink > 1n << 255n) throw new VenueRuleError('Dog/overflow');
  const due = mul(dart, rate);
  const tab = mul(due, chop) / WAD;
  return {
    dartWad: dart,
    dinkWad: dink,
    dueRad: due,
    tabRad: tab,
    inkAfterWad: ink - dink,
    artAfterWad: art - dart,
    globalDirtAfterRad: input.globalDirtRad + tab,
    ilkDirtAfterRad: input.ilkDirtRad + tab,
  };
}

/** The DAI debt of a vault in rad: `art * rate`. */
export function vaultDebtRad(artWad: bigint, rateRay: bigint): bigint {
  return mul(artWad, rateRay);
}

/** True when `Dog.bark` would accept the vault: `spot > 0` and `ink * spot < art * rate`. */
export function isVaultUnsafe(inkWad: bigint, artWad: bigint, rateRay: bigint, spotRay: bigint): boolean {
  return spotRay > 0n && mul(inkWad, spotRay) < mul(artWad, rateRay);
}

/** `Spotter.poke` (dss src/spot.sol): spot = rdiv(rdiv(oracle price wad * 1e9, par), mat), in ray. */
export function spotPriceRay(oraclePriceWad: bigint, parRay: bigint, matRay: bigint): bigint {
  return rdiv(rdiv(mul(oraclePriceWad, 10n ** 9n), parRay), matRay);
}

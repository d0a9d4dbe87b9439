import type { AuctionCurve } from './auction-price';
import { RAD, RAY, WAD } from './fixed-point';

/** One collateral type (ilk): its Spotter, Dog and Clipper parameters in on-chain units. */
export type MakerIlkParams = {
  /** Ilk name (`ETH-A`); also the firesale market id. */
  readonly ilk: string;
  /** The collateral token (`WETH`). */
  readonly collateralAsset: string;
  /** Liquidation ratio `mat` (Spotter), ray: a vault is unsafe when collateral value / mat < debt. */
  readonly matRay: bigint;
  /** Liquidation penalty `chop` (Dog), wad: 1.13e18 adds 13% to the debt. */
  readonly chopWad: bigint;
  /** Minimum vault debt `dust` (Vat), rad. */
  readonly dustRad: bigint;
  /** Most DAI the ilk's running auctions may need at once `hole` (Dog), rad. */
  readonly holeRad: bigint;
  /** Auction starting price over the oracle `buf` (Clipper), ray. */
  readonly bufRay: bigint;
  /** Seconds before an auction needs a reset `tail` (Clipper). */
  readonly tailSeconds: number;
  /** Fraction of the starting price below which an auction needs a reset `cusp` (Clipper), ray. */
  readonly cuspRay: bigint;
  /** The auction's price curve (Clipper `calc`). */
  readonly curve: AuctionCurve;
  /** Flat keeper reward `tip` (Clipper), rad. */
  readonly tipRad: bigint;
  /** Proportional keeper reward `chip` (Clipper), wad. */
  readonly chipWad: bigint;
};

/** Maker Liquidation 2.0 parameters: the global limit and each ilk. */
export type MakerParams = {
  /** Most DAI all running auctions may need at once `Hole` (Dog), rad. */
  readonly globalHoleRad: bigint;
  /** Collateral types by ilk name. */
  readonly ilks: Readonly<Record<string, MakerIlkParams>>;
};

/**
 * The collateral type of the dss test suite (makerdao/dss src/test/clip.t.sol `setUp` and `takeSetup`,
 * commit fa4f6630afb0624d04a003e920b0d71a00331d98, as used in vectors/lending.json): mat 200%, chop 10%,
 * dust 20 DAI, hole and Hole 1000 DAI, buf 125%, tail 3600 s, cusp 30%, stairstep cut 1% per second, no tip or
 * chip. Illustrative: mainnet ilks must be read from chain (Spotter.ilks, Dog.ilks, Clipper parameters).
 */
export const makerDssTestParams = {
  globalHoleRad: 1000n * RAD,
  ilks: {
    gold: {
      ilk: 'gold',
      collateralAsset: 'GOLD',
      matRay: 2n * RAY,
      chopWad: (11n * WAD) / 10n,
      dustRad: 20n * RAD,
      holeRad: 1000n * RAD,
      bufRay: (125n * RAY) / 100n,
      tailSeconds: 3600,
      cuspRay: (3n * RAY) / 10n,
      curve: { kind: 'StairstepExponentialDecrease', cutRay: (99n * RAY) / 100n, stepSeconds: 1 },
      tipRad: 0n,
      chipWad: 0n,
    },
  },
} as const satisfies MakerParams;

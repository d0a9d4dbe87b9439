/** One collateral asset of a Comet market, with its factors as decimals (0.825 = 82.5%). */
export type CometAssetParams = {
  readonly decimals: number;
  /** Share of the collateral's value that may be borrowed against. */
  readonly borrowCollateralFactor: number;
  /** Share of the collateral's value below which the account is liquidatable. */
  readonly liquidateCollateralFactor: number;
  /** Share of the collateral's value credited to the account on absorb. */
  readonly liquidationFactor: number;
};

/** A Comet market (one base asset) and its collateral assets. */
export type CometMarketParams = {
  /** The base (borrowed) asset, such as `USDC`. */
  readonly baseAsset: string;
  readonly baseDecimals: number;
  /** Share of the liquidation penalty given to buyers of reserves' collateral. */
  readonly storeFrontPriceFactor: number;
  /** Reserves above which collateral is no longer for sale, in base units. */
  readonly targetReservesBase: number;
  /** Smallest borrow, in base units. */
  readonly baseBorrowMinBase: number;
  /** Collateral assets by symbol; the firesale market id is the symbol. */
  readonly assets: Readonly<Record<string, CometAssetParams>>;
};

/**
 * cUSDCv3 on Ethereum at launch: compound-finance/comet deployments/mainnet/usdc/configuration.json (commit
 * dc111015983a377ddc6401642830e74cc83e417f). Governance has changed factors and added assets since; read the
 * live values from the Configurator for current work.
 */
export const cometUsdcMainnetLaunch = {
  baseAsset: 'USDC',
  baseDecimals: 6,
  storeFrontPriceFactor: 0.5,
  targetReservesBase: 5_000_000,
  baseBorrowMinBase: 100,
  assets: {
    COMP: { decimals: 18, borrowCollateralFactor: 0.65, liquidateCollateralFactor: 0.7, liquidationFactor: 0.93 },
    WBTC: { decimals: 8, borrowCollateralFactor: 0.7, liquidateCollateralFactor: 0.77, liquidationFactor: 0.95 },
    WETH: { decimals: 18, borrowCollateralFactor: 0.825, liquidateCollateralFactor: 0.895, liquidationFactor: 0.95 },
    UNI: { decimals: 18, borrowCollateralFactor: 0.75, liquidateCollateralFactor: 0.81, liquidationFactor: 0.93 },
    LINK: { decimals: 18, borrowCollateralFactor: 0.79, liquidateCollateralFactor: 0.85, liquidationFactor: 0.93 },
  },
} as const satisfies CometMarketParams;

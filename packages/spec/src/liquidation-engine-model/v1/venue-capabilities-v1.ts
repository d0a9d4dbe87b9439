/**
 * What a venue's liquidation engine does, key by key (ccxt's `has` map). `'emulated'` means firesale
 * approximates a mechanism the venue has but does not publish in enough detail to reproduce exactly.
 */
export type VenueCapabilitiesV1 = {
  /** Closes part of a position per step rather than all of it. */
  readonly partialLiquidation: boolean | 'emulated';
  /** Maintenance margin rate and amount depend on the position's notional (tiers, brackets). */
  readonly tieredMargin: boolean;
  /** Positions margined on their own (isolated margin). */
  readonly isolatedMargin: boolean;
  /** Positions share the account's collateral (cross margin). */
  readonly crossMargin: boolean | 'emulated';
  /** An insurance fund takes penalties and pays for closes below bankruptcy. */
  readonly insuranceFund: boolean;
  /** Auto-deleveraging of profitable opposite positions when the fund cannot pay. */
  readonly autoDeleveraging: boolean;
  /** A backstop vault or liquidity provider takes positions the book cannot absorb. */
  readonly backstopVault: boolean;
  /** Limits on how much is liquidated per block or step. */
  readonly perStepLimits: boolean;
  /** Accounts borrow one asset against collateral in another (lending protocols). */
  readonly lending: boolean;
};

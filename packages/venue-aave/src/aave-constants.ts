/**
 * Liquidation constants of Aave v3.3+ (aave-dao/aave-v3-origin
 * src/contracts/protocol/libraries/logic/LiquidationLogic.sol, commit fd1fbd9150426ca8ace9cee45b4acf912ae84f5b):
 * the close factor is 50% above health factor 0.95 when both the reserve's collateral and debt are worth at least
 * 2000 (base currency, USD with 8 decimals), else 100%; a partial liquidation must leave at least 1000 of both.
 */
export const aaveLiquidationConstants = {
  /** Close factor above `closeFactorHfThresholdWad`, bps. */
  defaultLiquidationCloseFactorBps: 5_000n,
  /** Health factor at or below which the whole debt may be liquidated (0.95), wad. */
  closeFactorHfThresholdWad: 950_000_000_000_000_000n,
  /** Reserve collateral and debt value below which the close factor is 100% (2000 USD), base currency. */
  minBaseMaxCloseFactorThreshold: 2_000n * 10n ** 8n,
  /** Least collateral and debt value a partial liquidation may leave (1000 USD), base currency. */
  minLeftoverBase: 1_000n * 10n ** 8n,
  /** Health factor below which an account is liquidatable (1.0), wad. */
  healthFactorLiquidationThresholdWad: 10n ** 18n,
} as const;

/** The constants of {@link aaveLiquidationConstants}, as a type users may override. */
export type AaveLiquidationConstants = {
  readonly [K in keyof typeof aaveLiquidationConstants]: bigint;
};

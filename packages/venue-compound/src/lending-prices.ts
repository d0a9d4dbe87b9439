/**
 * The collateral price at which an account with `collateralBase` and `debtQuote` becomes liquidatable in
 * Comet: collateral value * liquidateCollateralFactor < debt, so price = debt / (collateral * factor)
 * (Comet.sol `isLiquidatable`). With factor 1 it is the bankruptcy price. 0 when there is no debt.
 */
export function cometLiquidationPriceQuote(collateralBase: number, debtQuote: number, factor: number): number {
  if (debtQuote <= 0 || collateralBase <= 0) return 0;
  return debtQuote / (collateralBase * factor);
}

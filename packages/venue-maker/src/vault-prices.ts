/**
 * The price at which a vault of `collateralBase` with `debtQuote` DAI becomes unsafe: collateral value /
 * `mat` < debt, so price = debt * mat / collateral (dss dog.sol `bark`, spot.sol `poke`). With `mat = 1` it is
 * the bankruptcy price. 0 when there is no debt (never liquidatable).
 */
export function vaultLiquidationPriceQuote(collateralBase: number, debtQuote: number, mat: number): number {
  if (debtQuote <= 0 || collateralBase <= 0) return 0;
  return (debtQuote * mat) / collateralBase;
}

import { AMM_TO_QUOTE_PRECISION_RATIO, LIQUIDATION_FEE_PRECISION, MARGIN_PRECISION, PRICE_PRECISION, SPOT_WEIGHT_PRECISION } from './precisions';
import { div, mul, pow10, sub } from './safe-math';

/**
 * Margin a perp liquidation frees net of the fees it charges the user, QUOTE_PRECISION (the check in protocol-v2
 * `math/liquidation/tests.rs`): with `value = base x price / 1e6 / 1e3`,
 * `value x marginRatio / 1e4 - value x liquidatorFee / 1e6 - value x ifFee / 1e6`, each term floored.
 * Covering a shortage means this is at least the shortage.
 */
export function perpFreedCollateralAfterFees(baseAssetAmount: bigint, oraclePrice: bigint, marginRatio: bigint, liquidatorFee: bigint, ifFee: bigint): bigint {
  const value = div(div(mul(baseAssetAmount, oraclePrice), PRICE_PRECISION), AMM_TO_QUOTE_PRECISION_RATIO);
  const freed = div(mul(value, marginRatio), MARGIN_PRECISION);
  const liquidatorPart = div(mul(value, liquidatorFee), LIQUIDATION_FEE_PRECISION);
  const ifPart = div(mul(value, ifFee), LIQUIDATION_FEE_PRECISION);
  return sub(sub(freed, liquidatorPart), ifPart);
}

/**
 * Margin a spot liability transfer frees net of the insurance-fund fee, QUOTE_PRECISION (the check in
 * `math/liquidation/tests.rs`): the transferred value times `(liabWeight - assetWeight x assetMult / liabMult)`,
 * minus the IF fee's value times the liability weight, each term floored.
 */
export function spotFreedCollateralAfterIfFee(
  liabilityTransfer: bigint,
  liabilityPrice: bigint,
  liabilityDecimals: number,
  assetWeight: bigint,
  assetLiquidationMultiplier: bigint,
  liabilityWeight: bigint,
  liabilityLiquidationMultiplier: bigint,
  ifLiquidationFee: bigint,
): bigint {
  const toQuote = (amount: bigint) => {
    const value = div(mul(amount, liabilityPrice), PRICE_PRECISION);
    return liabilityDecimals >= 6 ? div(value, pow10(liabilityDecimals - 6)) : mul(value, pow10(6 - liabilityDecimals));
  };
  const weightGap = sub(liabilityWeight, div(mul(assetWeight, assetLiquidationMultiplier), liabilityLiquidationMultiplier));
  const freed = div(mul(toQuote(liabilityTransfer), weightGap), SPOT_WEIGHT_PRECISION);
  const ifFee = div(mul(liabilityTransfer, ifLiquidationFee), LIQUIDATION_FEE_PRECISION);
  const ifConsumed = div(mul(toQuote(ifFee), liabilityWeight), SPOT_WEIGHT_PRECISION);
  return sub(freed, ifConsumed);
}

/** A min/max oracle price pair in GMX units (USD with 30 decimals per smallest token unit). */
export type GmxPrice = { readonly min: bigint; readonly max: bigint };

/**
 * Position PnL in USD (30 decimals), gmx-synthetics `PositionUtils.getPositionPnlUsd`: the position value is
 * `sizeInTokens x price`, with the price that is worse for the trader (`pickPriceForPnl`: min for longs, max for
 * shorts); long PnL = value - sizeInUsd, short PnL = sizeInUsd - value. The pool-level cap on trader profits
 * (`MAX_PNL_FACTOR_FOR_TRADERS`) is not applied.
 */
export function positionPnlUsd(isLong: boolean, sizeInUsd: bigint, sizeInTokens: bigint, indexTokenPrice: GmxPrice): bigint {
  const positionValue = sizeInTokens * (isLong ? indexTokenPrice.min : indexTokenPrice.max);
  return isLong ? positionValue - sizeInUsd : sizeInUsd - positionValue;
}

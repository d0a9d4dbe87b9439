import type { AmountBase, AmountQuote, PriceQuote, SideSign } from '@firesale/spec';
import type { GmxMarketParams } from './gmx-params';

/**
 * The remaining collateral (USD) below which a position of `sizeUsd` is liquidatable, plus the close fee that the
 * check deducts: `max(minCollateralUsd, sizeUsd x minCollateralFactorForLiquidation) + sizeUsd x positionFee`
 * (from `PositionUtils.isPositionLiquidatable`; negative close fee factor, the liquidation case).
 */
export function liquidationThresholdUsd(params: GmxMarketParams, sizeUsd: AmountQuote): AmountQuote {
  return Math.max(params.minCollateralUsd, sizeUsd * params.minCollateralFactorForLiquidation) + sizeUsd * params.positionFeeFactorForNegativeImpact;
}

/**
 * Index price at which a position with stable (USD-valued) collateral `collateralUsd` becomes liquidatable:
 * solves `collateral + side x (sizeInTokens x P - sizeUsd) = threshold` with `sizeUsd = sizeInTokens x entry`.
 * Price impact and pending borrowing/funding fees are taken as 0. Below the returned price (longs) or above it
 * (shorts) {@link isPositionLiquidatable} returns true. A long that cannot be liquidated gets 0, a short `Infinity`.
 */
export function gmxLiquidationPrice(
  params: GmxMarketParams,
  side: SideSign,
  sizeInTokens: AmountBase,
  entryPriceQuote: PriceQuote,
  collateralUsd: AmountQuote,
): PriceQuote {
  const sizeUsd = sizeInTokens * entryPriceQuote;
  const threshold = liquidationThresholdUsd(params, sizeUsd);
  const price = (sizeUsd + side * (threshold - collateralUsd)) / sizeInTokens;
  if (side === 1) return price > 0 && Number.isFinite(price) ? price : 0;
  return price > 0 && Number.isFinite(price) ? price : Infinity;
}

/** Index price at which the remaining collateral reaches zero (fees and impact ignored); 0 floor for longs. */
export function gmxBankruptcyPrice(side: SideSign, sizeInTokens: AmountBase, entryPriceQuote: PriceQuote, collateralUsd: AmountQuote): PriceQuote {
  const price = entryPriceQuote - (side * collateralUsd) / sizeInTokens;
  return side === 1 ? Math.max(price, 0) : price;
}

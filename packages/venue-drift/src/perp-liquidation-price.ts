import type { AmountBase, AmountQuote, Fraction, PriceQuote, SideSign } from '@firesale/spec';

/**
 * Oracle price at which a perp position backed by `collateralQuote` alone reaches its maintenance margin:
 * Drift liquidates when total collateral < `notional x maintenanceMarginRatio` (protocol-v2 `math/margin.rs`,
 * `MarginRequirementType::Maintenance`, with the unrealised PnL at the oracle price as collateral). Solves
 * `collateral + side x size x (P - entry) = size x P x ratio`. A long that cannot be liquidated gets 0, a short
 * `Infinity`. The size premium (IMF factor) and the spot asset weights of non-USDC collateral are not modelled.
 */
export function driftPerpLiquidationPrice(
  side: SideSign,
  sizeBase: AmountBase,
  entryPriceQuote: PriceQuote,
  collateralQuote: AmountQuote,
  maintenanceMarginRatio: Fraction,
): PriceQuote {
  const price = (side * sizeBase * entryPriceQuote - collateralQuote) / (sizeBase * (side - maintenanceMarginRatio));
  if (side === 1) return price > 0 && Number.isFinite(price) ? price : 0;
  return price > 0 && Number.isFinite(price) ? price : Infinity;
}

/** Oracle price at which the position's collateral reaches zero (0 floor for longs). */
export function driftPerpBankruptcyPrice(side: SideSign, sizeBase: AmountBase, entryPriceQuote: PriceQuote, collateralQuote: AmountQuote): PriceQuote {
  const price = entryPriceQuote - (side * collateralQuote) / sizeBase;
  return side === 1 ? Math.max(price, 0) : price;
}

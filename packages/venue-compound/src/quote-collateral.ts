import { FACTOR_SCALE, mulFactor, storedFactor } from './comet-math';

/** Input of {@link quoteCollateral}. */
export type QuoteCollateralInput = {
  /** Base paid, base wei. */
  readonly baseAmount: bigint;
  /** Collateral oracle price, USD with 8 decimals. */
  readonly assetPrice: bigint;
  /** 10^decimals of the collateral. */
  readonly assetScale: bigint;
  /** Base oracle price, USD with 8 decimals. */
  readonly basePrice: bigint;
  /** 10^decimals of the base. */
  readonly baseScale: bigint;
  /** The collateral's liquidation factor, 1e18 (truncated to 4 decimals as Comet stores it). */
  readonly liquidationFactor: bigint;
  /** The market's store-front price factor, 1e18: share of the liquidation penalty given to buyers. */
  readonly storeFrontPriceFactor: bigint;
};

/** The quote: the discount, the discounted price and the collateral the base buys. */
export type CollateralQuote = {
  /** `mulFactor(storeFrontPriceFactor, 1e18 - liquidationFactor)`, 1e18. */
  readonly discountFactor: bigint;
  /** `mulFactor(assetPrice, 1e18 - discountFactor)`, USD 8 decimals. */
  readonly assetPriceDiscounted: bigint;
  /** `basePrice * baseAmount * assetScale / assetPriceDiscounted / baseScale`, asset wei. */
  readonly collateralAmount: bigint;
};

/**
 * Comet.sol `quoteCollateral`: collateral that `baseAmount` buys from reserves at the store-front price, the
 * oracle price less storeFrontPriceFactor * (1 - liquidationFactor).
 */
export function quoteCollateral(input: QuoteCollateralInput): CollateralQuote {
  const discountFactor = mulFactor(input.storeFrontPriceFactor, FACTOR_SCALE - storedFactor(input.liquidationFactor));
  const assetPriceDiscounted = mulFactor(input.assetPrice, FACTOR_SCALE - discountFactor);
  const collateralAmount =
    (input.basePrice * input.baseAmount * input.assetScale) / assetPriceDiscounted / input.baseScale;
  return { discountFactor, assetPriceDiscounted, collateralAmount };
}

/** The store-front discount as a fraction: storeFrontPriceFactor * (1 - liquidationFactor). */
export function storeFrontDiscount(storeFrontPriceFactor: number, liquidationFactor: number): number {
  return storeFrontPriceFactor * (1 - liquidationFactor);
}

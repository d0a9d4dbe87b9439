import { applyFactor } from './fixed-point';
import { positionPnlUsd, type GmxPrice } from './position-pnl';

/** A GMX v2 position in contract units. */
export type GmxPosition = {
  readonly isLong: boolean;
  /** Size in USD, 30 decimals. */
  readonly sizeInUsd: bigint;
  /** Size in index-token units (token decimals). */
  readonly sizeInTokens: bigint;
  /** Collateral in collateral-token units (token decimals). */
  readonly collateralAmount: bigint;
};

/** Market parameters of the liquidatable check in contract units (factors and USD with 30 decimals). */
export type GmxLiquidationCheckParams = {
  readonly minCollateralFactorForLiquidation: bigint;
  readonly minCollateralUsd: bigint;
  readonly maxPositionImpactFactorForLiquidations: bigint;
  /** Position (close) fee factor applied to the size. */
  readonly positionFeeFactor: bigint;
};

/** Inputs of {@link isPositionLiquidatable}. */
export type GmxLiquidationCheckInput = {
  readonly position: GmxPosition;
  readonly indexTokenPrice: GmxPrice;
  readonly collateralTokenPrice: GmxPrice;
  readonly params: GmxLiquidationCheckParams;
  /** Price impact of closing the whole position, USD with 30 decimals (negative is a cost); default 0. */
  readonly priceImpactUsd?: bigint;
  /** Other pending fees in USD (borrowing, funding), 30 decimals; default 0. */
  readonly pendingFeesUsd?: bigint;
  /** Whether the absolute `minCollateralUsd` floor applies (true for keeper liquidations). */
  readonly validateMinCollateralUsd?: boolean;
};

/**
 * Why a position is liquidatable, in firesale's words. GMX's own reason strings are `min collateral`, `< 0` and
 * `min collateral for leverage` (see {@link GmxLiquidationCheck.venueReason}).
 */
export type GmxLiquidationReason = 'remaining <= 0' | 'remaining < minCollateralUsd' | 'remaining < minCollateralUsdForLeverage';

/** Result of {@link isPositionLiquidatable}; USD values with 30 decimals. */
export type GmxLiquidationCheck = {
  readonly liquidatable: boolean;
  /** The most severe condition met (insolvency first), or null when not liquidatable. */
  readonly reason: GmxLiquidationReason | null;
  /** Every condition met, in the order gmx-synthetics checks them. */
  readonly reasons: readonly GmxLiquidationReason[];
  /** GMX's reason string of the first check that fails in contract order (`min collateral`, `< 0`, `min collateral for leverage`), or ''. */
  readonly venueReason: string;
  readonly remainingCollateralUsd: bigint;
  readonly minCollateralUsdForLeverage: bigint;
  readonly positionPnlUsd: bigint;
  readonly priceImpactUsd: bigint;
  readonly collateralCostUsd: bigint;
};

const SEVERITY: readonly GmxLiquidationReason[] = ['remaining <= 0', 'remaining < minCollateralUsd', 'remaining < minCollateralUsdForLeverage'];
const VENUE_REASON: Readonly<Record<GmxLiquidationReason, string>> = {
  'remaining < minCollateralUsd': 'min collateral',
  'remaining <= 0': '< 0',
  'remaining < minCollateralUsdForLeverage': 'min collateral for leverage',
};

/**
 * gmx-synthetics `PositionUtils.isPositionLiquidatable` (commit a5c0c883), exact in 30-decimal USD:
 * remaining = collateral x collateralPrice.min + pnl + min(priceImpact, 0) (negative impact capped at
 * size x maxPositionImpactFactorForLiquidations; positive impact counts as 0) - close fees (the liquidation fee is
 * not part of the check). Liquidatable if remaining < minCollateralUsd (when validated), remaining <= 0, or
 * remaining < size x minCollateralFactorForLiquidation.
 */
export function isPositionLiquidatable(input: GmxLiquidationCheckInput): GmxLiquidationCheck {
  const { position, params } = input;
  const pnl = positionPnlUsd(position.isLong, position.sizeInUsd, position.sizeInTokens, input.indexTokenPrice);
  const collateralUsd = position.collateralAmount * input.collateralTokenPrice.min;

  let priceImpactUsd = input.priceImpactUsd ?? 0n;
  if (priceImpactUsd >= 0n) {
    priceImpactUsd = 0n;
  } else {
    const maxNegative = -applyFactor(position.sizeInUsd, params.maxPositionImpactFactorForLiquidations);
    if (priceImpactUsd < maxNegative) priceImpactUsd = maxNegative;
  }

  // Close fee is charged in collateral tokens (rounded down), then valued at collateralPrice.min.
  const feeUsd = applyFactor(position.sizeInUsd, params.positionFeeFactor) + (input.pendingFeesUsd ?? 0n);
  const collateralCostUsd = (feeUsd / input.collateralTokenPrice.min) * input.collateralTokenPrice.min;

  const remainingCollateralUsd = collateralUsd + pnl + priceImpactUsd - collateralCostUsd;
  const minCollateralUsdForLeverage = applyFactor(position.sizeInUsd, params.minCollateralFactorForLiquidation);

  const met: GmxLiquidationReason[] = [];
  if ((input.validateMinCollateralUsd ?? true) && remainingCollateralUsd < params.minCollateralUsd) met.push('remaining < minCollateralUsd');
  if (remainingCollateralUsd <= 0n) met.push('remaining <= 0');
  if (remainingCollateralUsd < minCollateralUsdForLeverage) met.push('remaining < minCollateralUsdForLeverage');

  const reason = SEVERITY.find((r) => met.includes(r)) ?? null;
  return {
    liquidatable: met.length > 0,
    reason,
    reasons: met,
    venueReason: met[0] ? VENUE_REASON[met[0]] : '',
    remainingCollateralUsd,
    minCollateralUsdForLeverage,
    positionPnlUsd: pnl,
    priceImpactUsd,
    collateralCostUsd,
  };
}

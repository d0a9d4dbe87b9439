/** 1e18: Comet's factor scale (collateral factors, liquidation factor, store-front price factor). */
export const FACTOR_SCALE = 10n ** 18n;
/** 1e15: Comet's base index scale (baseSupplyIndex, baseBorrowIndex). */
export const BASE_INDEX_SCALE = 10n ** 15n;
/** 1e8: Comet's price scale (USD with 8 decimals). */
export const PRICE_SCALE = 10n ** 8n;
/** 1e14: Comet stores factors with 4 decimals (`descale` in CometConfiguration / AssetInfo packing). */
const FACTOR_STORAGE_UNIT = 10n ** 14n;

/** mulFactor(n, f) = floor(n * f / 1e18) (compound-finance/comet contracts/CometMath.sol, Comet.sol). */
export function mulFactor(n: bigint, factor: bigint): bigint {
  return (n * factor) / FACTOR_SCALE;
}

/**
 * mulPrice(n, price, scale) = n * price / scale. BigInt division truncates toward zero, as Comet's signed
 * variant does for negative `n` (Comet.sol `signedMulPrice`).
 */
export function mulPrice(n: bigint, price: bigint, scale: bigint): bigint {
  return (n * price) / scale;
}

/** divPrice(v, price, scale) = floor(v * scale / price) (Comet.sol). */
export function divPrice(value: bigint, price: bigint, scale: bigint): bigint {
  return (value * scale) / price;
}

/** A factor as Comet stores it: truncated to 4 decimals, `floor(f / 1e14) * 1e14`. */
export function storedFactor(factor: bigint): bigint {
  return (factor / FACTOR_STORAGE_UNIT) * FACTOR_STORAGE_UNIT;
}

/** Comet's base indices (1e15 = 1.0). */
export type BaseIndices = {
  readonly baseSupplyIndex: bigint;
  readonly baseBorrowIndex: bigint;
};

/**
 * presentValue (CometCore.sol): principal * supplyIndex / 1e15 for a supply (>= 0), and
 * -(|principal| * borrowIndex / 1e15) for a borrow, in base wei.
 */
export function presentValue(principal: bigint, indices: BaseIndices): bigint {
  if (principal >= 0n) return (principal * indices.baseSupplyIndex) / BASE_INDEX_SCALE;
  return -((-principal * indices.baseBorrowIndex) / BASE_INDEX_SCALE);
}

/**
 * principalValue (CometCore.sol): floor(present * 1e15 / supplyIndex) for a supply, and
 * -ceil(|present| * 1e15 / borrowIndex) for a borrow (rounded against the account).
 */
export function principalValue(present: bigint, indices: BaseIndices): bigint {
  if (present >= 0n) return (present * BASE_INDEX_SCALE) / indices.baseSupplyIndex;
  const n = -present * BASE_INDEX_SCALE;
  return -((n + indices.baseBorrowIndex - 1n) / indices.baseBorrowIndex);
}

/** 1e4 = 100.00%: Aave's percentage scale (bps). */
export const PERCENTAGE_FACTOR = 10_000n;
const HALF_PERCENTAGE_FACTOR = 5_000n;
/** 1e18: Aave's wad (health factor). */
export const WAD = 10n ** 18n;
/** 2^256 - 1: the health factor of an account without debt. */
export const MAX_UINT256 = (1n << 256n) - 1n;

/** percentMul(v, p) = floor((v * p + 5000) / 1e4), half up (aave-v3-origin PercentageMath.sol). */
export function percentMul(value: bigint, percentage: bigint): bigint {
  return (value * percentage + HALF_PERCENTAGE_FACTOR) / PERCENTAGE_FACTOR;
}

/** percentMulFloor(v, p) = floor(v * p / 1e4) (PercentageMath.sol, v3.7). */
export function percentMulFloor(value: bigint, percentage: bigint): bigint {
  return (value * percentage) / PERCENTAGE_FACTOR;
}

/** percentMulCeil(v, p) = ceil(v * p / 1e4) (PercentageMath.sol, v3.7). */
export function percentMulCeil(value: bigint, percentage: bigint): bigint {
  return ceilDiv(value * percentage, PERCENTAGE_FACTOR);
}

/** percentDiv(v, p) = floor((v * 1e4 + p / 2) / p), half up (PercentageMath.sol). */
export function percentDiv(value: bigint, percentage: bigint): bigint {
  return (value * PERCENTAGE_FACTOR + percentage / 2n) / percentage;
}

/** percentDivFloor(v, p) = floor(v * 1e4 / p) (PercentageMath.sol, v3.7). */
export function percentDivFloor(value: bigint, percentage: bigint): bigint {
  return (value * PERCENTAGE_FACTOR) / percentage;
}

/** percentDivCeil(v, p) = ceil(v * 1e4 / p) (PercentageMath.sol). */
export function percentDivCeil(value: bigint, percentage: bigint): bigint {
  return ceilDiv(value * PERCENTAGE_FACTOR, percentage);
}

/** wadDiv(a, b) = floor((a * 1e18 + b / 2) / b), half up (WadRayMath.sol). */
export function wadDiv(a: bigint, b: bigint): bigint {
  return (a * WAD + b / 2n) / b;
}

/** ceil(a / b) for non-negative a and positive b. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

import { VenueRuleError } from './venue-rule-error';

/** 1e18: Maker's `wad` (collateral amounts, normalised debt, `chop`). */
export const WAD = 10n ** 18n;
/** 1e27: Maker's `ray` (rates, prices, `buf`, `cut`, `cusp`). */
export const RAY = 10n ** 27n;
/** 1e45: Maker's `rad` (DAI amounts: `tab`, `dust`, `hole`, `Hole`). */
export const RAD = 10n ** 45n;
/** 2^256 - 1, the largest EVM word. */
export const MAX_UINT256 = (1n << 256n) - 1n;

/** `x * y` as dss `mul`: reverts on uint256 overflow. */
export function mul(x: bigint, y: bigint): bigint {
  const z = x * y;
  if (z > MAX_UINT256) throw new VenueRuleError('overflow', { x: x.toString(), y: y.toString() });
  return z;
}

/** rmul(x, y) = floor(x * y / RAY) (dss clip.sol / abaci.sol). */
export function rmul(x: bigint, y: bigint): bigint {
  return mul(x, y) / RAY;
}

/** rdiv(x, y) = floor(x * RAY / y) (dss clip.sol). */
export function rdiv(x: bigint, y: bigint): bigint {
  return mul(x, RAY) / y;
}

/** wmul(x, y) = floor(x * y / WAD) (dss clip.sol). */
export function wmul(x: bigint, y: bigint): bigint {
  return mul(x, y) / WAD;
}

/** The smaller of two integers. */
export function min(x: bigint, y: bigint): bigint {
  return x < y ? x : y;
}

/**
 * `rpow(x, n, b)` exactly as dss `abaci.sol` computes it: square-and-multiply from the lowest bit of `n`,
 * rounding half up after every squaring and every multiply (so the result can differ from the exact power
 * in the last places). `rpow(x, 0) = b`; `rpow(0, n > 0) = 0`. Reverts (throws) where the assembly reverts
 * on overflow.
 */
export function rpow(x: bigint, n: bigint, b: bigint = RAY): bigint {
  if (n === 0n) return b;
  if (x === 0n) return 0n;
  let z = n % 2n === 0n ? b : x;
  const half = b / 2n;
  for (n /= 2n; n > 0n; n /= 2n) {
    if (x >> 128n !== 0n) throw new VenueRuleError('rpow/overflow', { x: x.toString() });
    const xxRound = x * x + half;
    if (xxRound > MAX_UINT256) throw new VenueRuleError('rpow/overflow', { x: x.toString() });
    x = xxRound / b;
    if (n % 2n === 1n) {
      const zxRound = z * x + half;
      if (zxRound > MAX_UINT256) throw new VenueRuleError('rpow/overflow', { z: z.toString(), x: x.toString() });
      z = zxRound / b;
    }
  }
  return z;
}

/** Converts a whole number of seconds (or a bigint) to a bigint; rejects fractions and negatives. */
export function toSeconds(value: number | bigint, field: string): bigint {
  if (typeof value === 'bigint') {
    if (value < 0n) throw new RangeError(`${field}: ${value} is negative`);
    return value;
  }
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field}: ${value} is not a whole, non-negative number of seconds`);
  }
  return BigInt(value);
}

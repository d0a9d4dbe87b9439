/**
 * Integer helpers with the rounding of dYdX's `protocol/lib/big_math.go` (dydxprotocol/v4-chain).
 * JavaScript's BigInt `/` truncates toward zero like Go's `big.Int.Quo`; Go's `big.Int.Div` is Euclidean,
 * which for a positive divisor rounds toward negative infinity ({@link floorDiv}).
 */

/** One million, the ppm denominator. */
export const ONE_MILLION = 1_000_000n;

/** The largest uint64. */
export const MAX_UINT64 = (1n << 64n) - 1n;

/** |x|. */
export function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** Sign of x: -1, 0 or 1. */
export function sign(x: bigint): -1n | 0n | 1n {
  return x < 0n ? -1n : x > 0n ? 1n : 0n;
}

/** min(a, b). */
export function bigMin(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** max(a, b). */
export function bigMax(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/** x clamped to [lo, hi]. */
export function bigClamp(x: bigint, lo: bigint, hi: bigint): bigint {
  return x < lo ? lo : x > hi ? hi : x;
}

/** a / b rounded toward negative infinity (Go `big.Int.Div` for b > 0). */
export function floorDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new RangeError('division by zero');
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** a / b rounded toward positive infinity. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

/** 10^n for n >= 0. */
export function pow10(n: number): bigint {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`pow10: exponent ${n} must be a non-negative integer`);
  return 10n ** BigInt(n);
}

/**
 * `x * ppm / 1e6`, rounded up or down (toward ±infinity), as `lib.BigMulPpm`.
 * `lib.BigIntMulPpm` is the round-down case for non-negative x.
 */
export function mulPpm(x: bigint, ppm: bigint, roundUp: boolean): bigint {
  const product = x * ppm;
  return roundUp ? ceilDiv(product, ONE_MILLION) : floorDiv(product, ONE_MILLION);
}

/**
 * Rounds x to a multiple of `multiple` (> 0), up or down (toward ±infinity), as `lib.BigIntRoundToMultiple`.
 */
export function roundToMultiple(x: bigint, multiple: bigint, roundUp: boolean): bigint {
  if (multiple <= 0n) throw new RangeError('roundToMultiple: multiple must be positive');
  return roundUp ? ceilDiv(x, multiple) * multiple : floorDiv(x, multiple) * multiple;
}

/** Parses an integer given as a JSON number or decimal string. */
export function toBigInt(value: unknown, field = 'value'): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`${field}: ${value} is not a safe integer; give it as a string`);
    return BigInt(value);
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return BigInt(value.trim());
  throw new TypeError(`${field}: expected an integer, got ${JSON.stringify(value)}`);
}

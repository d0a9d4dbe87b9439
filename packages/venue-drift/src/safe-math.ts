import { U128_MAX, U32_MAX, U64_MAX } from './precisions';
import { VenueRuleError } from './venue-rule-error';

/**
 * Drift's checked integer arithmetic (`math/safe_math.rs`, `math/casting.rs`): results outside the unsigned
 * range, division by zero and failed casts raise the program's errors (`MathError`, `CastingFailure`).
 */
export function checkU128(value: bigint): bigint {
  if (value < 0n || value > U128_MAX) throw new VenueRuleError('MathError');
  return value;
}

/** `a x b` in u128, `MathError` on overflow. */
export function mul(a: bigint, b: bigint): bigint {
  return checkU128(a * b);
}

/** `a - b` in u128, `MathError` on underflow. */
export function sub(a: bigint, b: bigint): bigint {
  return checkU128(a - b);
}

/** Floor division, `MathError` on division by zero. */
export function div(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new VenueRuleError('MathError');
  return a / b;
}

/** Ceiling division of non-negative integers (`safe_div_ceil`), `MathError` on division by zero. */
export function divCeil(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new VenueRuleError('MathError');
  const q = a / b;
  return a % b === 0n ? q : q + 1n;
}

/** `saturating_sub` on unsigned integers. */
export function saturatingSub(a: bigint, b: bigint): bigint {
  return a > b ? a - b : 0n;
}

/** `x.cast::<u64>()`, `CastingFailure` when out of range. */
export function castU64(value: bigint): bigint {
  if (value < 0n || value > U64_MAX) throw new VenueRuleError('CastingFailure');
  return value;
}

/** `x.cast::<u32>().unwrap_or(u32::MAX)`. */
export function castU32OrMax(value: bigint): bigint {
  return value < 0n || value > U32_MAX ? U32_MAX : value;
}

/** `10^exponent` as u128. */
export function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

import { abs, ceilDiv, floorDiv } from './big-math';

/** An exact rational `num / den` with `den > 0` and the fraction reduced (as Go's `big.Rat`). */
export type Rational = { readonly num: bigint; readonly den: bigint };

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Builds a reduced rational; throws on a zero denominator (Go's `SetFrac` panics). */
export function rat(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('rational: division by zero');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

/** a + b. */
export function ratAdd(a: Rational, b: Rational): Rational {
  return rat(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** a - b. */
export function ratSub(a: Rational, b: Rational): Rational {
  return rat(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** a * b. */
export function ratMul(a: Rational, b: Rational): Rational {
  return rat(a.num * b.num, a.den * b.den);
}

/** a / b. */
export function ratDiv(a: Rational, b: Rational): Rational {
  return rat(a.num * b.den, a.den * b.num);
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function ratCmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** a clamped to [lo, hi]. */
export function ratClamp(a: Rational, lo: Rational, hi: Rational): Rational {
  return ratCmp(a, lo) < 0 ? lo : ratCmp(a, hi) > 0 ? hi : a;
}

/** Rounds to an integer toward +infinity (`roundUp`) or -infinity, as `lib.BigRatRound`. */
export function ratRound(a: Rational, roundUp: boolean): bigint {
  return roundUp ? ceilDiv(a.num, a.den) : floorDiv(a.num, a.den);
}

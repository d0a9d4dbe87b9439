import { abs, pow10 } from './big-math';
import { rat, type Rational } from './rational';

function trimmed(intPart: bigint, frac: bigint, decimals: number, negative: boolean): string {
  let fracText = decimals > 0 ? frac.toString().padStart(decimals, '0').replace(/0+$/, '') : '';
  if (fracText === '') fracText = '';
  const body = fracText ? `${intPart}.${fracText}` : `${intPart}`;
  return negative && body !== '0' ? `-${body}` : body;
}

/**
 * `value * 10^exponent` as the shortest exact decimal string (`-4501000000, -6` gives `-4501`;
 * `2776, -6` gives `0.002776`). Used for the human-readable USDC and coin amounts next to integer quantums.
 */
export function formatScaledInteger(value: bigint, exponent: number): string {
  if (exponent >= 0) return (value * pow10(exponent)).toString();
  const scale = pow10(-exponent);
  const magnitude = abs(value);
  return trimmed(magnitude / scale, magnitude % scale, -exponent, value < 0n);
}

/**
 * `r * 10^exponent` as a decimal string: exact when the decimal terminates, otherwise rounded half away from
 * zero to `maxDecimals` places (default 18) with trailing zeros removed.
 */
export function formatScaledRational(r: Rational, exponent: number, maxDecimals = 18): string {
  const scaled = exponent >= 0 ? rat(r.num * pow10(exponent), r.den) : rat(r.num, r.den * pow10(-exponent));
  let den = scaled.den;
  let twos = 0;
  let fives = 0;
  while (den % 2n === 0n) {
    den /= 2n;
    twos++;
  }
  while (den % 5n === 0n) {
    den /= 5n;
    fives++;
  }
  const terminating = den === 1n;
  const decimals = terminating ? Math.max(twos, fives) : maxDecimals;
  const scale = pow10(decimals);
  const magnitude = abs(scaled.num) * scale;
  let units = magnitude / scaled.den;
  if (!terminating && (magnitude % scaled.den) * 2n >= scaled.den) units += 1n;
  return trimmed(units / scale, units % scale, decimals, scaled.num < 0n);
}

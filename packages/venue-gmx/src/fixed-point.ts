/**
 * GMX v2 fixed point (gmx-synthetics `contracts/utils/Precision.sol`): USD values and factors carry 30 decimals
 * (`FLOAT_PRECISION = 10^30`); token amounts carry the token's decimals; a token price is USD (30 decimals) per
 * smallest token unit, i.e. `humanPrice x 10^(30 - tokenDecimals)`.
 */
export const FLOAT_PRECISION = 10n ** 30n;

/** Decimals of USD values and factors in GMX v2. */
export const USD_DECIMALS = 30;

/**
 * Parses a decimal number or string (`"14.99"`, `4200`, `1e-7`) to an integer with `decimals` decimals,
 * rounding toward zero beyond them.
 *
 * @throws TypeError when the value is not a finite decimal.
 */
export function parseDecimal(value: number | string, decimals: number): bigint {
  const text = typeof value === 'number' ? numberToDecimalString(value) : value.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new TypeError(`not a decimal: ${JSON.stringify(value)}`);
  const sign = match[1] === '-' ? -1n : 1n;
  const digits = (match[2] ?? '') + (match[3] ?? '');
  const shift = decimals - (match[3] ?? '').length + Number(match[4] ?? 0);
  const mantissa = BigInt(digits === '' ? '0' : digits);
  return sign * (shift >= 0 ? mantissa * 10n ** BigInt(shift) : mantissa / 10n ** BigInt(-shift));
}

function numberToDecimalString(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${value}`);
  return String(value);
}

/** Formats an integer with `decimals` decimals as an exact decimal string (`4300000…0n, 30` -> `"4300"`). */
export function formatFixed(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const scale = 10n ** BigInt(decimals);
  const whole = abs / scale;
  const fraction = (abs % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The nearest double to a fixed-point value (through its exact decimal string). */
export function fixedToNumber(value: bigint, decimals: number): number {
  return Number(formatFixed(value, decimals));
}

/** `value x factor / 10^30`, rounded toward zero (gmx-synthetics `Precision.applyFactor`). */
export function applyFactor(value: bigint, factor: bigint): bigint {
  return (value * factor) / FLOAT_PRECISION;
}

/** Ceiling division of non-negative integers (gmx-synthetics `Calc.roundUpDivision`). */
export function roundUpDivision(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** A token price in GMX units: USD (30 decimals) per smallest unit, from a human USD price. */
export function tokenPrice(humanPriceUsd: number | string, tokenDecimals: number): bigint {
  return parseDecimal(humanPriceUsd, USD_DECIMALS - tokenDecimals);
}

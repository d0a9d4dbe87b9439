/**
 * Rounding of rules a venue states in decimals (Vega rounds `num.Decimal` products with Ceil/Floor:
 * vegaprotocol/vega core/execution/liquidation/engine.go, core/monitor/price/pricemonitoring.go). On doubles
 * ({@link roundToUnits}), a product that is exact in decimals carries a rounding step (17476275 x 0.56 is
 * 9786714.000000002) that must not move it a unit; on decimals given digit for digit ({@link roundProduct},
 * {@link decimalProduct}), the arithmetic is exact, as Vega's: 123 x 0.9918699186991870 (122/123 at 16 places) is
 * 122.000000000000001, whose Ceil is 123.
 */

/**
 * How close (relative) a value must be to a multiple of the unit to count as that multiple: a few rounding steps
 * of a double, far below any difference a decimal input with up to 15 significant digits can make.
 */
const UNIT_SNAP = 1e-12;

/**
 * `ceil` or `floor` of `value / unit` (the count of units), where a value within 1e-12 (relative) of a multiple is
 * that multiple: `roundToUnits(17476275 * 0.56, 'ceil')` is 9786714, `roundToUnits(10485780 * 1.15, 'floor')` is
 * 12058647, as in decimal arithmetic.
 */
export function roundToUnits(value: number, mode: 'ceil' | 'floor', unit = 1): number {
  const units = value / unit;
  const nearest = Math.round(units);
  if (Math.abs(units - nearest) <= UNIT_SNAP * Math.abs(units)) return nearest;
  return mode === 'ceil' ? Math.ceil(units) : Math.floor(units);
}

/** A decimal number: a string such as `"0.56"`, `"-1.5e-3"`, or a JS number. */
export type DecimalInput = number | string;

/** A decimal `digits / 10^scale`. */
type Decimal = { readonly digits: bigint; readonly scale: number };

function decimalOf(x: DecimalInput, field: string): Decimal {
  if (typeof x !== 'number' && typeof x !== 'string') throw new TypeError(`${field} must be a number or a decimal string, got ${typeof x}`);
  if (typeof x === 'number' && !Number.isFinite(x)) throw new RangeError(`${field} must be a finite number, got ${x}`);
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(typeof x === 'number' ? String(x) : x.trim());
  if (!match || (match[2] ?? '') + (match[3] ?? '') === '') throw new RangeError(`${field} must be a decimal number, got ${JSON.stringify(x)}`);
  const fraction = match[3] ?? '';
  const exponent = Number(match[4] ?? 0);
  if (Math.abs(exponent) > 400) throw new RangeError(`${field} has an exponent beyond ±400: ${JSON.stringify(x)}`);
  let digits = BigInt((match[2] ?? '') + fraction);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: match[1] === '-' ? -digits : digits, scale };
}

function divide(numerator: bigint, denominator: bigint, mode: 'ceil' | 'floor'): bigint {
  if (denominator < 0n) return divide(-numerator, -denominator, mode);
  const q = numerator / denominator;
  const r = numerator % denominator;
  if (r === 0n) return q;
  if (mode === 'ceil') return r > 0n ? q + 1n : q;
  return r < 0n ? q - 1n : q;
}

/**
 * `ceil` or `floor` of `a x b / unit` in exact decimal arithmetic (`unit` defaults to 1: the product rounded to an
 * integer). Strings are read digit for digit, numbers as the shortest decimals that print them.
 */
export function roundProduct(a: DecimalInput, b: DecimalInput, mode: 'ceil' | 'floor', unit: DecimalInput = 1): number {
  const x = decimalOf(a, 'a');
  const y = decimalOf(b, 'b');
  const u = decimalOf(unit, 'unit');
  // (x.digits y.digits / 10^(x.scale + y.scale)) / (u.digits / 10^u.scale)
  const numerator = x.digits * y.digits * 10n ** BigInt(u.scale);
  const denominator = u.digits * 10n ** BigInt(x.scale + y.scale);
  if (denominator === 0n) throw new RangeError('unit must not be 0');
  return Number(divide(numerator, denominator, mode));
}

/** The exact decimal `a x b` as a string (`100 x 1.1` is `"110"`, `12345678901 x 0.95` is `"11728394955.95"`). */
export function decimalProduct(a: DecimalInput, b: DecimalInput): string {
  const x = decimalOf(a, 'a');
  const y = decimalOf(b, 'b');
  const digits = x.digits * y.digits;
  const scale = x.scale + y.scale;
  const negative = digits < 0n;
  const text = (negative ? -digits : digits).toString().padStart(scale + 1, '0');
  const whole = text.slice(0, text.length - scale);
  const fraction = text.slice(text.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

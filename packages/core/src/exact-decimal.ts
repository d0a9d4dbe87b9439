/**
 * Exact decimal arithmetic on decimals given as strings (`"1.0055555555555556"`, kept digit for digit) or as JS
 * numbers read as the shortest decimals that print them (0.56 is 56/100, not the binary double nearest to it), for
 * rules a venue states in decimals: Vega multiplies `num.Decimal`s and rounds the product
 * (vegaprotocol/vega core/execution/liquidation/engine.go, core/monitor/price/pricemonitoring.go).
 */

/** A decimal number: a string such as `"0.56"`, `"-1.5e-3"`, or a JS number. */
export type DecimalInput = number | string;

/** A decimal `digits / 10^scale`. */
type Decimal = { readonly digits: bigint; readonly scale: number };

function decimalOf(x: DecimalInput, field: string): Decimal {
  if (typeof x === 'number' && !Number.isFinite(x)) throw new RangeError(`${field} must be a finite number, got ${x}`);
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(typeof x === 'number' ? String(x) : x.trim());
  if (!match || (match[2] ?? '') + (match[3] ?? '') === '') throw new RangeError(`${field} must be a decimal number, got ${JSON.stringify(x)}`);
  const fraction = match[3] ?? '';
  const exponent = Number(match[4] ?? 0);
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

/** `ceil` or `floor` of `a x b / unit`, exactly (`unit` defaults to 1: the product rounded to an integer). */
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

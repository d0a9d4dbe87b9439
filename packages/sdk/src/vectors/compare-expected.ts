/** A difference between a computed value and the expected one, with where it is. */
export type Mismatch = { readonly path: string; readonly expected: unknown; readonly actual: unknown; readonly reason: string };

type Tolerance = { kind: 'exact' } | { kind: 'abs' | 'rel'; amount: number };

/** Parses `exact`, `abs:x` or `rel:x`. */
export function parseTolerance(text: string): Tolerance {
  if (text === 'exact') return { kind: 'exact' };
  const match = /^(abs|rel):(.+)$/.exec(text);
  const amount = match ? Number(match[2]) : NaN;
  if (!match || !(amount >= 0)) throw new Error(`unknown tolerance "${text}" (use exact, abs:x or rel:x)`);
  return { kind: match[1] as 'abs' | 'rel', amount };
}

const INTEGER = /^-?\d+$/;

function isFraction(value: unknown): value is { num: string | number; den: string | number } {
  return typeof value === 'object' && value !== null && 'num' in value && 'den' in value && Object.keys(value).length === 2;
}

function compareNumbers(expected: number, actual: number, tolerance: Tolerance): string | null {
  if (Number.isNaN(expected) && Number.isNaN(actual)) return null;
  const diff = Math.abs(actual - expected);
  if (tolerance.kind === 'exact') return actual === expected ? null : `differs by ${actual - expected}`;
  const limit = tolerance.kind === 'abs' ? tolerance.amount : tolerance.amount * Math.abs(expected);
  // Allow the last bits of a double on top of the stated tolerance.
  return diff <= limit + 4 * Number.EPSILON * Math.abs(expected) ? null : `differs by ${actual - expected} (tolerance ${tolerance.kind}:${tolerance.amount})`;
}

function compareIntegers(expected: bigint, actual: bigint, tolerance: Tolerance): string | null {
  const diff = actual > expected ? actual - expected : expected - actual;
  if (tolerance.kind === 'exact') return diff === 0n ? null : `differs by ${actual - expected}`;
  if (tolerance.kind === 'abs') {
    return Number(diff) <= tolerance.amount ? null : `differs by ${actual - expected} (tolerance abs:${tolerance.amount})`;
  }
  const e = Number(expected);
  return Number(diff) <= tolerance.amount * Math.abs(e) ? null : `differs by ${actual - expected} (tolerance rel:${tolerance.amount})`;
}

/**
 * Compares a computed value with a vector's `expected`, recursively over the expected keys (keys named
 * `intermediate` are helpers, not assertions). Decimal-string integers compare as BigInt; `{num, den}`
 * fractions compare exactly by cross-multiplication; numbers use the tolerance.
 */
export function compareExpected(expected: unknown, actual: unknown, tolerance: Tolerance, path = ''): Mismatch[] {
  const here = path || '(value)';
  if (expected === null) return actual === null || actual === undefined ? [] : [{ path: here, expected, actual, reason: 'expected null' }];
  if (actual === undefined) return [{ path: here, expected, actual, reason: 'not computed' }];
  if (isFraction(expected)) {
    if (!isFraction(actual)) return [{ path: here, expected, actual, reason: 'expected a {num, den} fraction' }];
    const same = BigInt(expected.num) * BigInt(actual.den) === BigInt(actual.num) * BigInt(expected.den);
    return same ? [] : [{ path: here, expected, actual, reason: 'fractions differ' }];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [{ path: here, expected, actual, reason: 'expected a list' }];
    if (actual.length !== expected.length) return [{ path: here, expected, actual, reason: `expected ${expected.length} items, got ${actual.length}` }];
    return expected.flatMap((e, i) => compareExpected(e, actual[i], tolerance, `${path}[${i}]`));
  }
  if (typeof expected === 'object') {
    if (typeof actual !== 'object' || actual === null) return [{ path: here, expected, actual, reason: 'expected an object' }];
    return Object.entries(expected as Record<string, unknown>).flatMap(([key, e]) =>
      key === 'intermediate' ? [] : compareExpected(e, (actual as Record<string, unknown>)[key], tolerance, path ? `${path}.${key}` : key),
    );
  }
  if (typeof expected === 'string' && INTEGER.test(expected) && (typeof actual === 'string' || typeof actual === 'bigint' || typeof actual === 'number')) {
    const a = typeof actual === 'string' ? actual : typeof actual === 'number' ? (Number.isInteger(actual) ? BigInt(actual).toString() : String(actual)) : actual.toString();
    if (!INTEGER.test(a)) return [{ path: here, expected, actual, reason: 'expected an integer' }];
    const reason = compareIntegers(BigInt(expected), BigInt(a), tolerance);
    return reason ? [{ path: here, expected, actual: a, reason }] : [];
  }
  if (typeof expected === 'number') {
    const a = typeof actual === 'string' ? Number(actual) : actual;
    if (typeof a !== 'number') return [{ path: here, expected, actual, reason: 'expected a number' }];
    const reason = compareNumbers(expected, a, tolerance);
    return reason ? [{ path: here, expected, actual, reason }] : [];
  }
  if (typeof expected === 'string' && typeof actual === 'number' && Number(expected) === actual) return [];
  return Object.is(expected, actual) ? [] : [{ path: here, expected, actual, reason: 'differs' }];
}

import { expect } from 'vitest';

/** Parses a vector tolerance (`exact`, `rel:x`, `abs:x`). */
function parseTolerance(tolerance: string): { kind: 'exact' | 'rel' | 'abs'; amount: number } {
  if (tolerance === 'exact') return { kind: 'exact', amount: 0 };
  const match = /^(rel|abs):(.+)$/.exec(tolerance);
  if (match === null) throw new Error(`unknown tolerance ${tolerance}`);
  return { kind: match[1] as 'rel' | 'abs', amount: Number(match[2]) };
}

/**
 * Asserts `actual` matches a vector's `expected` the way the `firesale vectors` runner compares them:
 * recursively over objects and arrays, numbers within the tolerance, keys named `intermediate` skipped.
 */
export function expectMatches(actual: unknown, expected: unknown, tolerance: string, path = '$'): void {
  const { kind, amount } = parseTolerance(tolerance);
  if (typeof expected === 'number') {
    expect(typeof actual, `${path} type`).toBe('number');
    const got = actual as number;
    if (kind === 'exact') expect(got, path).toBe(expected);
    else {
      const allowed = kind === 'rel' ? amount * Math.abs(expected) : amount;
      expect(Math.abs(got - expected), `${path}: got ${got}, expected ${expected} (${tolerance})`).toBeLessThanOrEqual(
        allowed,
      );
    }
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is a list`).toBe(true);
    const list = actual as unknown[];
    expect(list.length, `${path} length`).toBe(expected.length);
    expected.forEach((item, i) => expectMatches(list[i], item, tolerance, `${path}[${i}]`));
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    expect(typeof actual === 'object' && actual !== null, `${path} is an object`).toBe(true);
    const record = actual as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) {
      if (key === 'intermediate') continue;
      expectMatches(record[key], value, tolerance, `${path}.${key}`);
    }
    return;
  }
  expect(actual, path).toEqual(expected);
}

import { expect } from 'vitest';

/** Perp-venues vector file, as read by the tests. */
export type VectorFile = {
  cases: { id: string; kind: string; venue?: string; inputs: Record<string, unknown>; expected: unknown; tolerance: string; note?: string }[];
};

function withinTolerance(actual: number, expected: number, tolerance: string): boolean {
  if (tolerance === 'exact') return actual === expected;
  const [mode, value] = tolerance.split(':');
  const x = Number(value);
  if (mode === 'rel') return Math.abs(actual - expected) <= x * Math.abs(expected);
  if (mode === 'abs') return Math.abs(actual - expected) <= x;
  throw new Error(`unknown tolerance ${tolerance}`);
}

/**
 * Compares `actual` with `expected` as the `firesale vectors` runner does: recursively over objects and arrays,
 * numbers within the case's tolerance, everything else exactly; keys named `intermediate` are not compared.
 */
export function expectMatches(actual: unknown, expected: unknown, tolerance: string, path = '$'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, `${path} type`).toBe('number');
    const ok = withinTolerance(actual as number, expected, tolerance);
    expect(ok, `${path}: got ${String(actual)}, expected ${expected} (${tolerance})`).toBe(true);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    const a = actual as unknown[];
    expect(a.length, `${path} length`).toBe(expected.length);
    expected.forEach((e, i) => expectMatches(a[i], e, tolerance, `${path}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', `${path} is an object`).toBe(true);
    const a = actual as Record<string, unknown>;
    for (const [key, e] of Object.entries(expected)) {
      if (key === 'intermediate') continue;
      expectMatches(a[key], e, tolerance, `${path}.${key}`);
    }
    return;
  }
  expect(actual, path).toEqual(expected);
}

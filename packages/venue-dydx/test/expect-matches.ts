import { expect } from 'vitest';

/** A vector file as stored in /vectors. */
export type VectorFile = {
  cases: { id: string; kind: string; venue?: string; inputs: Record<string, unknown>; expected: unknown; tolerance: string; note?: string }[];
};

/** True when `expected` describes a failure (`{reverts}`, `{error}`, `{panic}`). */
export function isFailure(expected: unknown): expected is Record<string, unknown> {
  return typeof expected === 'object' && expected !== null && ('reverts' in expected || 'error' in expected || 'panic' in expected);
}

function close(actual: number, expected: number, tolerance: string): boolean {
  if (tolerance.startsWith('rel:')) return Math.abs(actual - expected) <= Number(tolerance.slice(4)) * Math.abs(expected);
  if (tolerance.startsWith('abs:')) return Math.abs(actual - expected) <= Number(tolerance.slice(4));
  return actual === expected;
}

/**
 * Compares `actual` with `expected` over every key of `expected` (recursively, arrays by index), skipping keys
 * named `intermediate`. `exact` needs the same JSON type and value; `rel:x`/`abs:x` compare numbers.
 */
export function expectMatches(actual: unknown, expected: unknown, tolerance: string, path = '$'): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} should be an array`).toBe(true);
    const a = actual as unknown[];
    expect(a.length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectMatches(a[i], e, tolerance, `${path}[${i}]`));
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    expect(typeof actual === 'object' && actual !== null, `${path} should be an object`).toBe(true);
    for (const [key, value] of Object.entries(expected)) {
      if (key === 'intermediate') continue;
      expectMatches((actual as Record<string, unknown>)[key], value, tolerance, `${path}.${key}`);
    }
    return;
  }
  if (typeof expected === 'number' && tolerance !== 'exact') {
    expect(typeof actual, `${path} type`).toBe('number');
    expect(close(actual as number, expected, tolerance), `${path}: ${String(actual)} vs ${expected} (${tolerance})`).toBe(true);
    return;
  }
  expect(actual, path).toStrictEqual(expected);
}

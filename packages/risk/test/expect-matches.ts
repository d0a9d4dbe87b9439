import { expect } from 'vitest';

/** Asserts `actual` matches `expected` under a vector tolerance (`exact`, `rel:x`, `abs:x`), recursively. */
export function expectMatches(actual: unknown, expected: unknown, tolerance: string, path = 'expected'): void {
  if (expected !== null && typeof expected === 'object') {
    for (const [key, value] of Object.entries(expected)) {
      if (key === 'intermediate') continue;
      expectMatches((actual as Record<string, unknown>)?.[key], value, tolerance, `${path}.${key}`);
    }
    return;
  }
  if (typeof expected !== 'number') {
    expect(actual, path).toBe(expected);
    return;
  }
  expect(typeof actual, path).toBe('number');
  const [mode, raw = '0'] = tolerance.split(':');
  const diff = Math.abs((actual as number) - expected);
  if (mode === 'exact') expect(actual, path).toBe(expected);
  else if (mode === 'abs') expect(diff, path).toBeLessThanOrEqual(Number(raw));
  else expect(diff, `${path}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(Number(raw) * Math.abs(expected));
}

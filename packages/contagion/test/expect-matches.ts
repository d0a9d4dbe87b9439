import { readFileSync } from 'node:fs';
import type { VectorCaseV1 } from '@firesale/spec';
import { expect } from 'vitest';

/** The cases of vectors/containment-contagion.json (copied unchanged at the repository root). */
export function loadContagionCases(): VectorCaseV1[] {
  const url = new URL('../../../vectors/containment-contagion.json', import.meta.url);
  const file = JSON.parse(readFileSync(url, 'utf8')) as { cases: VectorCaseV1[] };
  return file.cases;
}

function withinTolerance(actual: unknown, expected: unknown, tolerance: string): boolean {
  if (typeof expected === 'boolean' || expected === null || typeof expected === 'string') return actual === expected;
  if (typeof expected !== 'number' || typeof actual !== 'number') return false;
  if (tolerance === 'exact') return actual === expected;
  const [mode, raw = '0'] = tolerance.split(':');
  const bound = Number(raw);
  if (mode === 'abs') return Math.abs(actual - expected) <= bound;
  if (mode === 'rel') return Math.abs(actual - expected) <= bound * Math.abs(expected);
  throw new Error(`unknown tolerance ${tolerance}`);
}

/** The paths where `actual` does not match `expected` (keys named `intermediate` are not compared). */
export function mismatches(actual: unknown, expected: unknown, tolerance: string, path = '$'): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return [`${path}: expected an array of ${expected.length}, got ${JSON.stringify(actual)}`];
    }
    return expected.flatMap((e, i) => mismatches(actual[i], e, tolerance, `${path}[${i}]`));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return [`${path}: expected an object, got ${String(actual)}`];
    const a = actual as Record<string, unknown>;
    return Object.entries(expected).flatMap(([k, e]) => (k === 'intermediate' ? [] : mismatches(a[k], e, tolerance, `${path}.${k}`)));
  }
  return withinTolerance(actual, expected, tolerance)
    ? []
    : [`${path}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)} (${tolerance})`];
}

/** Asserts that `actual` matches `expected` within `tolerance`, recursively. */
export function expectMatches(actual: unknown, expected: unknown, tolerance: string): void {
  expect(mismatches(actual, expected, tolerance)).toEqual([]);
}

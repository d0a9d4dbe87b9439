import { readFileSync } from 'node:fs';
import type { VectorCaseV1 } from '@firesale/spec';

/** Reads the public perp-venues vectors (copied unchanged into /vectors). */
export function loadCases(venue: string): VectorCaseV1[] {
  const file = JSON.parse(readFileSync(new URL('../../../vectors/perp-venues.json', import.meta.url), 'utf8')) as { cases: VectorCaseV1[] };
  return file.cases.filter((c) => c.venue === venue);
}

function parseTolerance(tolerance: string): { kind: 'exact' | 'rel' | 'abs'; x: number } {
  if (tolerance === 'exact') return { kind: 'exact', x: 0 };
  const [kind, x] = tolerance.split(':');
  if ((kind !== 'rel' && kind !== 'abs') || x === undefined) throw new Error(`unknown tolerance ${tolerance}`);
  return { kind, x: Number(x) };
}

/**
 * Compares `actual` with `expected` as the vectors runner does: recursively over objects and arrays, numbers
 * within the tolerance, everything else equal; keys named `intermediate` are skipped. Returns the mismatches.
 */
export function mismatches(actual: unknown, expected: unknown, tolerance: string, path = '$'): string[] {
  const tol = parseTolerance(tolerance);
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return [`${path}: expected number ${expected}, got ${JSON.stringify(actual)}`];
    const diff = Math.abs(actual - expected);
    const ok = tol.kind === 'exact' ? actual === expected : tol.kind === 'abs' ? diff <= tol.x : diff <= tol.x * Math.abs(expected);
    return ok ? [] : [`${path}: expected ${expected}, got ${actual} (${tolerance})`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${path}: expected array of ${expected.length}, got ${JSON.stringify(actual)}`];
    return expected.flatMap((e, i) => mismatches(actual[i], e, tolerance, `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${path}: expected object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([key, e]) =>
      key === 'intermediate' ? [] : mismatches((actual as Record<string, unknown>)[key], e, tolerance, `${path}.${key}`),
    );
  }
  return actual === expected ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** Whether `expected` is a failure object (`{reverts}`, `{error}`, `{panic}`). */
export function isExpectedFailure(expected: unknown): expected is Record<string, unknown> {
  return expected !== null && typeof expected === 'object' && ('reverts' in expected || 'error' in expected || 'panic' in expected);
}

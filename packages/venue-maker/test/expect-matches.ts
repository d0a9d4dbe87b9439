import { readFileSync } from 'node:fs';
import type { VectorCaseV1, VectorHandlerV1 } from '@firesale/spec';
import { expect } from 'vitest';

/** The cases of vectors/lending.json (copied unchanged at the repository root). */
export function loadLendingCases(): VectorCaseV1[] {
  const url = new URL('../../../vectors/lending.json', import.meta.url);
  const file = JSON.parse(readFileSync(url, 'utf8')) as { cases: VectorCaseV1[] };
  return file.cases;
}

const INTEGER = /^-?\d+$/;

function withinTolerance(actual: unknown, expected: unknown, tolerance: string): boolean {
  if (typeof expected === 'boolean' || expected === null) return actual === expected;
  const isNum = (v: unknown): v is string | number => typeof v === 'number' || typeof v === 'string';
  if (!isNum(expected) || !isNum(actual)) return false;
  const [mode, raw = '0'] = tolerance === 'exact' ? ['exact'] : tolerance.split(':');
  const es = String(expected);
  const as = String(actual);
  if (INTEGER.test(es) && INTEGER.test(as)) {
    const e = BigInt(es);
    const a = BigInt(as);
    const diff = a > e ? a - e : e - a;
    if (mode === 'exact') return diff === 0n;
    if (mode === 'abs' && INTEGER.test(raw)) return diff <= BigInt(raw);
    if (mode === 'abs') return Number(diff) <= Number(raw);
    return Number(diff) <= Number(raw) * Math.abs(Number(e));
  }
  if (typeof expected === 'string' && !isFinite(Number(expected))) return as === es;
  const e = Number(expected);
  const a = Number(actual);
  if (mode === 'exact') return a === e;
  if (mode === 'abs') return Math.abs(a - e) <= Number(raw);
  return Math.abs(a - e) <= Number(raw) * Math.abs(e);
}

/** Collects the paths where `actual` does not match `expected` (keys named `intermediate` are skipped). */
export function mismatches(actual: unknown, expected: unknown, tolerance: string, path = '$'): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${path}: expected an array of ${expected.length}`];
    return expected.flatMap((e, i) => mismatches(actual[i], e, tolerance, `${path}[${i}]`));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return [`${path}: expected an object, got ${String(actual)}`];
    const a = actual as Record<string, unknown>;
    return Object.entries(expected).flatMap(([k, e]) =>
      k === 'intermediate' ? [] : mismatches(a[k], e, tolerance, `${path}.${k}`),
    );
  }
  return withinTolerance(actual, expected, tolerance)
    ? []
    : [`${path}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)} (${tolerance})`];
}

/** Asserts that `actual` matches `expected` within `tolerance`, recursively. */
export function expectMatches(actual: unknown, expected: unknown, tolerance: string): void {
  expect(mismatches(actual, expected, tolerance)).toEqual([]);
}

type RuleError = { reason: string; details?: Readonly<Record<string, string>> };

function isFailure(expected: unknown): expected is Record<string, unknown> {
  return typeof expected === 'object' && expected !== null && ('reverts' in expected || 'error' in expected || 'panic' in expected);
}

/**
 * Runs one case through the handler of its kind and asserts the outcome: the values within tolerance, or,
 * for an expected revert, a thrown `errorClass` whose `reason` is the revert reason (and whose `details`
 * match any other expected keys).
 */
export function runCase(
  handlers: readonly VectorHandlerV1[],
  testCase: VectorCaseV1,
  errorClass: new (...args: never[]) => RuleError,
): void {
  const handler = handlers.find((h) => h.kind === testCase.kind && (h.venue === undefined || h.venue === testCase.venue));
  expect(handler, `handler for ${testCase.kind}`).toBeDefined();
  if (handler === undefined) return;
  if (isFailure(testCase.expected)) {
    let thrown: unknown;
    try {
      handler.run(testCase);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(errorClass);
    const error = thrown as RuleError;
    const { reverts: _r, reason, error: e, panic: p, ...rest } = testCase.expected;
    expect(error.reason).toBe(reason ?? e ?? p);
    if (Object.keys(rest).length > 0) expectMatches(error.details ?? {}, rest, testCase.tolerance);
    return;
  }
  expectMatches(handler.run(testCase), testCase.expected, testCase.tolerance);
}

import type { VectorCaseV1, VectorHandlerV1 } from '@firesale/spec';
import { compareExpected, parseTolerance, type Mismatch } from './compare-expected';

/** The result of one vector case. */
export type VectorCaseResult = {
  readonly id: string;
  readonly kind: string;
  readonly status: 'pass' | 'fail' | 'unsupported';
  /** What differed, why it failed to run, or which kind had no handler. */
  readonly detail: string;
};

/** The result of running one or more vector files. */
export type VectorRunResult = {
  readonly cases: readonly VectorCaseResult[];
  readonly passed: number;
  readonly failed: number;
  readonly unsupported: number;
};

const FAILURE_KEYS = ['reverts', 'error', 'panic'];

function expectsFailure(expected: unknown): expected is Record<string, unknown> {
  return typeof expected === 'object' && expected !== null && !Array.isArray(expected) && FAILURE_KEYS.some((k) => k in expected);
}

function describe(mismatches: readonly Mismatch[]): string {
  return mismatches
    .slice(0, 5)
    .map((m) => `${m.path}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)} (${m.reason})`)
    .join('; ') + (mismatches.length > 5 ? `; … ${mismatches.length - 5} more` : '');
}

function failureReason(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const e = error as { reason?: unknown; code?: unknown; message?: unknown };
    if (typeof e.reason === 'string') return e.reason;
    if (typeof e.code === 'string') return e.code;
    if (typeof e.message === 'string') return e.message;
  }
  return String(error);
}

/** Finds the handler for a case: one for its kind and venue, else one for its kind and any venue. */
export function findHandler(handlers: readonly VectorHandlerV1[], testCase: VectorCaseV1): VectorHandlerV1 | undefined {
  return (
    handlers.find((h) => h.kind === testCase.kind && h.venue !== undefined && h.venue === testCase.venue) ??
    handlers.find((h) => h.kind === testCase.kind && h.venue === undefined)
  );
}

/** Runs one case through its handler and compares the result with the case's expectation. */
export function runVectorCase(handlers: readonly VectorHandlerV1[], testCase: VectorCaseV1): VectorCaseResult {
  const base = { id: testCase.id, kind: testCase.kind };
  const handler = findHandler(handlers, testCase);
  if (!handler) return { ...base, status: 'unsupported', detail: `no installed package handles kind "${testCase.kind}"${testCase.venue ? ` for venue "${testCase.venue}"` : ''}` };
  let tolerance;
  try {
    tolerance = parseTolerance(testCase.tolerance);
  } catch (error) {
    return { ...base, status: 'fail', detail: (error as Error).message };
  }
  const failure = expectsFailure(testCase.expected);
  let actual: unknown;
  try {
    actual = handler.run(testCase);
  } catch (error) {
    if (!failure) return { ...base, status: 'fail', detail: `threw: ${failureReason(error)}` };
    const want = testCase.expected.reason ?? testCase.expected.error ?? testCase.expected.panic;
    const got = failureReason(error);
    if (typeof want === 'string' && got !== want && !got.includes(want)) {
      return { ...base, status: 'fail', detail: `failed with "${got}", expected "${want}"` };
    }
    return { ...base, status: 'pass', detail: `failed as expected: ${got}` };
  }
  if (failure) return { ...base, status: 'fail', detail: `expected a failure (${JSON.stringify(testCase.expected)}), got ${JSON.stringify(actual)}` };
  const mismatches = compareExpected(testCase.expected, actual, tolerance);
  return mismatches.length === 0 ? { ...base, status: 'pass', detail: 'matches' } : { ...base, status: 'fail', detail: describe(mismatches) };
}

/**
 * Runs every case of a parsed vector file (shared format: `cases` with `id`, `kind`, `inputs`, `expected`,
 * `tolerance`) through the handlers; cases of kinds no handler covers are `unsupported`.
 *
 * @throws Error when `file` is not in the vector format.
 */
export function runVectors(file: unknown, handlers: readonly VectorHandlerV1[], kinds?: readonly string[]): VectorRunResult {
  if (typeof file !== 'object' || file === null || !Array.isArray((file as { cases?: unknown }).cases)) {
    throw new Error('not a test-vector file: it has no "cases" list');
  }
  const cases = ((file as { cases: VectorCaseV1[] }).cases).filter((c) => !kinds || kinds.includes(c.kind));
  const results = cases.map((c) => runVectorCase(handlers, c));
  return summarize(results);
}

/** Totals of a list of case results. */
export function summarize(cases: readonly VectorCaseResult[]): VectorRunResult {
  return {
    cases,
    passed: cases.filter((c) => c.status === 'pass').length,
    failed: cases.filter((c) => c.status === 'fail').length,
    unsupported: cases.filter((c) => c.status === 'unsupported').length,
  };
}

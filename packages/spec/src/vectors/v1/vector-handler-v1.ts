/**
 * One case of a public test-vector file (shared format: `cases` with `id`, `kind`, `inputs`, `expected`,
 * `tolerance`). Integers beyond 2^53 are decimal strings; exact fractions are `{num, den}`.
 */
export type VectorCaseV1 = {
  readonly id: string;
  readonly kind: string;
  readonly venue?: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly expected: unknown;
  /** `exact`, `rel:x` (|got-exp| <= x*|exp|) or `abs:x`. */
  readonly tolerance: string;
  readonly note?: string;
};

/**
 * Runs the cases of one `kind` (optionally one venue) through a package's own mechanics, so that
 * `firesale vectors` checks the code users run, not a re-implementation.
 *
 * `run` returns the computed values, keyed as in the case's `expected`; the runner compares them with the
 * tolerance. A case whose `expected` is a failure (`{reverts: true}`, `{error}`, `{panic}`) passes when
 * `run` throws a typed error.
 */
export type VectorHandlerV1 = {
  readonly specificationVersion: 'v1';
  readonly kind: string;
  /** Only cases whose `venue` equals this; omitted for any venue. */
  readonly venue?: string;
  run(testCase: VectorCaseV1): unknown;
};

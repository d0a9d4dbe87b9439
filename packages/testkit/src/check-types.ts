/** How binding a check is: a MUST failure means the plugin breaks the contract; a SHOULD failure is a gap. */
export type CheckLevel = 'MUST' | 'SHOULD';

/**
 * One conformance check. Its `id` (`LE-MUST-001`, `OB-SHOULD-002`) never changes once published, so
 * expected-failure files stay valid across testkit versions.
 */
export type ConformanceCheck<Context> = {
  /** Stable id: `<suite>-<level>-<number>`. */
  readonly id: string;
  readonly level: CheckLevel;
  /** One line saying what the check requires. */
  readonly title: string;
  /** Throws (any error) when the plugin fails the check; returns a note (or nothing) when it passes. */
  run(context: Context): string | void;
};

/** What a check's run gave before expected failures are applied. */
export type RawCheckOutcome = { readonly passed: true; readonly note?: string } | { readonly passed: false; readonly message: string };

/**
 * The verdict on one check once the plugin's expected failures are applied:
 * - `passed`: the check passed and is not listed;
 * - `failed`: the check failed and is not listed;
 * - `expected-failure`: the check failed and is listed (the run stays green);
 * - `stale-expected-failure`: the check passed but is still listed (the run fails: remove the entry);
 * - `unknown-expected-failure`: the expected-failures list names an id no check has (the run fails).
 */
export type CheckStatus = 'passed' | 'failed' | 'expected-failure' | 'stale-expected-failure' | 'unknown-expected-failure';

/** The result of one check (or of one unknown expected-failure id). */
export type CheckResult = {
  readonly id: string;
  readonly level: CheckLevel | 'UNKNOWN';
  readonly title: string;
  readonly status: CheckStatus;
  /** Why it failed (the check's message), or a note from a passing check. */
  readonly message?: string;
  /** The reason given in the expected-failures list, when the id is listed. */
  readonly expectedFailureReason?: string;
};

/** Check ids a plugin declares it does not (yet) pass, each with the reason: `{ 'LE-SHOULD-003': 'no ADL' }`. */
export type ExpectedFailures = Readonly<Record<string, string>>;

/** True when a result keeps the run green (`passed` or `expected-failure`). */
export function isAcceptable(result: CheckResult): boolean {
  return result.status === 'passed' || result.status === 'expected-failure';
}

import { readFileSync } from 'node:fs';
import type { CheckResult, ConformanceCheck, ExpectedFailures, RawCheckOutcome } from './check-types';

/** Runs one check and captures a throw as a failure with its message. */
export function runCheck<Context>(check: ConformanceCheck<Context>, context: Context): RawCheckOutcome {
  try {
    const note = check.run(context);
    return note === undefined ? { passed: true } : { passed: true, note };
  } catch (error) {
    return { passed: false, message: describeError(error) };
  }
}

/** An error's message with its cause (fast-check puts the failing assertion in `cause`). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  return cause === undefined ? error.message : `${error.message}\nCause: ${describeError(cause)}`;
}

/**
 * Applies a plugin's expected failures to one check's outcome (MCP conformance `expected-failures.yaml` rules):
 * a listed failure is an expected failure, a listed pass is stale, everything else stands as it ran.
 */
export function applyExpectedFailure<Context>(
  check: ConformanceCheck<Context>,
  outcome: RawCheckOutcome,
  expectedFailures: ExpectedFailures = {},
): CheckResult {
  const reason = Object.hasOwn(expectedFailures, check.id) ? expectedFailures[check.id] : undefined;
  const base = { id: check.id, level: check.level, title: check.title };
  if (outcome.passed) {
    if (reason !== undefined) {
      return { ...base, status: 'stale-expected-failure', expectedFailureReason: reason, message: `${check.id} passes but is listed as an expected failure ("${reason}"): remove the entry` };
    }
    return outcome.note === undefined ? { ...base, status: 'passed' } : { ...base, status: 'passed', message: outcome.note };
  }
  if (reason !== undefined) return { ...base, status: 'expected-failure', expectedFailureReason: reason, message: outcome.message };
  return { ...base, status: 'failed', message: outcome.message };
}

/** Results for expected-failure ids that name no check of the suite (each fails the run). */
export function unknownExpectedFailures(
  checks: readonly { readonly id: string }[],
  expectedFailures: ExpectedFailures = {},
): CheckResult[] {
  const known = new Set(checks.map((c) => c.id));
  return Object.keys(expectedFailures)
    .filter((id) => !known.has(id))
    .map((id) => ({
      id,
      level: 'UNKNOWN' as const,
      title: 'expected-failure entry names a known check',
      status: 'unknown-expected-failure' as const,
      message: `expected-failures lists "${id}", which is not a check id of this suite`,
      expectedFailureReason: expectedFailures[id] ?? '',
    }));
}

/**
 * Parses an expected-failures file: a JSON object `{ "LE-SHOULD-003": "reason" }`, or the YAML subset
 * `LE-SHOULD-003: reason` (one entry a line, `#` comments, optional quotes around the reason).
 *
 * @throws Error naming the line when a line is neither an entry, a comment nor blank, or a reason is empty.
 */
export function parseExpectedFailures(text: string): ExpectedFailures {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const parsed: unknown = JSON.parse(trimmed);
    const out: Record<string, string> = {};
    for (const [id, reason] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof reason !== 'string' || reason.trim() === '') throw new Error(`expected failure ${id}: the reason must be a non-empty string`);
      out[id] = reason;
    }
    return out;
  }
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^([A-Za-z0-9_-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) throw new Error(`expected failures line ${index + 1}: "${raw}" is not "ID: reason"`);
    const reason = match[2]!.replace(/^(['"])(.*)\1$/, '$2').trim();
    if (reason === '') throw new Error(`expected failures line ${index + 1}: ${match[1]!} has no reason`);
    out[match[1]!] = reason;
  });
  return out;
}

/** Reads and parses an expected-failures file (JSON or the YAML subset of {@link parseExpectedFailures}). */
export function loadExpectedFailures(path: string | URL): ExpectedFailures {
  return parseExpectedFailures(readFileSync(path, 'utf8'));
}

/**
 * Builds the context, runs one check and applies the expected failures: the unit both the `check*` functions
 * and the vitest wrappers use. A context that cannot be built (the factory throws) fails the check.
 */
export function evaluateCheck<Context>(
  check: ConformanceCheck<Context>,
  makeContext: () => Context,
  expectedFailures?: ExpectedFailures,
): CheckResult {
  let outcome: RawCheckOutcome;
  try {
    const context = makeContext();
    outcome = runCheck(check, context);
  } catch (error) {
    outcome = { passed: false, message: `could not build the plugin: ${error instanceof Error ? error.message : String(error)}` };
  }
  return applyExpectedFailure(check, outcome, expectedFailures);
}

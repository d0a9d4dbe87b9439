import { readFileSync } from 'node:fs';
import type { VectorCaseV1 } from '@firesale/spec';

/** Reads the public perp-venues vectors (copied unchanged into /vectors). */
export function loadCases(venue: string): VectorCaseV1[] {
  const file = JSON.parse(readFileSync(new URL('../../../vectors/perp-venues.json', import.meta.url), 'utf8')) as { cases: VectorCaseV1[] };
  return file.cases.filter((c) => c.venue === venue);
}

/** Whether `expected` is a failure object (`{reverts}`, `{error}`, `{panic}`). */
export function isExpectedFailure(expected: unknown): expected is Record<string, unknown> {
  return expected !== null && typeof expected === 'object' && ('reverts' in expected || 'error' in expected || 'panic' in expected);
}

import { readFileSync } from 'node:fs';
import type { VectorCaseV1 } from '@firesale/spec';
import { vectorMismatches } from '@firesale/testkit';
import { describe, expect, it } from 'vitest';
import { vectorHandlers } from '../src/vectors';

const file = JSON.parse(readFileSync(new URL('../../../vectors/perp-venues.json', import.meta.url), 'utf8')) as { cases: VectorCaseV1[] };
const kinds = new Set(vectorHandlers.map((h) => h.kind));
const cases = file.cases.filter((c) => c.venue === 'hyperliquid' && kinds.has(c.kind));

describe('hyperliquid vectors (perp-venues.json)', () => {
  it('covers every hyperliquid case of the kinds it handles', () => {
    expect(cases.length).toBe(file.cases.filter((c) => c.venue === 'hyperliquid').length);
    expect(cases.length).toBeGreaterThanOrEqual(22);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, testCase) => {
    const handler = vectorHandlers.find((h) => h.kind === testCase.kind && h.venue === testCase.venue)!;
    expect(vectorMismatches(handler.run(testCase), testCase.expected, testCase.tolerance)).toEqual([]);
  });
});

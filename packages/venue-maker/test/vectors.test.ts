import { describe, expect, it } from 'vitest';
import { VenueRuleError, vectorHandlers } from '@firesale/venue-maker/vectors';
import { loadLendingCases, runCase } from './expect-matches';

const cases = loadLendingCases().filter((c) => c.venue === 'maker');
const kinds = new Set(vectorHandlers.map((h) => h.kind));

describe('vectors/lending.json, venue maker', () => {
  it('has a handler for every Maker kind', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(kinds.has(c.kind), c.kind).toBe(true);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, testCase) => {
    runCase(vectorHandlers, testCase, VenueRuleError);
  });
});

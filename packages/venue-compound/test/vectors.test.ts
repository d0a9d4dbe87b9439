import { describe, expect, it } from 'vitest';
import { VenueRuleError, vectorHandlers } from '@firesale/venue-compound/vectors';
import { loadLendingCases, runCase } from './expect-matches';

const cases = loadLendingCases().filter((c) => c.venue === 'compound-v3');
const kinds = new Set(vectorHandlers.map((h) => h.kind));

describe('vectors/lending.json, venue compound-v3', () => {
  it('has a handler for every Compound III kind', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(kinds.has(c.kind), c.kind).toBe(true);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, testCase) => {
    runCase(vectorHandlers, testCase, VenueRuleError);
  });
});

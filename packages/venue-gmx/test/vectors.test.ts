import { describe, expect, it } from 'vitest';
import { vectorHandlers, VenueRuleError } from '@firesale/venue-gmx/vectors';
import { vectorMismatches } from '@firesale/testkit';
import { isExpectedFailure, loadCases } from './perp-vectors';

const cases = loadCases('gmx-v2');

describe('gmx-v2 vectors (perp-venues.json)', () => {
  it('has cases of every kind this package handles', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(vectorHandlers.some((h) => h.kind === c.kind)).toBe(true);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, testCase) => {
    const handler = vectorHandlers.find((h) => h.kind === testCase.kind && h.venue === testCase.venue);
    expect(handler).toBeDefined();
    if (isExpectedFailure(testCase.expected)) {
      expect(() => handler!.run(testCase)).toThrow(VenueRuleError);
      return;
    }
    expect(vectorMismatches(handler!.run(testCase), testCase.expected, testCase.tolerance)).toEqual([]);
  });
});

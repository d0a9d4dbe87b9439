import { describe, expect, it } from 'vitest';
import { vectorHandlers, VenueRuleError } from '@firesale/venue-drift/vectors';
import { vectorMismatches } from '@firesale/testkit';
import { isExpectedFailure, loadCases } from './perp-vectors';

const cases = loadCases('drift');

describe('drift vectors (perp-venues.json)', () => {
  it('has cases of every kind this package handles', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(vectorHandlers.some((h) => h.kind === c.kind)).toBe(true);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, testCase) => {
    const handler = vectorHandlers.find((h) => h.kind === testCase.kind && h.venue === testCase.venue);
    expect(handler).toBeDefined();
    if (isExpectedFailure(testCase.expected)) {
      const reason = Object.values(testCase.expected).find((v) => typeof v === 'string');
      let thrown: unknown;
      try {
        handler!.run(testCase);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(VenueRuleError);
      expect((thrown as VenueRuleError).reason).toBe(reason);
      return;
    }
    expect(vectorMismatches(handler!.run(testCase), testCase.expected, testCase.tolerance)).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VenueRuleError, vectorHandlers } from '@firesale/venue-dydx/vectors';
import { expectMatches, isFailure, type VectorFile } from './expect-matches';

const file = JSON.parse(readFileSync(new URL('../../../vectors/dydx-v4.json', import.meta.url), 'utf8')) as VectorFile;
const kinds = ['bankruptcy_price', 'fillable_price', 'insurance_fund_delta', 'block_limits', 'margin_requirement', 'deleveraging'];

describe('dydx-v4.json vectors', () => {
  it('has a handler for every kind in the file, and the file has every kind handled', () => {
    const fileKinds = new Set(file.cases.map((c) => c.kind));
    expect([...fileKinds].sort()).toEqual([...kinds].sort());
    expect(vectorHandlers.map((h) => h.kind).sort()).toEqual([...kinds].sort());
  });

  for (const testCase of file.cases) {
    it(`${testCase.kind} ${testCase.id}`, () => {
      const handler = vectorHandlers.find((h) => h.kind === testCase.kind && (!h.venue || h.venue === testCase.venue));
      expect(handler, `handler for ${testCase.kind}`).toBeDefined();
      const expected = testCase.expected;
      if (isFailure(expected)) {
        let thrown: unknown;
        try {
          handler!.run(testCase);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(VenueRuleError);
        const err = thrown as VenueRuleError;
        if (typeof expected.error === 'string') expect(err.reason).toBe(expected.error);
        if (typeof expected.reason === 'string') expect(err.reason).toBe(expected.reason);
        if ('panic' in expected) expect(err.panic).toBe(true);
        return;
      }
      expectMatches(handler!.run(testCase), expected, testCase.tolerance);
    });
  }
});

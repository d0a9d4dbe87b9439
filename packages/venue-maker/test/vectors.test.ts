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

// dss src/test/clip.t.sol testFail_redo_zero_price: the feed dropped to 0, the auction needs a redo, and redo reverts.
describe('redo with a zero feed price', () => {
  it('reverts Clipper/zero-top-price also when the case gives no tab, lot or chost', () => {
    const testCase = {
      id: 'redo-zero-price', venue: 'maker', kind: 'redo', tolerance: 'exact',
      inputs: {
        curve: 'LinearDecrease', tau: 3600, top: '5000000000000000000000000000', dur: 1801, tail: 3600, cusp: '500000000000000000000000000',
        new_feed_price_wad: '0', par: '1000000000000000000000000000', buf: '1250000000000000000000000000',
      },
      expected: { reverts: true, reason: 'Clipper/zero-top-price' },
    };
    runCase(vectorHandlers, testCase, VenueRuleError);
  });
});

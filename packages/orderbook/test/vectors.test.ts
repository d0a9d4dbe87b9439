import { describe, expect, it } from 'vitest';
import { vectorHandlers, VenueRuleError } from '@firesale/orderbook/vectors';
import { analyticCases } from './analytic-cases';
import { expectMatches } from './expect-matches';

const cases = analyticCases('resilience');

describe('vector handlers', () => {
  it('has resilience cases to run', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const handler of vectorHandlers) {
    describe(handler.kind, () => {
      for (const testCase of analyticCases(handler.kind)) {
        it(testCase.id, () => {
          expectMatches(handler.run(testCase), testCase.expected, testCase.tolerance);
        });
      }
    });
  }

  it('keys observations by the time as JSON prints it and observes just after a sale at that instant', () => {
    const handler = vectorHandlers.find((h) => h.kind === 'resilience');
    const result = handler?.run({
      id: 'local',
      kind: 'resilience',
      inputs: {
        p0: 50,
        depth_base_per_price_unit: 10,
        recovery_rate_per_second: 0.2,
        sells: [
          { t: 2.5, base: 5 },
          { t: 0, base: 10 },
        ],
        observe_at: [2.5, 0],
      },
      expected: {},
      tolerance: 'rel:1e-12',
    }) as Record<string, number>;
    expect(Object.keys(result).sort()).toEqual(['price_at_t0', 'price_at_t2.5']);
    expect(result['price_at_t0']).toBeCloseTo(49, 12);
    expect(result['price_at_t2.5']).toBeCloseTo(50 - 1 * Math.exp(-0.5) - 0.5, 12);
  });

  it('turns a non-positive depth into a VenueRuleError', () => {
    const handler = vectorHandlers.find((h) => h.kind === 'resilience');
    expect(() =>
      handler?.run({
        id: 'bad',
        kind: 'resilience',
        inputs: { p0: 100, depth_base_per_price_unit: -1, recovery_rate_per_second: 0.1, sells: [], observe_at: [0] },
        expected: {},
        tolerance: 'exact',
      }),
    ).toThrow(VenueRuleError);
  });
});

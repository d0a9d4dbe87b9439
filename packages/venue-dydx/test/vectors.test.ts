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

describe('deleveraging: the collateral checks see the open interest after the match', () => {
  // OIMF tier (20% IMF up to 1e11 quote quantums of OI, 100% from 2e11): 3 BTC of OI at 50,000 is 1.5e11, so 60%
  // IMF before the match; the match closes 1 BTC of longs, and 2 BTC (1e11) leaves 20%. The offsetting account
  // ends with TNC 20,000 USDC against IMR 10,000 (20% of 50,000): accepted. With the OI before the match its IMR
  // would be 30,000 and its TNC/TMMR ratio falls from 5 to 4, so it would be refused.
  const testCase = {
    id: 'oimf-after-match', venue: 'dydx-v4', kind: 'deleveraging', tolerance: 'exact',
    inputs: {"op": "ProcessDeleveraging at bankruptcy price", "perpetuals": [{"perpetual_id": 0, "ticker": "BTC-USD", "atomic_resolution": -8, "market_price": {"price": 5000000000, "exponent": -5}, "liquidity_tier_id": 3, "liquidity_tier": {"initial_margin_ppm": 200000, "maintenance_fraction_ppm": 500000, "open_interest_lower_cap": 100000000000, "open_interest_upper_cap": 200000000000}, "open_interest_base_quantums": 300000000}], "liquidated_subaccount": {"usdc_quote_quantums": 20000000000, "perpetual_positions": [{"perpetual_id": 0, "quantums": -100000000}]}, "offsetting_subaccount": {"usdc_quote_quantums": -50000000000, "perpetual_positions": [{"perpetual_id": 0, "quantums": 200000000}]}, "perpetual_id": 0, "delta_quantums": 100000000},
    expected: { deleveraging_quote_quantums_to_liquidated: -20000000000, offsetting_after: { usdc_quote_quantums: -30000000000 } },
  };

  it('accepts the offsetting account that is initially collateralized at the new open interest', () => {
    const handler = vectorHandlers.find((h) => h.kind === 'deleveraging')!;
    expectMatches(handler.run(testCase), testCase.expected, 'exact');
  });
});

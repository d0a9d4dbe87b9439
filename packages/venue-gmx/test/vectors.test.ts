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

describe('gmx-v2 liquidation payout (DecreasePositionCollateralUtils.processCollateral)', () => {
  const handler = vectorHandlers.find((h) => h.kind === 'liquidatable')!;
  const base = {
    min_collateral_factor_for_liquidation: 0.01, min_collateral_usd: 1, position_fee_factor: 0, price_impact: 0,
    market: 'ETH/USD [WETH-USDC]', index_token: 'WETH', side: 'long', collateral_token: 'USDC',
    collateral_amount: 3000, size_usd: 100000, entry_price: 5000, size_in_tokens: 20, prices: { WETH: 4890, USDC: 0.9999 },
  };
  // The handler returns the fields a case expects; these cases ask for the payout's three.
  const run = (id: string, inputs: Record<string, unknown>) => handler.run({ id, venue: 'gmx-v2', kind: 'liquidatable', inputs: { ...base, ...inputs }, expected: { user_receives_usdc: 0, pool_receives_usdc: 0, bad_debt_usd: 0 }, tolerance: 'exact' }) as Record<string, unknown>;

  it('rounds the close fee down in tokens (only the liquidation fee rounds up)', () => {
    // loss 2,200 USD -> ceil(2200 / 0.9999) = 2200.220023 USDC; close fee floor(50 / 0.9999) = 50.005000 USDC
    expect(run('fee-floor', { position_fee_factor: 0.0005 })['user_receives_usdc']).toBe(749.774977);
  });

  it('pays the loss and the negative impact one by one, each rounded up', () => {
    // 3000 - 2200.220023 - ceil(100 / 0.9999) = 3000 - 2200.220023 - 100.010002
    expect(run('impact', { price_impact: -100, max_position_impact_factor_for_liquidations: 0.01 })['user_receives_usdc']).toBe(699.769975);
  });

  it('stops at the cost it cannot pay: the rest of it is bad debt, the pool takes the collateral', () => {
    const out = run('insolvent', { prices: { WETH: 4840, USDC: 0.9999 }, position_fee_factor: 0.0005 });
    expect(out['user_receives_usdc']).toBe(0);
    expect(out['pool_receives_usdc']).toBe(3000);
    // ceil(3200 / 0.9999) = 3200.320033 USDC owed, 3000 paid: 200.320033 x 0.9999 USD left
    expect(out['bad_debt_usd']).toBeCloseTo(200.3000009967, 12);
  });
});

describe('gmx-v2 payout in profit (testLiquidation.ts "Liquidate someone in profit & they receive their native tokens")', () => {
  it('pays the profit out of the pool: the pool changes by minus the profit', () => {
    const handler = vectorHandlers.find((h) => h.kind === 'liquidatable')!;
    const inputs = {
      min_collateral_factor_for_liquidation: 0.01, min_collateral_usd: 1, position_fee_factor: 0, price_impact: 0,
      market: 'SOL/USD [WETH-USDC], synthetic index', collateral_token: 'WETH', collateral_amount: 1, size_usd: 450000,
      entry_price: 15, size_in_tokens: 30000, side: 'long', prices: { WETH: 4000, USDC: 1, SOL: 15.01 },
    };
    const out = handler.run({ id: 'profit', venue: 'gmx-v2', kind: 'liquidatable', inputs, expected: { user_receives_weth: 0, pool_receives_weth: 0 }, tolerance: 'exact' }) as Record<string, unknown>;
    expect(out['user_receives_weth']).toBe(1.075);
    expect(out['pool_receives_weth']).toBe(-0.075);
  });
});

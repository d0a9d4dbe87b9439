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

describe('absorb reverts NotLiquidatable (Comet.sol absorbInternal)', () => {
  const handler = vectorHandlers.find((h) => h.kind === 'absorb')!;
  const state = { base_supply_index: '1000000000000000', base_borrow_index: '1000000000000000', base_price: '100000000', base_scale: '1000000' };
  const weth = { asset: 'WETH', balance: '1000000000000000000', price: '300000000000', scale: '1000000000000000000', liquidationFactor: '900000000000000000' };
  const absorb = (...accounts: Record<string, unknown>[]) => () => handler.run({ id: 'absorb', venue: 'compound-v3', kind: 'absorb', inputs: { ...state, accounts }, expected: {}, tolerance: 'exact' });

  it('for an account that supplies (principal >= 0)', () => {
    expect(absorb({ principal: '5000000', collateral: [weth] })).toThrow(expect.objectContaining({ reason: 'NotLiquidatable' }));
  });

  it('when the collateral (liquidateCF given) covers the debt, and one healthy account reverts the whole batch', () => {
    const covered = { principal: '-1000000000', collateral: [{ ...weth, liquidateCF: '900000000000000000' }] };
    const underwater = { principal: '-2900000000', collateral: [{ ...weth, liquidateCF: '900000000000000000' }] };
    expect(absorb(covered)).toThrow(expect.objectContaining({ reason: 'NotLiquidatable' }));
    expect(absorb(underwater, covered)).toThrow(expect.objectContaining({ reason: 'NotLiquidatable' }));
    expect(absorb(underwater)).not.toThrow();
  });
});

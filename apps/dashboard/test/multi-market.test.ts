import { run } from '@firesale/sdk';
import { describe, expect, it } from 'vitest';
import { applyControls, controlsFromScenario } from '../src/controls';
import { createScenarioRunner } from '../src/engine/scenario-runner';
import { bundledScenarios } from '../src/scenario-catalog';

const scenario = (id: string): unknown => bundledScenarios.find((s) => s.id === id)!.json;

describe('multi-market scenarios in the dashboard', () => {
  it('runs every bundled example as the SDK does', () => {
    const runner = createScenarioRunner();
    for (const { id, json } of bundledScenarios) {
      const outcome = runner.simulate({ scenario: json });
      if (!outcome.ok) throw new Error(`${id}: ${JSON.stringify(outcome.problems)}`);
      const expected = run(json);
      expect(outcome.summary).toEqual(expected.summary);
      expect(outcome.markets.map((m) => m.summary)).toEqual(expected.markets);
      expect(outcome.funds).toEqual(expected.insuranceFunds);
    }
  });

  it('lists every market and venue of the contagion example, with the lender ending in bad debt', () => {
    const outcome = createScenarioRunner().simulate({ scenario: scenario('contagion') });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.markets.map((m) => [m.summary.marketId, m.venueId])).toEqual([
      ['ETH-PERP', 'cex'],
      ['ETH-USDC-POOL', 'lender'],
    ]);
    expect(outcome.markets[1]!.summary.liquidatedCount).toBeGreaterThan(0);
    expect(outcome.funds.find((f) => f.venueId === 'lender')!.badDebtQuote).toBeGreaterThan(0);
    expect(outcome.summary.badDebtQuote).toBeGreaterThan(0);
  });

  it('scales AMM pools with the depth control and leaves them without resilience', () => {
    const json = scenario('contagion');
    const base = controlsFromScenario(json);
    const moved = applyControls(json, base, { ...base, depthScale: 2, halfLifeSeconds: base.halfLifeSeconds + 60 }) as {
      markets: { book: Record<string, unknown> }[];
    };
    expect(moved.markets[0]!.book.resilience).toEqual({ halfLifeSeconds: base.halfLifeSeconds + 60 });
    expect(moved.markets[1]!.book).toEqual({ model: 'constant-product', baseReserve: 50_000, quoteReserve: 150_000_000, feeRate: 0.003 });
    const outcome = createScenarioRunner().simulate({ scenario: moved });
    expect(outcome.ok).toBe(true);
    const pool = {
      markets: [{ book: { model: 'concentrated-liquidity', ranges: [{ lowerPriceQuote: 1, upperPriceQuote: 2, liquidity: 10 }] } }],
    };
    const poolBase = controlsFromScenario(pool);
    expect(applyControls(pool, poolBase, { ...poolBase, depthScale: 3 })).toEqual({
      markets: [{ book: { model: 'concentrated-liquidity', ranges: [{ lowerPriceQuote: 1, upperPriceQuote: 2, liquidity: 30 }] } }],
    });
  });
});

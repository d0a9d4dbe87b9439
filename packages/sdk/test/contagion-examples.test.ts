import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FiresaleErrors, prepareScenario, run } from '../src';
import { loadScenarioFile } from '../src/node';

const example = (name: string) => loadScenarioFile(new URL(`../../../examples/${name}.json`, import.meta.url).pathname);

describe('contagion examples', () => {
  it('a CEX crash ends in bad debt on a lending protocol that never saw the shock, with every amount accounted for', () => {
    const report = run(example('contagion-cex-dex-lending'), { checkInvariants: true });
    const [perp, pool] = report.markets;
    expect(perp!.exogenousMoveFraction).toBeCloseTo(0.1, 9);
    expect(pool!.exogenousMoveFraction).toBe(0);
    expect(pool!.liquidatedCount).toBeGreaterThan(0);
    expect(report.arbitrage[0]!.movedBase).toBeGreaterThan(0);
    const lender = report.insuranceFunds.find((f) => f.venueId === 'lender')!;
    expect(lender.badDebtQuote).toBeGreaterThan(0);
    const total = report.insuranceFunds.reduce((sum, f) => sum + f.badDebtQuote, 0);
    expect(total).toBeCloseTo(report.summary.badDebtQuote, 3);
  });

  it('a lending oracle lagging the pool it liquidates into leaves bad debt that a prompt oracle does not', () => {
    const lagging = run(example('oracle-lag-lending'), { checkInvariants: true });
    const prompt = run(example('oracle-prompt-lending'), { checkInvariants: true });
    expect(lagging.summary.badDebtQuote).toBeGreaterThan(0);
    expect(prompt.summary.badDebtQuote).toBe(0);
    expect(lagging.summary.liquidatedPositions).toBeGreaterThan(prompt.summary.liquidatedPositions);
  });

  it('collateral valued from the venue\'s own thin book liquidates accounts that an external oracle keeps', () => {
    const ownBook = run(example('depeg-own-book'), { checkInvariants: true });
    const external = run(example('depeg-external-oracle'), { checkInvariants: true });
    expect(ownBook.summary.liquidatedPositions).toBeGreaterThan(10 * Math.max(1, external.summary.liquidatedPositions));
    expect(ownBook.markets[1]!.troughPriceQuote).toBeCloseTo(0.5, 6);
    expect(external.markets[1]!.troughPriceQuote).toBeCloseTo(0.5, 6);
  });
});

describe('contagion scenario errors', () => {
  const problems = (edit: (s: { markets: Record<string, unknown>[] }) => void): string[] => {
    const file = new URL('../../../examples/contagion-cex-dex-lending.json', import.meta.url);
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { markets: Record<string, unknown>[] };
    edit(raw);
    try {
      prepareScenario(raw);
    } catch (error) {
      expect(error).toBeInstanceOf(FiresaleErrors);
      return (error as FiresaleErrors).errors.map((e) => e.message);
    }
    return [];
  };

  it('an oracle on a market that does not exist, a negative oracle delay and a pool with no liquidity are named by field', () => {
    expect(problems((s) => (s.markets[1]!.oracle = { source: 'market', marketId: 'ETH-NOWHERE' }))).toEqual([
      expect.stringMatching(/^markets\[1\]\.oracle\.marketId: unknown market "ETH-NOWHERE" \(known: ETH-PERP, ETH-USDC-POOL\)/),
    ]);
    expect(problems((s) => (s.markets[1]!.oracle = { source: 'own-book', delaySeconds: -2 }))).toEqual([expect.stringMatching(/^markets\[1\]\.oracle\.delaySeconds: /)]);
    expect(problems((s) => ((s.markets[1]!.book as { baseReserve: number }).baseReserve = 0))).toEqual([expect.stringMatching(/^markets\[1\]\.book\.baseReserve: /)]);
  });
});

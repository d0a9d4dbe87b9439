import { describe, expect, it } from 'vitest';
import { isFiresaleError } from '@firesale/core';
import { analyzeContagion } from '@firesale/contagion';
import { makeReport } from './report-fixture';

// BTC is shocked -10% on venue "cex"; ETH on the same venue is reached at t=2 through cross-margin; the lender's
// WETH market is reached at t=4 and ends in bad debt; SOL only wobbles (reached by price at t=3); DOGE never moves.
const report = makeReport(
  [
    { marketId: 'BTC', initial: 100, exogenous: 0.1, mids: [100, 90, 85, 84, 84, 86], liquidations: [{ t: 1, notional: 600 }, { t: 2, notional: 100 }] },
    { marketId: 'ETH', initial: 10, exogenous: 0, mids: [10, 10, 9.5, 9.2, 9.1, 9.3], liquidations: [{ t: 2, notional: 200 }] },
    { marketId: 'WETH', initial: 10, exogenous: 0, mids: [10, 10, 10, 9.6, 9, 9], liquidations: [{ t: 4, notional: 100, shortfall: 30 }] },
    { marketId: 'SOL', initial: 5, exogenous: 0, mids: [5, 5, 5, 4.99, 4.95, 4.97], liquidations: [] },
    { marketId: 'DOGE', initial: 1, exogenous: 0, mids: [1, 1, 1, 1, 1, 1], liquidations: [] },
  ],
  [
    { venueId: 'cex', paidOut: 20, badDebt: 0 },
    { venueId: 'lender', paidOut: 10, badDebt: 15, exhausted: true },
  ],
  [5],
);
const marketVenues = { BTC: 'cex', ETH: 'cex', SOL: 'cex', DOGE: 'cex', WETH: 'lender' };

describe('analyzeContagion', () => {
  const a = analyzeContagion(report, { marketVenues });

  it('orders the markets reached by first liquidation (or first price move) and says how strongly', () => {
    expect(a.nodes.map((n) => [n.nodeId, n.order, n.reachedAtSeconds])).toEqual([
      ['BTC', 1, 1],
      ['ETH', 2, 2],
      ['SOL', 3, 3],
      ['WETH', 4, 4],
      ['DOGE', null, null],
    ]);
    const eth = a.nodes.find((n) => n.marketId === 'ETH')!;
    expect(eth.notionalShare).toBeCloseTo(0.2, 12);
    expect(eth.troughDropFraction).toBeCloseTo(0.09, 12);
    expect(eth.priceMoveFraction).toBeCloseTo(-0.07, 12);
    expect(a.nodes.find((n) => n.marketId === 'SOL')!.firstLiquidationSeconds).toBeNull();
    expect(a.nodes[0]!.shocked).toBe(true);
  });

  it('builds a graph from the shocked market to those reached, weighted by liquidated notional, in time order', () => {
    expect(a.graph.edges.map((e) => [e.from, e.to, Number(e.weight.toFixed(12)), e.lagSeconds])).toEqual([
      ['BTC', 'ETH', 0.2, 1],
      ['BTC', 'SOL', 0, 2],
      ['BTC', 'WETH', 0.1, 3],
    ]);
    expect(a.venueGraph.edges.map((e) => [e.from, e.to, Number(e.weight.toFixed(12))])).toEqual([['cex', 'lender', 0.1]]);
  });

  it('measures systemic losses across venues', () => {
    const s = a.systemic;
    expect(s.totalLiquidatedNotionalQuote).toBe(1000);
    expect(s.totalBadDebtQuote).toBe(15);
    expect(s.lossesBeyondMarginQuote).toBe(30 + 5 + 15);
    expect(s.socialisedShare).toBeCloseTo(20 / 50, 12);
    expect(s.notionalOutsideShockedShare).toBeCloseTo(0.3, 12);
    expect(s.marketsReachedOutsideShock).toBe(3);
    expect(s.venuesWithBadDebt).toBe(1);
    expect(s.exhaustedInsuranceFunds).toBe(1);
    expect(a.venues.find((v) => v.venueId === 'lender')).toMatchObject({ liquidatedNotionalQuote: 100, firstLiquidationSeconds: 4, badDebtQuote: 15 });
  });

  it('combines reports of separately simulated venues, prefixing node ids with their labels', () => {
    const lender = makeReport(
      [{ marketId: 'WETH', initial: 10, exogenous: 0, mids: [10, 10, 9], liquidations: [{ t: 2, notional: 300 }] }],
      [{ venueId: 'lender', paidOut: 0, badDebt: 40 }],
    );
    const cex = makeReport(
      [{ marketId: 'BTC', initial: 100, exogenous: 0.05, mids: [100, 95, 94], liquidations: [{ t: 1, notional: 100 }] }],
      [{ venueId: 'cex', paidOut: 0, badDebt: 0 }],
    );
    const b = analyzeContagion([cex, lender], { labels: ['cex', 'lender'] });
    expect(b.graph.edges).toEqual([{ from: 'cex:BTC', to: 'lender:WETH', weight: 0.75, reachedAtSeconds: 2, lagSeconds: 1 }]);
    expect(b.systemic.totalBadDebtQuote).toBe(40);
    expect(b.systemic.socialisedShare).toBe(1);
    expect(b.venues.map((v) => v.venueId).sort()).toEqual(['cex', 'lender']);
  });

  it('gives zero shares when nothing was liquidated and names bad options', () => {
    const calm = makeReport([{ marketId: 'BTC', initial: 100, exogenous: 0, mids: [100, 100], liquidations: [] }], [{ venueId: 'cex', paidOut: 0, badDebt: 0 }]);
    const c = analyzeContagion(calm);
    expect(c.graph.edges).toEqual([]);
    expect(c.systemic.socialisedShare).toBe(0);
    expect(c.systemic.notionalOutsideShockedShare).toBe(0);
    const bad = (() => {
      try {
        analyzeContagion(calm, { shockedMarketIds: ['XRP'] });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(isFiresaleError(bad, 'SCENARIO__INVALID_FIELD') && bad.context.path).toBe('shockedMarketIds[0]');
    expect(() => analyzeContagion([calm], { labels: ['a', 'b'] })).toThrow(/labels/);
  });
});

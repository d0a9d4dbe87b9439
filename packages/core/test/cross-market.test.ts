import { createConstantProductPool, createLinearBook } from '@firesale/orderbook';
import { createGenericEngine } from '@firesale/venue-generic';
import { describe, expect, it } from 'vitest';
import { PositionTable, createSimulator, isFiresaleError, type MarketInput, type SimulatorInput } from '../src';

function twoMarkets(overrides: { a?: Partial<MarketInput>; b?: Partial<MarketInput>; input?: Partial<SimulatorInput> } = {}) {
  const positions = new PositionTable(8);
  // Longs on market B only, liquidated at 95 (entry 100, margin 5, no maintenance margin).
  for (let i = 0; i < 4; i++) positions.add(i, 1, 1, 1, 100, 5 + i);
  return createSimulator({
    markets: [
      { marketId: 'A', venueId: 'cex', baseAsset: 'X', book: createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 1e6 }), ...overrides.a },
      { marketId: 'B', venueId: 'dex', baseAsset: 'XB', book: createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 100 }), ...overrides.b },
    ],
    venues: [
      { engine: createGenericEngine({ venueId: 'cex', maintenanceMarginRate: 0, liquidationFeeRate: 0 }), insuranceFundQuote: 0 },
      { engine: createGenericEngine({ venueId: 'dex', maintenanceMarginRate: 0, liquidationFeeRate: 0, autoDeleveraging: false }), insuranceFundQuote: 0 },
    ],
    accounts: Array.from({ length: 4 }, (_, i) => ({ accountId: `a${i}`, marginMode: 'isolated' as const, collateral: [] })),
    positions,
    timing: { stepSeconds: 1, durationSeconds: 120 },
    ...overrides.input,
  });
}

const fallOnA = { shocks: [{ marketId: 'A', returnFraction: -0.1 }] };

describe('cross-market linkage', () => {
  it('carries a fall from one venue to another through arbitrage, within its capacity per step', () => {
    const unlinked = twoMarkets().run(fallOnA);
    expect(unlinked.summary.liquidations).toBe(0);
    const linked = twoMarkets({ input: { arbitrage: [{ marketIds: ['A', 'B'], capacityBasePerStep: 100, latencySeconds: 1 }] } }).run({ ...fallOnA, checkInvariants: true });
    expect(linked.summary.liquidatedPositions).toBe(4);
    const b = linked.timeline.midPriceQuote.B!;
    // 100 base per step at 100 base per quote of depth moves B by at most 1 per step.
    for (let k = 1; k < b.length; k++) expect(b[k - 1]! - b[k]!).toBeLessThanOrEqual(1 + 0.04 + 1e-9);
    expect(linked.arbitrage[0]!.movedBase).toBeGreaterThan(0);
    expect(linked.markets[1]!.finalPriceQuote).toBeCloseTo(linked.markets[0]!.finalPriceQuote, 0);
    // Read in place, the run gives the same markets and mids, market by market.
    const simulator = twoMarkets({ input: { arbitrage: [{ marketIds: ['A', 'B'], capacityBasePerStep: 100, latencySeconds: 1 }] } });
    simulator.runOutcome(fallOnA, (o) => {
      expect(o.markets).toEqual(linked.markets);
      expect(o.summary).toEqual(linked.summary);
      for (let k = 0; k < o.timelineLength; k++) expect([o.midPriceQuoteAt(0, k), o.midPriceQuoteAt(1, k)]).toEqual([linked.timeline.midPriceQuote.A![k], b[k]]);
    });
  });

  it('marks a market from another market when its oracle says so', () => {
    const report = twoMarkets({ b: { oracle: { source: 'market', marketId: 'A' } } }).run(fallOnA);
    expect(report.summary.liquidatedPositions).toBe(4);
    expect(report.timeline.markPriceQuote.B![0]).toBeCloseTo(90, 9);
    expect(report.timeline.midPriceQuote.B![0]).toBeLessThan(100);
  });

  it('lags a TWAP oracle behind the book', () => {
    const report = twoMarkets({ b: { oracle: { source: 'twap', windowSeconds: 20 } } }).run({ shocks: [{ marketId: 'B', returnFraction: -0.1 }] });
    const marks = report.timeline.markPriceQuote.B!;
    expect(marks[0]).toBeCloseTo(100 - 10 / 21, 9);
    expect(report.liquidations[0]!.timeSeconds).toBeGreaterThan(5);
  });

  it('takes the median of several markets', () => {
    const report = twoMarkets({ b: { oracle: { source: 'median', marketIds: ['A', 'B', 'A'] } } }).run(fallOnA);
    expect(report.timeline.markPriceQuote.B![0]).toBeCloseTo(90, 9);
  });

  it('withdraws depth as volatility rises and brings it back as it calms down', () => {
    const withdrawal = { windowSeconds: 10, sensitivity: 50, floorMultiplier: 0.2 };
    const calm = twoMarkets().run({ shocks: [{ marketId: 'B', returnFraction: -0.06, overSeconds: 20 }] });
    const nervous = twoMarkets({ b: { liquidityWithdrawal: withdrawal } }).run({ shocks: [{ marketId: 'B', returnFraction: -0.06, overSeconds: 20 }] });
    expect(nervous.markets[1]!.troughPriceQuote).toBeLessThan(calm.markets[1]!.troughPriceQuote);
  });

  it('sells into an AMM pool and pays what the pool gives', () => {
    const report = twoMarkets({ b: { book: createConstantProductPool({ baseReserve: 1000, quoteReserve: 100_000 }) } }).run({ shocks: [{ marketId: 'B', returnFraction: -0.06 }], checkInvariants: true });
    expect(report.summary.liquidatedPositions).toBeGreaterThan(0);
  });

  it('names the field of a bad oracle or link', () => {
    const expectError = (make: () => unknown, code: string, message: string) => {
      try {
        make();
        expect.unreachable();
      } catch (error) {
        expect(isFiresaleError(error, code as never)).toBe(true);
        expect((error as Error).message).toBe(message);
      }
    };
    expectError(() => twoMarkets({ b: { oracle: { source: 'market', marketId: 'C' } } }), 'SCENARIO__UNKNOWN_MARKET', 'markets[1].oracle.marketId: unknown market "C" (known: A, B)');
    expectError(() => twoMarkets({ b: { oracle: { source: 'own-book', delaySeconds: -1 } } }), 'SCENARIO__INVALID_FIELD', 'markets[1].oracle.delaySeconds: must be a number of seconds, 0 or more');
    expectError(() => twoMarkets({ input: { arbitrage: [{ marketIds: ['A', 'Z'], capacityBasePerStep: 1 }] } }), 'SCENARIO__UNKNOWN_MARKET', 'arbitrage[0].marketIds[1]: unknown market "Z" (known: A, B)');
  });
});

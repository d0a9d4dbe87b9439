import { createLinearBook } from '@firesale/orderbook';
import { createGenericEngine } from '@firesale/venue-generic';
import { describe, expect, it } from 'vitest';
import type { LiquidationEngineModelV1, PriceTriggerColumnsV1 } from '@firesale/spec';
import { PositionTable, createRng, createSimulator } from '../src';

describe('Simulator.liquidationPrices', () => {
  const engine = createGenericEngine({ maintenanceMarginRate: 0.01, liquidationFeeRate: 0, maxLeverage: 1e9 });
  const plugin = (side: 1 | -1, sizeBase: number, entryPriceQuote: number, marginQuote: number): number => {
    const out = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };
    engine.doPriceTriggers({ marketId: 'X-PERP', side, sizeBase, entryPriceQuote, marginQuote }, out);
    return out.liquidationPriceQuote;
  };
  const build = () => {
    const positions = new PositionTable(8);
    positions.add(0, 0, 1, 2, 100, 20); // isolated long
    positions.add(1, 0, -1, 1, 100, 5); // isolated short
    positions.add(2, 0, 1, 1, 100, 0); // the only position of a cross account holding 30 in quote
    positions.add(3, 0, 1, 1, 100, 0); // two positions of one cross account: checked as an account
    positions.add(3, 0, -1, 1, 100, 0);
    positions.add(4, 0, 1, 1, 100, 200); // a long that no positive price liquidates
    return createSimulator({
      markets: [{ marketId: 'X-PERP', venueId: 'generic', baseAsset: 'X', book: createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 1 }) }],
      venues: [{ engine, insuranceFundQuote: 0 }],
      accounts: [
        { accountId: 'isolated-long', marginMode: 'isolated', collateral: [] },
        { accountId: 'isolated-short', marginMode: 'isolated', collateral: [] },
        { accountId: 'cross-one', marginMode: 'cross', collateral: [{ asset: 'USD', amount: 30 }] },
        { accountId: 'cross-two', marginMode: 'cross', collateral: [{ asset: 'USD', amount: 50 }] },
        { accountId: 'overcollateralised', marginMode: 'isolated', collateral: [] },
      ],
      positions,
    });
  };

  it("gives each indexed position its venue's price, with the margin the simulator set, and NaN for the rest", () => {
    const prices = build().liquidationPrices();
    expect(prices).toHaveLength(6);
    expect(prices[0]).toBe(plugin(1, 2, 100, 20));
    expect(prices[1]).toBe(plugin(-1, 1, 100, 5));
    expect(prices[2]).toBe(plugin(1, 1, 100, 30));
    expect(prices[3]).toBeNaN();
    expect(prices[4]).toBeNaN();
    expect(prices[5]).toBeNaN();
    // Where equity meets maintenance: 20 + 2 (P - 100) = 0.01 * 2 P.
    expect(prices[0]).toBeCloseTo(180 / 1.98, 9);
  });

  it('returns a copy: changing it changes no run', () => {
    const simulator = build();
    const before = simulator.run({ shocks: [{ marketId: 'X-PERP', returnFraction: -0.2 }] });
    simulator.liquidationPrices().fill(0);
    expect(simulator.run({ shocks: [{ marketId: 'X-PERP', returnFraction: -0.2 }] })).toEqual(before);
  });
});

describe("a venue's batch of liquidation prices (doLiquidationPrices)", () => {
  // Two markets on two venues; positions in runs of one market and interleaved, with tiered margin so that the
  // tier search runs, and cross accounts (one with a single position: indexed; one with two: watched).
  const tiers = [
    { minNotionalQuote: 0, maintenanceMarginRate: 0.005, maxLeverage: 100 },
    { minNotionalQuote: 250, maintenanceMarginRate: 0.02, maxLeverage: 20 },
  ];
  const withoutBatch = (engine: LiquidationEngineModelV1): LiquidationEngineModelV1 => {
    const { doLiquidationPrices: _unused, ...rest } = engine;
    return rest;
  };
  const build = (batch: boolean, spy?: (marketId: string, from: number, to: number) => void) => {
    const engines = [createGenericEngine({ venueId: 'a', tiers }), createGenericEngine({ venueId: 'b', maintenanceMarginRate: 0.01 })].map((engine) => {
      if (!batch) return withoutBatch(engine);
      return {
        ...engine,
        doLiquidationPrices(input: PriceTriggerColumnsV1, out: Float64Array) {
          spy?.(input.marketId, input.from, input.to);
          engine.doLiquidationPrices!(input, out);
        },
      };
    });
    const positions = new PositionTable(64);
    const rng = createRng(11);
    for (let i = 0; i < 60; i++) {
      const market = i < 20 ? 0 : i < 40 ? 1 : i % 2;
      const account = i === 25 ? 1 : i === 26 || i === 27 ? 2 : 0;
      const size = 0.5 + rng.nextFloat() * 4;
      positions.add(account, market, rng.nextFloat() < 0.5 ? 1 : -1, size, 100, (size * 100) / (2 + rng.nextFloat() * 40));
    }
    return createSimulator({
      markets: [
        { marketId: 'A-PERP', venueId: 'a', baseAsset: 'A', book: createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 2 }) },
        { marketId: 'B-PERP', venueId: 'b', baseAsset: 'B', book: createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 2 }) },
      ],
      venues: engines.map((engine) => ({ engine, insuranceFundQuote: 1000 })),
      accounts: [
        { accountId: 'isolated', marginMode: 'isolated', collateral: [] },
        { accountId: 'cross-one', marginMode: 'cross', collateral: [{ asset: 'USD', amount: 12 }] },
        { accountId: 'cross-two', marginMode: 'cross', collateral: [{ asset: 'USD', amount: 30 }] },
      ],
      positions,
    });
  };
  const shock = { shocks: [{ marketId: 'A-PERP', returnFraction: -0.08 }, { marketId: 'B-PERP', returnFraction: 0.06 }] };

  it('gives the same prices, index and runs as one doPriceTriggers call per position', () => {
    const batched = build(true);
    const single = build(false);
    expect(Array.from(batched.liquidationPrices())).toEqual(Array.from(single.liquidationPrices()));
    const report = batched.run(shock);
    expect(report.summary.liquidatedPositions).toBeGreaterThan(5);
    expect(report).toEqual(single.run(shock));
  });

  it('is called with runs of indexed positions on one market, covering each exactly once', () => {
    const calls: [string, number, number][] = [];
    build(true, (marketId, from, to) => calls.push([marketId, from, to]));
    const covered = new Map<number, string>();
    for (const [marketId, from, to] of calls) {
      expect(to).toBeGreaterThan(from);
      for (let i = from; i < to; i++) {
        expect(covered.has(i)).toBe(false);
        covered.set(i, marketId);
      }
    }
    // Every position but the two of the watched cross account (26 and 27), each with its own market.
    expect([...covered.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i).filter((i) => i !== 26 && i !== 27));
    for (const [i, marketId] of covered) expect(marketId).toBe(i < 20 ? 'A-PERP' : i < 40 ? 'B-PERP' : i % 2 === 0 ? 'A-PERP' : 'B-PERP');
    expect(calls.slice(0, 3)).toEqual([
      ['A-PERP', 0, 20],
      ['B-PERP', 20, 26],
      ['B-PERP', 28, 40],
    ]);
  });
});

describe('an index over more positions than its bucket layout samples', () => {
  // 40,000 positions: blocks of one market sorted by leverage (so a sample of spread-out runs misses the extremes of
  // a block), then both markets interleaved, and a watched cross account (two positions, left out of the index).
  const engine = createGenericEngine({ maintenanceMarginRate: 0.005, liquidationFeeRate: 0.01 });
  const build = (spy?: (from: number, to: number) => void) => {
    const n = 40_000;
    const positions = new PositionTable(n + 2);
    const rng = createRng(5);
    for (let i = 0; i < n; i++) {
      const market = i < 15_000 ? 0 : i < 25_000 ? 1 : i % 2;
      const leverage = i < 25_000 ? 1.5 + ((i % 15_000) / 15_000) * 98 : 2 + rng.nextFloat() * 60;
      const long = rng.nextFloat() < 0.6;
      const entry = 100 * (1 + 0.02 * rng.nextNormal());
      const size = 1 + rng.nextFloat() * 5;
      positions.add(0, market, long ? 1 : -1, size, entry, (size * entry) / leverage);
    }
    positions.add(1, 0, 1, 3, 100, 0);
    positions.add(1, 1, -1, 2, 100, 0);
    const batching: LiquidationEngineModelV1 = {
      ...engine,
      doLiquidationPrices(input: PriceTriggerColumnsV1, out: Float64Array) {
        spy?.(input.from, input.to);
        engine.doLiquidationPrices!(input, out);
      },
    };
    return createSimulator({
      markets: [
        { marketId: 'A-PERP', venueId: 'generic', baseAsset: 'A', book: createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 40 }) },
        { marketId: 'B-PERP', venueId: 'generic', baseAsset: 'B', book: createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 40 }) },
      ],
      venues: [{ engine: batching, insuranceFundQuote: 1e6 }],
      accounts: [
        { accountId: 'crowd', marginMode: 'isolated', collateral: [] },
        { accountId: 'cross', marginMode: 'cross', collateral: [{ asset: 'USD', amount: 40 }] },
      ],
      positions,
      timing: { stepSeconds: 1, durationSeconds: 60, oracleDelaySeconds: 1 },
    });
  };
  const shock = { shocks: [{ marketId: 'A-PERP', returnFraction: -0.06, overSeconds: 5 }, { marketId: 'B-PERP', returnFraction: 0.05, overSeconds: 5 }] };

  it('computes each price once and finds the same positions as a full scan', () => {
    const covered = new Uint8Array(40_002);
    const simulator = build((from, to) => {
      for (let i = from; i < to; i++) covered[i]!++;
    });
    expect(Array.from(covered.subarray(0, 40_000)).every((c) => c === 1)).toBe(true);
    expect(covered[40_000]! + covered[40_001]!).toBe(0);
    const report = simulator.run(shock);
    expect(report.summary.liquidatedPositions).toBeGreaterThan(2_000);
    expect(JSON.stringify(simulator.run({ ...shock, triggerDetection: 'full-scan' }))).toBe(JSON.stringify(report));
  });
});

import { describe, expect, it } from 'vitest';
import { correlatedReturns, normalQuantile } from '@firesale/contagion';
import { FiresaleErrors, prepareScenario, run, type ScenarioInput } from '../src';

const twoMarkets = (): ScenarioInput => ({
  name: 'two markets',
  seed: 11,
  venues: [{ id: 'v', model: 'generic', params: { maxLeverage: 50 }, insuranceFundQuote: 1000 }],
  markets: [
    { id: 'BTC-PERP', venue: 'v', baseAsset: 'BTC', initialPriceQuote: 100, book: { model: 'linear', depthBasePerQuote: 10 } },
    { id: 'ETH-PERP', venue: 'v', baseAsset: 'ETH', initialPriceQuote: 10, book: { model: 'linear', depthBasePerQuote: 100 } },
  ],
  positions: [
    { account: 'a', market: 'BTC-PERP', side: 'long', sizeBase: 1, entryPriceQuote: 100, leverage: 10 },
    { account: 'b', market: 'ETH-PERP', side: 'long', sizeBase: 10, entryPriceQuote: 10, leverage: 10 },
  ],
});

const correlation = [
  [1, 0.7],
  [0.7, 1],
];

function problems(raw: unknown): string[] {
  try {
    prepareScenario(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(FiresaleErrors);
    return (error as FiresaleErrors).errors.map((e) => `${e.code} ${(e.context as { path?: string }).path}: ${e.message}`);
  }
  return [];
}

describe('correlatedShock', () => {
  it('draws correlated moves for the markets listed, seeded, as @firesale/contagion does', () => {
    const scenario = { ...twoMarkets(), correlatedShock: { markets: ['BTC-PERP', 'ETH-PERP'], volatilities: [0.05, 0.08], correlation, horizonSeconds: 60, draw: 3 } };
    const prepared = prepareScenario(scenario);
    const expected = correlatedReturns({ correlation, volatilities: [0.05, 0.08], seed: 11, draws: 4 })[3]!;
    expect(prepared.shocks).toEqual([
      { marketId: 'BTC-PERP', returnFraction: expected[0], atSeconds: 0, overSeconds: 60 },
      { marketId: 'ETH-PERP', returnFraction: expected[1], atSeconds: 0, overSeconds: 60 },
    ]);
    const withSeed = prepareScenario({ ...scenario, correlatedShock: { ...scenario.correlatedShock, seed: 5, draw: undefined } });
    expect(withSeed.shocks.map((s) => s.returnFraction)).toEqual(correlatedReturns({ correlation, volatilities: [0.05, 0.08], seed: 5 })[0]);
  });

  it('a quantile stress puts the first market at its quantile and the others at their conditional mean', () => {
    const prepared = prepareScenario({
      ...twoMarkets(),
      shocks: [{ market: 'BTC-PERP', returnPct: -1, atSeconds: 120 }],
      correlatedShock: { markets: ['BTC-PERP', 'ETH-PERP'], volatilities: [0.05, 0.08], correlation, horizonSeconds: 30, atSeconds: 5, quantile: 0.01, returnModel: 'simple' },
    });
    const z = normalQuantile(0.01);
    expect(prepared.shocks).toHaveLength(3);
    expect(prepared.shocks[1]!.returnFraction).toBeCloseTo(0.05 * z, 12);
    expect(prepared.shocks[2]!.returnFraction).toBeCloseTo(0.08 * 0.7 * z, 12);
    expect(prepared.shocks[2]).toMatchObject({ marketId: 'ETH-PERP', atSeconds: 5, overSeconds: 30 });
    const report = run(prepared);
    expect(report.markets[1]!.exogenousMoveFraction).toBeCloseTo(-0.08 * 0.7 * z, 9);
  });

  it('a correlation matrix that is not positive semi-definite is named at correlatedShock.correlation[i][j]', () => {
    const bad = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    const scenario = twoMarkets();
    scenario.markets.push({ id: 'SOL-PERP', venue: 'v', baseAsset: 'SOL', initialPriceQuote: 1, book: { model: 'linear', depthBasePerQuote: 1000 } });
    const found = problems({ ...scenario, correlatedShock: { markets: ['BTC-PERP', 'ETH-PERP', 'SOL-PERP'], volatilities: [0.05, 0.05, 0.05], correlation: bad, horizonSeconds: 60 } });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^SCENARIO__INVALID_FIELD correlatedShock\.correlation\[2\]\[1\]: correlatedShock\.correlation\[2\]\[1\]: not positive semi-definite \(eigenvalue -/);
  });

  it('names unknown markets, mismatched lengths, a missing correlation, draw with quantile, and no shock at all', () => {
    const base = twoMarkets();
    expect(problems({ ...base, correlatedShock: { markets: ['BTC-PERP', 'DOGE'], volatilities: [0.05], correlation, horizonSeconds: 60 } })).toEqual([
      expect.stringMatching(/^SCENARIO__UNKNOWN_MARKET correlatedShock\.markets\[1\]: .*DOGE/),
      expect.stringMatching(/^SCENARIO__INVALID_FIELD correlatedShock\.volatilities: .*has 1 entries, expected one per market \(2\)$/),
    ]);
    expect(problems({ ...base, correlatedShock: { markets: ['BTC-PERP', 'ETH-PERP'], volatilities: [0.05, 0.05], horizonSeconds: 60 } })).toEqual([
      expect.stringContaining('SCENARIO__VALUE_MISSING correlatedShock.correlation'),
    ]);
    expect(problems({ ...base, correlatedShock: { markets: ['BTC-PERP', 'ETH-PERP'], volatilities: [0.05, 0.05], correlation, horizonSeconds: 60, draw: 1, quantile: 0.1 } })).toEqual([
      expect.stringContaining('correlatedShock.draw'),
    ]);
    expect(problems(base)).toEqual([expect.stringContaining('SCENARIO__VALUE_MISSING shocks')]);
  });
});

describe('concentrated-liquidity books in scenarios', () => {
  const pool = (ranges: unknown): unknown => ({
    ...twoMarkets(),
    shocks: [{ market: 'BTC-PERP', returnPct: -5 }],
    markets: [{ id: 'BTC-PERP', venue: 'v', baseAsset: 'BTC', initialPriceQuote: 100, book: { model: 'concentrated-liquidity', ranges, feeRate: 0.003 } }],
    positions: [{ account: 'a', market: 'BTC-PERP', side: 'long', sizeBase: 1, entryPriceQuote: 100, leverage: 10 }],
  });

  it('builds the pool at the market price and runs', () => {
    const prepared = prepareScenario(pool([{ lowerPriceQuote: 80, upperPriceQuote: 120, liquidity: 1000 }]));
    expect(prepared.input.markets[0]!.book.modelId).toBe('concentrated-liquidity');
    expect(prepared.input.markets[0]!.book.initialMidPriceQuote).toBe(100);
    expect(run(prepared).markets[0]!.troughDropFraction).toBeGreaterThan(0.05);
  });

  it('names the range field that is wrong', () => {
    expect(problems(pool([{ lowerPriceQuote: 80, upperPriceQuote: 120, liquidity: 0 }]))).toEqual([
      'SCENARIO__INVALID_FIELD markets[0].book.ranges: markets[0].book.ranges: every range has liquidity 0, so the pool cannot trade',
    ]);
    expect(problems(pool([{ lowerPriceQuote: 80, upperPriceQuote: 120, liquidity: 1 }, { lowerPriceQuote: 120, upperPriceQuote: 90, liquidity: 1 }]))).toEqual([
      'SCENARIO__INVALID_FIELD markets[0].book.ranges[1].upperPriceQuote: markets[0].book.ranges[1].upperPriceQuote: 90 is not above lowerPriceQuote 120',
    ]);
    expect(problems(pool([{ lowerPriceQuote: 80, upperPriceQuote: 120, liquidity: -1 }]))[0]).toMatch(/^SCENARIO__INVALID_FIELD markets\[0\]\.book\.ranges\[0\]\.liquidity/);
  });
});

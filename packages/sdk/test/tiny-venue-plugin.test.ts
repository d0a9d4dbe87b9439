import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultVenueFactories, prepareScenario, run, runVectors } from '@firesale/sdk';
import { runGoldenScenarios, runLiquidationEngineConformance } from '@firesale/testkit';
import { createTinyEngine, vectorHandlers } from '../../testkit/examples/tiny-venue';

// The venue of docs/write-a-venue-plugin.md: the testkit, its vectors and the SDK wiring, as the guide shows them.
runLiquidationEngineConformance({ create: () => createTinyEngine() });
runGoldenScenarios({ create: () => createTinyEngine(), name: 'golden scenarios: tiny' });

const scenario = {
  name: 'tiny venue smoke run',
  seed: 7,
  quoteAsset: 'USD',
  timing: { stepSeconds: 1, durationSeconds: 300 },
  venues: [{ id: 'tiny-dex', model: 'tiny', params: {}, insuranceFundQuote: 1_000_000 }],
  markets: [
    {
      id: 'BTC-PERP',
      venue: 'tiny-dex',
      baseAsset: 'BTC',
      initialPriceQuote: 100_000,
      book: { model: 'parametric', depthQuotePerPercent: 5_000_000, exponent: 1 },
    },
  ],
  generators: [
    {
      market: 'BTC-PERP',
      count: 500,
      longShare: 0.7,
      notionalQuote: { distribution: 'lognormal', median: 20_000, sigma: 1, max: 2_000_000 },
      leverage: { distribution: 'discrete', values: [5, 10, 20, 40], weights: [0.4, 0.3, 0.2, 0.1] },
    },
  ],
  shocks: [{ market: 'BTC-PERP', returnPct: -5, overSeconds: 30 }],
};

describe('tiny venue: vectors and SDK wiring', () => {
  it('passes its vector cases through its vector handlers', () => {
    const file = JSON.parse(readFileSync(new URL('../../testkit/examples/tiny-venue-vectors.json', import.meta.url), 'utf8'));
    const result = runVectors(file, vectorHandlers);
    expect(result.cases.map((c) => c.status)).toEqual(['pass', 'pass', 'pass']);
  });

  it('runs a scenario through the SDK with venueFactories', () => {
    const prepared = prepareScenario(scenario, { venueFactories: { ...defaultVenueFactories, tiny: (params) => createTinyEngine(params) } });
    const report = run(prepared);
    expect(report.summary.positions).toBe(500);
    expect(report.summary.liquidations).toBeGreaterThan(0);
    expect(report.insuranceFunds[0]!.venueId).toBe('tiny-dex');
  });

  it('rejects a position above its leverage cap with an error naming the field', () => {
    const tooHigh = {
      ...scenario,
      accounts: [{ id: 'whale', collateral: [{ asset: 'USDC', amount: 0 }] }],
      positions: [{ account: 'whale', market: 'BTC-PERP', side: 'long', sizeBase: 1, entryPriceQuote: 100_000, leverage: 60 }],
    };
    expect(() => prepareScenario(tooHigh, { venueFactories: { tiny: (params) => createTinyEngine(params) } })).toThrow(/positions\[0\]\.leverage/);
  });
});

describe('docs/write-a-venue-plugin.md', () => {
  it('shows examples/tiny-venue.ts unchanged', () => {
    const guide = readFileSync(new URL('../../../docs/write-a-venue-plugin.md', import.meta.url), 'utf8');
    const source = readFileSync(new URL('../../testkit/examples/tiny-venue.ts', import.meta.url), 'utf8');
    const start = guide.indexOf('<!-- tiny-venue:start -->\n```ts\n') + '<!-- tiny-venue:start -->\n```ts\n'.length;
    const end = guide.indexOf('```\n<!-- tiny-venue:end -->');
    expect(guide.slice(start, end)).toBe(source);
  });
});

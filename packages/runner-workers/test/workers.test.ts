import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInlineRunner, type MonteCarloPlan } from '@firesale/risk';
import { createWorkerRunner } from '@firesale/runner-workers';
import { buildWorker } from './build-worker';

const scenario = {
  name: 'crowd',
  seed: 7,
  timing: { stepSeconds: 5 },
  venues: [{ id: 'v', model: 'generic', params: { maintenanceMarginRate: 0.005, liquidationFeeRate: 0.01, maxLeverage: 100 }, insuranceFundQuote: 100_000 }],
  markets: [{ id: 'BTC-PERP', venue: 'v', baseAsset: 'BTC', initialPriceQuote: 100_000, book: { model: 'parametric', depthQuotePerPercent: 3_000_000 }, stressDepthMultiplier: 0.8 }],
  generators: [
    {
      market: 'BTC-PERP',
      count: 500,
      longShare: 0.7,
      notionalQuote: { distribution: 'lognormal', median: 50_000, sigma: 1, max: 2_000_000 },
      leverage: { distribution: 'discrete', values: [5, 10, 20, 50], weights: [3, 4, 3, 1] },
    },
  ],
  shocks: [{ market: 'BTC-PERP', returnPct: -3, overSeconds: 10 }],
};

const plan: MonteCarloPlan = {
  scenario,
  shockModel: { model: 'merton', volatilityAnnual: 0.9, jumpIntensityAnnual: 20_000, jumpMeanLog: -0.02, jumpStdLog: 0.02 },
  parameters: { depthMultiplier: { distribution: 'lognormal', median: 1, sigma: 0.3 }, liquidatorLatencySeconds: { distribution: 'uniform', min: 0, max: 10 } },
  paths: 300,
  seed: 123,
  batchSize: 20,
  horizonSeconds: 240,
};

describe('worker-thread runner', () => {
  let workerUrl: URL;
  let runner: ReturnType<typeof createWorkerRunner>;
  beforeAll(async () => {
    workerUrl = await buildWorker();
    runner = createWorkerRunner({ threads: 2, workerUrl });
  }, 120_000);
  afterAll(async () => {
    await runner?.close();
  });

  it('ready() resolves once every thread answers, and a run after it still gives the same summary', async () => {
    const fresh = createWorkerRunner({ threads: 2, workerUrl });
    try {
      await fresh.ready();
      await fresh.ready(); // again: the threads are up, it answers at once
      const small = { ...plan, paths: 40 };
      expect(JSON.stringify(await fresh.run(small))).toBe(JSON.stringify(await createInlineRunner().run(small)));
    } finally {
      await fresh.close();
    }
  });

  it('same seed gives a byte-identical summary to the inline runner', async () => {
    const progress: number[] = [];
    const [workers, inline] = [await runner.run(plan, { onProgress: (p) => progress.push(p.pathsDone) }), await createInlineRunner().run(plan)];
    expect(workers.pathCount).toBe(300);
    expect(workers.pathsWithLiquidation).toBeGreaterThan(0);
    expect(JSON.stringify(workers)).toBe(JSON.stringify(inline));
    expect(progress.at(-1)).toBe(300);
    expect(runner.kind).toBe('workers');
  });

  it('a different seed gives a different summary; the same seed again the same bytes', async () => {
    const a = await runner.run({ ...plan, seed: 5, paths: 60 });
    const b = await runner.run({ ...plan, seed: 5, paths: 60 });
    const c = await runner.run({ ...plan, seed: 6, paths: 60 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(c.liquidatedNotionalQuote)).not.toBe(JSON.stringify(a.liquidatedNotionalQuote));
  });

  it('rejects a bad plan before starting, naming the field', async () => {
    await expect(runner.run({ ...plan, paths: -1 })).rejects.toThrow('paths: the path count must be a whole number of at least 1');
  });

  it('stops on abort', async () => {
    const controller = new AbortController();
    const run = runner.run({ ...plan, paths: 2000 }, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toThrow();
  });
});

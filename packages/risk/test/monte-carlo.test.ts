import { isFiresaleError } from '@firesale/core';
import { describe, expect, it } from 'vitest';
import {
  BatchFolder,
  batchCount,
  createBatchCache,
  createInlineRunner,
  finalizeSummary,
  mergeSummaries,
  parsePriceCsv,
  runBatch,
  sketchExceedance,
  sketchQuantile,
  validatePlan,
  type MonteCarloPlan,
} from '@firesale/risk';
import { crowdScenario, emptyScenario } from './scenarios';

const crowdPlan: MonteCarloPlan = {
  scenario: crowdScenario(),
  shockModel: { model: 'merton', volatilityAnnual: 0.9, jumpIntensityAnnual: 20_000, jumpMeanLog: -0.02, jumpStdLog: 0.02 },
  parameters: { depthMultiplier: { distribution: 'uniform', min: 0.5, max: 1.5 }, liquidatorLatencySeconds: { distribution: 'discrete', values: [0, 5, 10] } },
  paths: 120,
  seed: 99,
  batchSize: 25,
  horizonSeconds: 300,
  accounts: ['whale'],
};

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('Monte Carlo batches', () => {
  const cache = createBatchCache();
  const batches = Array.from({ length: batchCount(crowdPlan) }, (_, b) => runBatch(crowdPlan, b, cache));

  it('runs cascades: some paths liquidate, some reach later generations, whale risk is tracked', () => {
    const merged = batches.reduce(mergeSummaries);
    expect(merged.pathCount).toBe(120);
    expect(merged.pathsWithLiquidation).toBeGreaterThan(0);
    expect(merged.generations.length).toBeGreaterThan(2);
    expect(merged.generations.reduce((a, b) => a + b, 0)).toBe(120);
    const whale = merged.accounts[0]!;
    expect(whale.liquidatedPaths).toBeGreaterThan(0);
    expect(whale.liquidatedPaths).toBeLessThanOrEqual(120);
    // A 25x long of 5 BTC posts 20,000 of margin: the loss never exceeds it.
    expect(whale.lossQuote.max).toBeLessThanOrEqual(20_000 + 1e-6);
    expect(whale.lossQuote.max).toBeGreaterThan(0);
    const depth = merged.parameters.depthMultiplier;
    expect(depth.min).toBeGreaterThanOrEqual(0.5);
    expect(depth.max).toBeLessThanOrEqual(1.5);
  });

  it('merges associatively: every grouping of the batch summaries gives the same summary', () => {
    const [a, b, c, d, e] = batches as [typeof batches[0], typeof batches[0], typeof batches[0], typeof batches[0], typeof batches[0]];
    const left = mergeSummaries(mergeSummaries(mergeSummaries(mergeSummaries(a, b), c), d), e);
    const right = mergeSummaries(a, mergeSummaries(b, mergeSummaries(c, mergeSummaries(d, e))));
    const middle = mergeSummaries(mergeSummaries(a, b), mergeSummaries(mergeSummaries(c, d), e));
    expect(JSON.stringify(left)).toBe(JSON.stringify(right));
    expect(JSON.stringify(middle)).toBe(JSON.stringify(left));
  });

  it('gives each path the same result whatever the batch size or process (fresh cache)', () => {
    const merged = batches.reduce(mergeSummaries);
    const other = { ...crowdPlan, batchSize: 40 };
    const regrouped = Array.from({ length: batchCount(other) }, (_, b) => runBatch(other, b, createBatchCache())).reduce(mergeSummaries);
    const strip = (s: typeof merged) => ({ ...s, batchIndex: 0, batchCount: 0 });
    expect(JSON.stringify(strip(regrouped))).toBe(JSON.stringify(strip(merged)));
  });

  it('folds out-of-order and duplicate batches in batch order', () => {
    const folder = new BatchFolder(crowdPlan);
    for (const b of [3, 1, 4, 0, 1, 2]) folder.add(batches[b]!);
    expect(folder.complete).toBe(true);
    expect(folder.pathsDone).toBe(120);
    expect(JSON.stringify(folder.result())).toBe(JSON.stringify(batches.reduce(mergeSummaries)));
  });

  it('the inline runner returns the folded summary with metrics and manifest, same seed same bytes', async () => {
    const progress: number[] = [];
    const summary = await createInlineRunner().run(crowdPlan, { onProgress: (p) => progress.push(p.pathsDone) });
    expect(progress.at(-1)).toBe(120);
    expect(JSON.stringify(summary)).toBe(JSON.stringify(finalizeSummary(crowdPlan, batches.reduce(mergeSummaries))));
    const again = await createInlineRunner().run(crowdPlan);
    expect(JSON.stringify(again)).toBe(JSON.stringify(summary));
    const names = summary.metrics.map((m) => m.name);
    expect(names).toContain('liquidationAtRisk_99_300s');
    expect(names).toContain('badDebtVaR_99_300s');
    expect(names).toContain('badDebtES_95_300s');
    expect(names).toContain('priceDropVaR_99_300s[BTC-PERP]');
    expect(names).toContain('probabilityOfAdl_300s');
    expect(names).toContain('probabilityOfFundExhaustion_300s');
    expect(names).toContain('probabilityOfLiquidation_300s[whale]');
    const lar = summary.metrics.find((m) => m.name === 'liquidationAtRisk_99_300s')!;
    expect(lar.value).toBe(sketchQuantile(summary.liquidatedNotionalQuote, 0.99));
    expect(summary.manifest).toMatchObject({ seed: 99, paths: 120, batchSize: 25, horizonSeconds: 300, shockModel: 'merton' });
    expect(summary.manifest.scenarioSha256).toMatch(/^[0-9a-f]{64}$/);
    const otherSeed = await createInlineRunner().run({ ...crowdPlan, seed: 100 });
    expect(JSON.stringify(otherSeed.liquidatedNotionalQuote)).not.toBe(JSON.stringify(summary.liquidatedNotionalQuote));
  });
});

describe('shock models', () => {
  it('bootstrap strings observed returns together: constant returns give exactly exp(n r) - 1', async () => {
    const prices = Array.from({ length: 50 }, (_, k) => `${1_700_000_000 + 60 * k},${(100 * Math.exp(0.001 * k)).toFixed(10)}`).join('\n');
    const parsed = parsePriceCsv(`time,BTC\n${prices}\n`);
    expect(parsed.intervalSeconds).toBe(60);
    const summary = await createInlineRunner().run({
      scenario: emptyScenario(60),
      shockModel: { model: 'bootstrap', logReturns: { 'BTC-PERP': parsed.logReturns.BTC! }, intervalSeconds: parsed.intervalSeconds },
      paths: 20,
      seed: 1,
      batchSize: 10,
      horizonSeconds: 600,
    });
    const r = summary.markets[0]!.exogenousReturn;
    expect(Math.abs(r.min - Math.expm1(0.01))).toBeLessThan(1e-6);
    expect(Math.abs(r.max - Math.expm1(0.01))).toBeLessThan(1e-6);
  });

  it('Merton jumps without diffusion: P(no jump) = exp(-lambda T) within 4 standard errors', async () => {
    const lambdaT = 1.5;
    const horizon = 3600;
    const summary = await createInlineRunner().run({
      scenario: emptyScenario(60),
      shockModel: { model: 'merton', volatilityAnnual: 0, jumpIntensityAnnual: lambdaT * (365.25 * 86_400) / horizon, jumpMeanLog: -0.01, jumpStdLog: 0, pathStepSeconds: 60 },
      paths: 3000,
      seed: 5,
      batchSize: 500,
      horizonSeconds: horizon,
    });
    const returns = summary.markets[0]!.exogenousReturn;
    // Compensated drift: ln S_T = -lambda k T - 0.01 N, with k = e^-0.01 - 1; no jump leaves exactly the drift.
    const drift = -lambdaT * Math.expm1(-0.01);
    const noJump = Math.expm1(drift);
    // Every jump takes 0.01 off the log price: only paths with no jump end above exp(drift - 0.005) - 1.
    const share = sketchExceedance(returns, Math.expm1(drift - 0.005));
    const p = Math.exp(-lambdaT);
    expect(noJump).toBeGreaterThan(0);
    expect(Math.abs(share - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / 3000));
  });

  it('stress scenarios: path i runs scenario i mod n', async () => {
    const summary = await createInlineRunner().run({
      scenario: emptyScenario(1),
      shockModel: {
        model: 'stress',
        scenarios: [
          { name: 'mild', shocks: [{ marketId: 'BTC-PERP', returnFraction: -0.01 }] },
          { name: 'severe', shocks: [{ marketId: 'BTC-PERP', returnFraction: -0.05, overSeconds: 10 }] },
        ],
      },
      paths: 10,
      seed: 1,
      batchSize: 3,
      horizonSeconds: 60,
    });
    const r = summary.markets[0]!.exogenousReturn;
    expect(r.count).toBe(10);
    expect(sketchQuantile(r, 0.1)).toBeCloseTo(-0.05, 3);
    expect(sketchQuantile(r, 0.9)).toBeCloseTo(-0.01, 4);
  });
});

describe('bad input', () => {
  it('a negative path count is a FiresaleError naming the field', () => {
    const error = thrownBy(() => validatePlan({ ...crowdPlan, paths: -5 }));
    expect(isFiresaleError(error)).toBe(true);
    expect((error as Error).message).toContain('paths: the path count must be a whole number of at least 1');
  });

  it('an empty price CSV is a FiresaleError naming the file', () => {
    const error = thrownBy(() => parsePriceCsv('', 'data/btc.csv'));
    expect(isFiresaleError(error, 'CSV__MALFORMED_ROW')).toBe(true);
    expect((error as Error).message).toMatch(/^data\/btc\.csv: line 1: the price CSV is empty/);
    expect((thrownBy(() => parsePriceCsv('time,BTC\n1,100\n', 'x.csv')) as Error).message).toContain('at least two are needed');
    expect((thrownBy(() => parsePriceCsv('time,BTC\n1,100\n2,-3\n', 'x.csv')) as Error).message).toContain('line 3: BTC: "-3" is not a positive price');
  });

  it('reports every invalid field of a plan at once', () => {
    const error = thrownBy(() =>
      validatePlan({ ...crowdPlan, batchSize: 0, horizonSeconds: -1, shockModel: { model: 'gbm', volatilityAnnual: -1 }, parameters: { depthMultiplier: { distribution: 'uniform', min: 2, max: 1 } } }),
    ) as Error;
    for (const field of ['batchSize', 'horizonSeconds', 'shockModel.volatilityAnnual', 'parameters.depthMultiplier.max']) expect(error.message).toContain(`${field}:`);
  });

  it('an unknown tracked account names it', () => {
    const error = thrownBy(() => runBatch({ ...crowdPlan, accounts: ['nobody'] }, 0, createBatchCache())) as Error;
    expect(error.message).toContain('accounts[0]: no account of the scenario has this id');
  });

  it('an empty bootstrap series is rejected', () => {
    const error = thrownBy(() => validatePlan({ ...crowdPlan, shockModel: { model: 'bootstrap', logReturns: { BTC: [] }, intervalSeconds: 60 } })) as Error;
    expect(error.message).toContain('shockModel.logReturns:');
  });
});

import { describe, expect, it } from 'vitest';
import { createInlineRunner, FAN_INTERVALS, FAN_RELATIVE_ACCURACY, sketchQuantile, type MonteCarloPlan } from '@firesale/risk';
import { emptyScenario, normalQuantile } from './scenarios';

/*
 * With no positions there is no cascade, so the mid at the horizon is the GBM price: ln(S_T / S_0) is normal
 * with mean (mu - sigma^2 / 2) T and standard deviation sigma sqrt(T). Each sample quantile of n paths has a
 * standard error of sqrt(q (1 - q) / n) / f(x_q) (f: the density of S_T / S_0 - 1); the test allows 4 standard
 * errors plus the sketch's relative accuracy (0.2%), so a correct sampler fails with probability below ~1e-4 per
 * quantile, while a wrong volatility (10% off), drift or Ito correction fails it.
 */
describe('GBM without cascade', () => {
  const sigma = 1.0;
  const mu = 0.5;
  const horizon = 86_400;
  const T = horizon / (365.25 * 86_400);
  const m = (mu - (sigma * sigma) / 2) * T;
  const s = sigma * Math.sqrt(T);
  const paths = 4000;
  const plan: MonteCarloPlan = {
    scenario: emptyScenario(600),
    shockModel: { model: 'gbm', volatilityAnnual: sigma, driftAnnual: mu, pathStepSeconds: 600 },
    paths,
    seed: 2024,
    batchSize: 250,
    horizonSeconds: horizon,
  };

  it('reproduces the analytic lognormal quantiles of the price within sampling error', async () => {
    const summary = await createInlineRunner().run(plan);
    const market = summary.markets[0]!;
    expect(market.terminalReturn.count).toBe(paths);
    for (const q of [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]) {
      const z = normalQuantile(q);
      const expected = Math.exp(m + s * z) - 1;
      const density = Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI) / (s * (1 + expected));
      const standardError = Math.sqrt((q * (1 - q)) / paths) / density;
      const got = sketchQuantile(market.terminalReturn, q);
      expect(Math.abs(got - expected), `q=${q}: got ${got}, expected ${expected}, se ${standardError}`).toBeLessThanOrEqual(4 * standardError + 0.002 * Math.abs(expected));
      // The exogenous (no-cascade) return is the same number when nothing is liquidated.
      expect(sketchQuantile(market.exogenousReturn, q)).toBeCloseTo(got, 12);
    }
    expect(summary.pathsWithLiquidation).toBe(0);
    expect(summary.generations).toEqual([paths]);
  });

  it('sketches the price fan at its coarser accuracy: its last point is the terminal return within 1%', async () => {
    const market = (await createInlineRunner().run(plan)).markets[0]!;
    expect(market.fan).toHaveLength(FAN_INTERVALS + 1);
    expect(market.fan.every((f) => f.relativeAccuracy === FAN_RELATIVE_ACCURACY && f.count === paths)).toBe(true);
    expect(market.terminalReturn.relativeAccuracy).toBe(0.002);
    for (const q of [0.01, 0.25, 0.5, 0.75, 0.99]) {
      const exact = sketchQuantile(market.terminalReturn, q);
      const fan = sketchQuantile(market.fan[FAN_INTERVALS]!, q);
      expect(Math.abs(fan - exact), `q=${q}`).toBeLessThanOrEqual((FAN_RELATIVE_ACCURACY + 0.002) * Math.abs(exact));
    }
    // Coarser buckets: far fewer of them than the terminal return's sketch of the same values.
    const buckets = (f: typeof market.fan[number]) => f.positive.keys.length + f.negative.keys.length;
    expect(buckets(market.fan[FAN_INTERVALS]!)).toBeLessThan(buckets(market.terminalReturn) / 3);
  });

  it('has the analytic spread: a volatility 10% off is rejected by the same bounds', async () => {
    const wrong = await createInlineRunner().run({ ...plan, shockModel: { ...plan.shockModel, volatilityAnnual: sigma * 1.1 } as MonteCarloPlan['shockModel'] });
    const q = 0.99;
    const z = normalQuantile(q);
    const expected = Math.exp(m + s * z) - 1;
    const density = Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI) / (s * (1 + expected));
    const se = Math.sqrt((q * (1 - q)) / paths) / density;
    expect(Math.abs(sketchQuantile(wrong.markets[0]!.terminalReturn, q) - expected)).toBeGreaterThan(4 * se);
  });
});

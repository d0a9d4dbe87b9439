import { createInlineRunner, sweepGrid } from '@firesale/risk';
import { run } from '@firesale/sdk';
import { describe, expect, it } from 'vitest';
import { runDepthShockSweep, SWEEP_DEPTH_MULTIPLIERS, SWEEP_SHOCK_SCALES } from '../src/analysis/depth-shock-sweep';
import { FAN_QUANTILES, fanOf, monteCarloPlan, runMonteCarlo, type MonteCarloRequest } from '../src/analysis/monte-carlo';
import { bundledScenarios } from '../src/scenario-catalog';
import { dashboardVenueFactories } from '../src/venue-presets';

const cascade = bundledScenarios[0]!.json;
const request: MonteCarloRequest = { scenario: cascade, paths: 24, volatilityAnnual: 0.8, jumpsPerHorizon: 1, jumpPct: -3, depthSigma: 0.25, seed: 7 };

describe('Monte Carlo in the analysis worker', () => {
  it("returns the same summary as @firesale/risk's inline runner for the same plan", async () => {
    const progress: number[] = [];
    const outcome = await runMonteCarlo(request, { onProgress: (p) => progress.push(p.pathsDone) });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const expected = await createInlineRunner({ venueFactories: dashboardVenueFactories }).run(monteCarloPlan(request));
    expect(outcome.summary).toEqual(expected);
    expect(progress[progress.length - 1]).toBe(request.paths);
    // The fan: one row per quantile, ordered, starting at the scenario's initial price.
    const initial = run(cascade).markets[0]!.initialPriceQuote;
    expect(outcome.fan).toEqual(fanOf(expected, initial));
    expect(outcome.fan.priceQuote).toHaveLength(FAN_QUANTILES.length);
    expect(outcome.fan.initialPriceQuote).toBe(initial);
    expect(outcome.fan.timeSeconds[outcome.fan.timeSeconds.length - 1]).toBe(expected.horizonSeconds);
    for (let j = 0; j < outcome.fan.timeSeconds.length; j++) {
      for (let k = 1; k < FAN_QUANTILES.length; k++) expect(outcome.fan.priceQuote[k]![j]!).toBeGreaterThanOrEqual(outcome.fan.priceQuote[k - 1]![j]!);
    }
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const outcome = await runMonteCarlo({ ...request, paths: 200 }, { signal: controller.signal, onProgress: () => controller.abort() });
    expect(outcome).toEqual({ ok: false, cancelled: true });
  });

  it('names the bad field of a plan', async () => {
    const outcome = await runMonteCarlo({ ...request, paths: 0 });
    expect(outcome.ok).toBe(false);
    expect('problems' in outcome && outcome.problems.map((p) => p.path)).toContain('paths');
  });
});

describe('depth-by-shock sweep in the analysis worker', () => {
  it("gives @firesale/risk's sweepGrid cells, with progress per cell", async () => {
    const scenario = { ...(cascade as object), generators: (cascade as { generators: { count: number }[] }).generators.map((g) => ({ ...g, count: Math.ceil(g.count / 10) })) };
    let done = 0;
    const outcome = await runDepthShockSweep({ scenario }, { onProgress: (p) => (done = p.cellsDone) });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const expected = sweepGrid(scenario, { parameter: 'depthMultiplier', values: SWEEP_DEPTH_MULTIPLIERS }, { parameter: 'shockScale', values: SWEEP_SHOCK_SCALES }, { venueFactories: dashboardVenueFactories });
    expect(outcome.grid).toEqual(expected);
    expect(done).toBe(SWEEP_DEPTH_MULTIPLIERS.length * SWEEP_SHOCK_SCALES.length);
    expect(outcome.shockPct).toBe(-3);
  });
});

import { readFileSync } from 'node:fs';
import { createSimulator } from '@firesale/core';
import { prepareScenario } from '@firesale/sdk';
import { describe, expect, it } from 'vitest';
import {
  compareContainment,
  concentrationIndex,
  findCriticalDepth,
  leverageConcentration,
  parameterFrontier,
  reverseStressTest,
  runSolvencyStresses,
  setScenarioField,
  sweepGrid,
  sweepParameter,
  type MonteCarloPlan,
} from '@firesale/risk';
import { expectMatches } from './expect-matches';
import { analyticCases, bandScenario, crowdScenario } from './scenarios';

describe('critical depth (vectors/analytic.json, kind critical_depth)', () => {
  const cases = analyticCases('critical_depth');
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    it(c.id, () => {
      const count = Number(c.inputs.positions);
      const lowestTrigger = Number(c.inputs.p0) - (count - 0.5) * Number(c.inputs.trigger_spacing);
      const result = findCriticalDepth(bandScenario(c.inputs), {
        // Runaway: every position of the band is triggered (all liquidated, or the price fell through the whole
        // band: a book too thin to absorb the sales hits its floor before the last ones are sold).
        isRunaway: (r) => r.summary.liquidatedPositions >= count || r.markets[0]!.troughPriceQuote <= lowestTrigger,
        low: 1,
        high: 10_000,
        relativeTolerance: 1e-8,
      });
      expect(result.found).toBe(true);
      if (!result.found) return;
      const spacing = Number(c.inputs.trigger_spacing);
      const continuum = Number(c.inputs.size_base) / (spacing * (1 - Number(c.inputs.exogenous_drop) / (spacing * count)));
      expectMatches({ critical_depth: result.depthMultiplier, continuum_estimate: continuum }, c.expected, c.tolerance);
    });
  }
});

describe('sweeps', () => {
  const scenario = crowdScenario();
  it('more depth never makes the cascade worse; the runaway flag turns off as depth grows', () => {
    const { points, runawayAt } = sweepParameter(scenario, { parameter: 'depthMultiplier', values: [0.25, 0.5, 1, 2, 4, 8] });
    for (let k = 1; k < points.length; k++) {
      expect(points[k]!.outcome.troughDropFraction).toBeLessThanOrEqual(points[k - 1]!.outcome.troughDropFraction + 1e-12);
    }
    expect(runawayAt[0]).toBe(true);
    expect(runawayAt.at(-1)).toBe(false);
  });

  it('a two-parameter grid has one outcome per cell; bigger shocks drop further', () => {
    const grid = sweepGrid(scenario, { parameter: 'depthMultiplier', values: [0.5, 1, 2] }, { parameter: 'shockScale', values: [0.5, 1, 2] });
    expect(grid.cells).toHaveLength(3);
    for (const row of grid.cells) expect(row).toHaveLength(3);
    for (let i = 0; i < 3; i++) {
      expect(grid.cells[2]![i]!.troughDropFraction).toBeGreaterThanOrEqual(grid.cells[0]![i]!.troughDropFraction);
    }
  });

  it('sweeps scenario fields: a larger maintenance margin liquidates at least as much', () => {
    const { points } = sweepParameter(scenario, { parameter: 'venues[0].params.maintenanceMarginRate', values: [0.002, 0.01, 0.02] });
    expect(points[2]!.outcome.liquidatedNotionalQuote).toBeGreaterThanOrEqual(points[0]!.outcome.liquidatedNotionalQuote);
  });
});

describe('solvency stress', () => {
  const scenario = crowdScenario();
  it('named stresses report fund adequacy; a harsher stress uses at least as much of the fund', () => {
    const [mild, severe] = runSolvencyStresses(scenario, [
      { name: 'mild', shocks: [{ market: 'BTC-PERP', returnPct: -1 }] },
      { name: 'severe', shocks: [{ market: 'BTC-PERP', returnPct: -15, overSeconds: 5 }], depthMultiplier: 0.3 },
    ]);
    expect(mild!.name).toBe('mild');
    expect(severe!.outcome.troughDropFraction).toBeGreaterThan(mild!.outcome.troughDropFraction);
    expect(severe!.funds[0]!.paidOutQuote).toBeGreaterThanOrEqual(mild!.funds[0]!.paidOutQuote);
    expect(mild!.funds[0]!.venueId).toBe('v');
  });

  it('reverse stress: the smallest fall that creates bad debt; a slightly smaller one does not', () => {
    const result = reverseStressTest(scenario, { target: 'bad-debt', maxDropFraction: 0.6, tolerance: 1e-4 });
    expect(result.found).toBe(true);
    if (!result.found) return;
    expect(result.outcome.badDebtQuote).toBeGreaterThan(0);
    const below = runSolvencyStresses(scenario, [{ name: 'below', shocks: [{ market: 'BTC-PERP', returnPct: -(result.dropFraction - 2e-4) * 100, overSeconds: 10 }] }]);
    expect(below[0]!.outcome.badDebtQuote).toBe(0);
  });

  it('reverse stress reports when nothing breaks', () => {
    const rich = setScenarioField(scenario, 'venues[0].insuranceFundQuote', 1e15);
    const result = reverseStressTest(rich, { target: 'fund-exhaustion', maxDropFraction: 0.05, scanPoints: 5 });
    expect(result.found).toBe(false);
  });
});

describe('leverage concentration', () => {
  it('puts every long liquidation price below and short above the price, with consistent indices', () => {
    const prepared = prepareScenario(crowdScenario());
    const c = leverageConcentration(prepared, { bandFraction: 0.01, topK: 5 });
    const map = c.heatmaps[0]!;
    let long = 0;
    for (const b of map.bands) {
      if (b.longNotionalQuote > 0) expect(b.lowerPriceQuote).toBeLessThan(map.initialPriceQuote * 1.03);
      if (b.shortNotionalQuote > 0) expect(b.upperPriceQuote).toBeGreaterThan(map.initialPriceQuote * 0.97);
      long += b.longNotionalQuote;
    }
    expect(long).toBeGreaterThan(0);
    expect(c.byAccount.holders).toBe(401);
    expect(c.byAccount.hhi).toBeGreaterThan(1 / 401 - 1e-12);
    expect(c.byAccount.topKShare).toBeGreaterThan(5 / 401);
    expect(c.meanLeverage).toBeGreaterThan(5);
    expect(map.longNotionalWithinDrop['0.2']).toBeGreaterThanOrEqual(map.longNotionalWithinDrop['0.01']!);
  });

  it("maps a lending market by the engine's own liquidation prices (the venue knows the market by its own symbol)", () => {
    const scenario = JSON.parse(readFileSync(new URL('../../../examples/oracle-lag-lending.json', import.meta.url), 'utf8'));
    const c = leverageConcentration(prepareScenario(scenario), { bandFraction: 0.01, maxDistanceFraction: 0.5 });
    const { input } = prepareScenario(scenario);
    const prices = createSimulator(input).liquidationPrices();
    const p0 = input.markets[0]!.book.initialMidPriceQuote;
    let inBands = 0;
    let outside = 0;
    for (let i = 0; i < input.positions.count; i++) {
      const distance = prices[i]! / p0 - 1;
      if (Number.isFinite(distance) && Math.abs(distance) <= 0.5) inBands += input.positions.sizeBase[i]! * input.positions.entryPriceQuote[i]!;
      else outside++;
    }
    const map = c.heatmaps[0]!;
    expect(map.marketId).toBe(input.markets[0]!.marketId);
    expect(inBands).toBeGreaterThan(0);
    expect(map.bands.reduce((s, b) => s + b.longNotionalQuote + b.shortNotionalQuote, 0)).toBeCloseTo(inBands, 6);
    expect(map.positionsOutside).toBe(outside);
  });

  it('HHI and top-k share of known holdings', () => {
    expect(concentrationIndex([1, 1, 1, 1], 2)).toMatchObject({ hhi: 0.25, topKShare: 0.5, holders: 4 });
    expect(concentrationIndex([3, 1, 0], 1)).toMatchObject({ hhi: 0.625, topKShare: 0.75, holders: 2 });
  });
});

describe('containment comparison and parameter frontier', () => {
  const plan: MonteCarloPlan = {
    scenario: crowdScenario(200),
    shockModel: { model: 'merton', volatilityAnnual: 0.8, jumpIntensityAnnual: 20_000, jumpMeanLog: -0.03, jumpStdLog: 0.02 },
    paths: 40,
    seed: 3,
    batchSize: 20,
    horizonSeconds: 120,
  };

  it('runs the same paths under each containment and reports differences to the baseline', async () => {
    const rows = await compareContainment(plan, [
      { name: 'none', containment: {} },
      { name: 'step cap', containment: { maxLiquidatedNotionalPerStepQuote: 200_000 } },
    ]);
    expect(rows.map((r) => r.name)).toEqual(['none', 'step cap']);
    expect(rows[0]!.versusBaseline.meanBadDebtQuote).toBe(0);
    expect(rows[1]!.versusBaseline.meanTroughDropFraction).toBeCloseTo(rows[1]!.meanTroughDropFraction - rows[0]!.meanTroughDropFraction, 12);
    expect(rows[1]!.summary.manifest.scenarioSha256).not.toBe(rows[0]!.summary.manifest.scenarioSha256);
    expect(rows[1]!.summary.pathCount).toBe(40);
  });

  it('the frontier trades leverage allowed against risk', async () => {
    const points = await parameterFrontier(plan, { parameter: 'venues[0].params.maintenanceMarginRate', values: [0.005, 0.01] });
    expect(points[0]!.leverageAllowed).toBe(100);
    expect(points[1]!.leverageAllowed).toBe(100);
    expect(points.some((p) => p.efficient)).toBe(true);
    for (const p of points) expect(p.probabilityOfBadDebt).toBeGreaterThanOrEqual(0);
  });
});

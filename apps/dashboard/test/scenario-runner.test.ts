import { createSimulator } from '@firesale/core';
import { prepareScenario, run } from '@firesale/sdk';
import { describe, expect, it } from 'vitest';
import { applyControls, controlsFromScenario } from '../src/controls';
import { createScenarioRunner } from '../src/engine/scenario-runner';
import { bundledScenarios } from '../src/scenario-catalog';
import { decodeUrlState, encodeUrlState } from '../src/url-state';
import { dashboardVenueFactories, venueParamsFor } from '../src/venue-presets';

const cascade = bundledScenarios[0]!.json;

describe('controls', () => {
  it('leave every bundled scenario unchanged while untouched', () => {
    for (const { json } of bundledScenarios) {
      const base = controlsFromScenario(json);
      expect(applyControls(json, base, base)).toEqual(json);
    }
  });

  it('round-trip through the URL, writing only what changed', () => {
    const base = controlsFromScenario(cascade);
    const moved = { ...base, depthScale: 2, stagedDisposal: true, venue: 'bybit' };
    const search = encodeUrlState('cascade', base, moved);
    expect(search).toBe('?scenario=cascade&depth=2&venue=bybit&staged=1');
    expect(decodeUrlState(search, base)).toEqual({ scenarioId: 'cascade', controls: moved });
  });
});

describe('scenario runner', () => {
  it('reports what the SDK reports for the same scenario, fresh and reusing the built index', () => {
    const runner = createScenarioRunner();
    const expected = run(cascade);
    const fresh = runner.simulate({ scenario: cascade });
    const again = runner.simulate({ scenario: structuredClone(cascade) });
    for (const outcome of [fresh, again]) {
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
      expect(outcome.summary).toEqual(expected.summary);
      expect(outcome.market).toEqual(expected.markets[0]);
      expect(Array.from(outcome.midPriceQuote)).toEqual(expected.timeline.midPriceQuote['BTC-PERP']);
      expect(outcome.badDebtQuote[outcome.badDebtQuote.length - 1]).toBeCloseTo(expected.summary.badDebtQuote, 6);
      // Fills come from the engine's columns: the ADL rows and the notional per generation match the SDK's records.
      expect(outcome.adlTotal).toBe(expected.adl.length);
      expect(outcome.adl).toEqual(expected.adl.slice(0, outcome.adl.length));
      const byGeneration = outcome.generationNotionalQuote.map((series) => series.reduce((sum, x) => sum + x, 0));
      const expectedByGeneration = byGeneration.map(() => 0);
      for (const l of expected.liquidations) expectedByGeneration[Math.min(byGeneration.length, l.generation) - 1]! += l.notionalQuote;
      byGeneration.forEach((total, g) => expect(total).toBeCloseTo(expectedByGeneration[g]!, 3));
    }
    expect(again.ok && again.timings.reused).toBe('index');
  });

  it('gives a higher trough with more depth, matching a fresh SDK run of the changed scenario', () => {
    const runner = createScenarioRunner();
    const base = controlsFromScenario(cascade);
    const troughs = [1, 2].map((depthScale) => {
      const scenario = applyControls(cascade, base, { ...base, depthScale });
      const outcome = runner.simulate({ scenario });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
      expect(outcome.summary).toEqual(run(scenario).summary);
      return outcome.market.troughPriceQuote;
    });
    expect(troughs[1]).toBeGreaterThan(troughs[0]!);
  });

  it('rebuilds over the same positions when containment changes, matching fresh SDK runs', () => {
    const runner = createScenarioRunner();
    const base = controlsFromScenario(cascade);
    const moves = [
      { ...base, stepCapMillions: 2 },
      { ...base, stepCapMillions: 2, depthScale: 1.5 },
      { ...base, stepCapMillions: 2, breakerBandPct: 4, stagedDisposal: true },
      base,
    ];
    const reused = moves.map((controls) => {
      const scenario = applyControls(cascade, base, controls);
      const outcome = runner.simulate({ scenario });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
      expect(outcome.summary).toEqual(run(scenario).summary);
      expect(outcome.market).toEqual(run(scenario).markets[0]);
      return outcome.timings.reused;
    });
    expect(reused).toEqual(['none', 'index', 'positions', 'positions']);
  });

  it("lays the heatmap's positions out by the liquidation prices the engine indexed", () => {
    const outcome = createScenarioRunner().simulate({ scenario: cascade });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const h = outcome.heatmap;
    const { input } = prepareScenario(cascade, { venueFactories: dashboardVenueFactories });
    const prices = createSimulator(input).liquidationPrices();
    const long = new Float64Array(h.rows);
    const short = new Float64Array(h.rows);
    const pos = input.positions;
    for (let i = 0; i < pos.count; i++) {
      const p = prices[i]!;
      if (!(p >= h.priceLowQuote && p < h.priceHighQuote)) continue;
      const row = Math.min(h.rows - 1, Math.floor(((h.priceHighQuote - p) / (h.priceHighQuote - h.priceLowQuote)) * h.rows));
      (pos.side[i] === 1 ? long : short)[row]! += pos.sizeBase[i]! * pos.entryPriceQuote[i]!;
    }
    expect(long.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    for (let r = 0; r < h.rows; r++) {
      expect(h.initialLongQuote[r]).toBeCloseTo(long[r]!, 4);
      expect(h.initialShortQuote[r]).toBeCloseTo(short[r]!, 4);
    }
  });

  it('names the bad field of a malformed scenario', () => {
    const bad = structuredClone(cascade) as { markets: { book: { depthQuotePerPercent: unknown } }[] };
    bad.markets[0]!.book.depthQuotePerPercent = 'deep';
    const outcome = createScenarioRunner().simulate({ scenario: bad });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => p.path)).toContain('markets[0].book.depthQuotePerPercent');
  });

  it('runs positions from a CSV file', () => {
    const csv = 'account,market,side,size_base,entry_price_quote,leverage\na,BTC-PERP,long,100,100000,50\nb,BTC-PERP,long,50,99000,25\n';
    const { generators: _g, ...rest } = cascade as Record<string, unknown>;
    const scenario = { ...rest, positionsCsv: 'positions.csv' };
    const outcome = createScenarioRunner().simulate({ scenario, files: { 'positions.csv': csv } });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.positionCount).toBe(2);
    expect(outcome.summary).toEqual(run(scenario, { readTextFile: () => csv }).summary);
  });

  it('switches every venue the control offers onto the bundled market', () => {
    const base = controlsFromScenario(cascade);
    for (const venue of ['generic', 'hyperliquid', 'binance', 'bybit']) {
      const preset = venueParamsFor(venue, [{ marketId: 'BTC-PERP', baseAsset: 'BTC' }]);
      expect(preset).toBeDefined();
      const scenario = applyControls(cascade, base, { ...base, venue }, { model: venue, ...preset! });
      const outcome = createScenarioRunner().simulate({ scenario });
      if (!outcome.ok) throw new Error(`${venue}: ${outcome.problems.slice(0, 3).map((p) => p.message).join('; ')} (${outcome.problems.length})`);
      expect(outcome.summary).toEqual(run(scenario, { venueFactories: dashboardVenueFactories }).summary);
    }
  });
});

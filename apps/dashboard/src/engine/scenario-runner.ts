import { PositionTable, adlRecordAt, createSimulator, type RecordNames, type Simulator, type SimulatorInput } from '@firesale/core';
import { prepareScenario, type PreparedScenario } from '@firesale/sdk';
import type { CascadeEventV1 } from '@firesale/spec';
import { dashboardVenueFactories } from '../venue-presets';
import { ProbedBookModel, bidDepthQuote } from './book-probe';
import { buildLiquidationHeatmap } from './liquidation-heatmap';
import { problemsOf } from './problems';
import type { SimulationOutcome, SimulationTimings } from './simulation-result';

/** A scenario to simulate, with the text of the files it names (`positionsCsv`), keyed by name. */
export type SimulationRequest = {
  readonly scenario: unknown;
  readonly files?: Readonly<Record<string, string>>;
};

/** Generations shown separately; later ones fold into the last (`6+`). */
export const MAX_GENERATIONS_SHOWN = 6;
const HEATMAP_ROWS = 96;
const HEATMAP_COLUMNS = 300;
const ADL_ROWS = 200;

type Built = {
  readonly key: string;
  readonly containmentKey: string;
  /** The engine input the simulator was built from (its positions are the simulator's own). */
  readonly input: SimulatorInput;
  /** The positions as prepared, before any simulator took ownership: a copy feeds each rebuild. */
  readonly pristine: PositionTable;
  readonly simulator: Simulator;
  /** The input's market and account ids, in order: what the engine's fill columns index. */
  readonly names: RecordNames;
  readonly probes: readonly ProbedBookModel[];
  readonly liquidationPriceQuote: Float64Array;
};

type Json = Record<string, unknown>;

/**
 * What decides the positions and their liquidation prices: everything but the shocks, the books' depth and
 * resilience, stress thinning and containment. Changing only the first four reuses the built simulator (Monte
 * Carlo style); changing containment rebuilds the simulator from the same positions, without generating them again.
 */
function positionsKey(raw: unknown, files: Readonly<Record<string, string>> | undefined): string {
  const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Json;
  const markets = Array.isArray(s.markets)
    ? s.markets.map((m: Json) => {
        const book = (m?.book ?? {}) as Json;
        const { stressDepthMultiplier: _stress, book: _book, ...rest } = m ?? {};
        return { ...rest, book: book.model === 'l2' ? book : { model: book.model } };
      })
    : s.markets;
  return JSON.stringify({ ...s, shocks: null, containment: null, markets, files: files ?? null });
}

/** What a built simulator fixes beyond its positions: containment (the engine reads it from its input). */
function containmentKey(raw: unknown): string {
  const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Json;
  return JSON.stringify(s.containment ?? null);
}

/** A copy of the used rows of `table` (the simulator owns the table it is built from). */
function copyPositions(table: PositionTable): PositionTable {
  const n = table.count;
  const copy = new PositionTable(n);
  copy.marketIndex.set(table.marketIndex.subarray(0, n));
  copy.accountIndex.set(table.accountIndex.subarray(0, n));
  copy.side.set(table.side.subarray(0, n));
  copy.sizeBase.set(table.sizeBase.subarray(0, n));
  copy.entryPriceQuote.set(table.entryPriceQuote.subarray(0, n));
  copy.marginQuote.set(table.marginQuote.subarray(0, n));
  copy.count = n;
  return copy;
}

/**
 * Runs scenarios for the dashboard: validates (every problem named by field), builds the simulator once per
 * position set, runs the cascade step by step while reading the book's depth, and packs the report into typed
 * arrays for charts. Pure and synchronous: the worker wraps it, the tests call it directly.
 */
export function createScenarioRunner(): { simulate(request: SimulationRequest): SimulationOutcome } {
  let built: Built | undefined;

  function build(input: SimulatorInput, key: string, containment: string, pristine: PositionTable): Built {
    const probes = input.markets.map((m) => new ProbedBookModel(m.book));
    const simulator = createSimulator({ ...input, markets: input.markets.map((m, i) => ({ ...m, book: probes[i]! })) });
    // Liquidation prices for the heatmap: the ones the engine indexed (after it set cross margins).
    const trigger = simulator.liquidationPrices();
    const names = { marketIds: input.markets.map((m) => m.marketId), accountIds: input.accounts.map((a) => a.accountId) };
    return { key, containmentKey: containment, input, pristine, simulator, names, probes, liquidationPriceQuote: trigger };
  }

  function simulate(request: SimulationRequest): SimulationOutcome {
    const startedAt = performance.timeOrigin + performance.now();
    const t0 = performance.now();
    const key = positionsKey(request.scenario, request.files);
    const containment = containmentKey(request.scenario);
    let current: PreparedScenario;
    let reused: 'index' | 'positions' | 'none' = 'none';
    let t1: number;
    try {
      if (built && built.key === key) {
        // Same positions: validate the rest without them.
        const { generators: _g, positions: _p, positionsCsv: _c, ...rest } = request.scenario as Json;
        current = prepareScenario(rest, { venueFactories: dashboardVenueFactories });
        t1 = performance.now();
        if (built.containmentKey === containment) {
          // Same index too: swap the books in.
          current.input.markets.forEach((m, i) => {
            built!.probes[i]!.inner = m.book;
          });
          reused = 'index';
        } else {
          // New containment: a new simulator over a copy of the same positions and accounts.
          const { pristine, input: previous } = built;
          built = undefined;
          built = build({ ...current.input, accounts: previous.accounts, positions: copyPositions(pristine) }, key, containment, pristine);
          reused = 'positions';
        }
      } else {
        built = undefined;
        current = prepareScenario(request.scenario, {
          venueFactories: dashboardVenueFactories,
          readTextFile: (name) => {
            const text = request.files?.[name];
            if (text === undefined) throw new Error(`the file "${name}" was not loaded`);
            return text;
          },
        });
        t1 = performance.now();
        const pristine = copyPositions(current.input.positions);
        built = build(current.input, key, containment, pristine);
      }
    } catch (error) {
      return { ok: false, problems: problemsOf(error) };
    }
    const t2 = performance.now();
    const b = built!;
    try {
      return run(b, current, { prepareMs: t1 - t0, buildMs: t2 - t1, reused, startedAt });
    } catch (error) {
      return { ok: false, problems: problemsOf(error) };
    }
  }

  return { simulate };
}

function run(b: Built, current: PreparedScenario, t: { prepareMs: number; buildMs: number; reused: SimulationTimings['reused']; startedAt: number }): SimulationOutcome {
  const start = performance.now();
  const scenario = current.scenario;
  const market = scenario.markets[0]!;
  const marketId = market.id;
  const steps = Math.ceil((scenario.timing.durationSeconds ?? 600) / (scenario.timing.stepSeconds ?? 1)) + 2;
  const stepSeconds = scenario.timing.stepSeconds ?? 1;
  const depth = new Float64Array(steps);
  const badDebtStep = new Float64Array(steps);
  const adlStep = new Float64Array(steps);
  let k = 0;
  // Only bad-debt events are built: fills and ADL come from the report, so the engine allocates no event per fill
  // (measured: the report's records cost less than a 'position-liquidated' event per fill).
  const onEvent = (event: CascadeEventV1): void => {
    if (event.type === 'bad-debt') badDebtStep[k]! += event.amountQuote;
  };
  const stepped = b.simulator.start({
    shocks: current.shocks,
    seed: current.seed,
    onEvent,
    eventTypes: ['bad-debt'],
    // Fills as typed columns: no object per fill (a 100k-position cascade makes ~100k fills and ~65k ADL fills).
    detail: 'columns',
    depthMultipliers: current.input.markets.map((m) => m.stressDepthMultiplier ?? 1),
  });
  let more = true;
  try {
    while (more) {
      more = stepped.advance();
      const book = b.probes[0]!.lastBook;
      if (book && k < steps) depth[k] = bidDepthQuote(book, 0.01);
      k++;
    }
  } catch (error) {
    stepped.finish();
    throw error;
  }
  const report = stepped.finish();
  const fills = report.fillColumns!;
  const adlTime = fills.adl.timeSeconds;
  for (let k = 0; k < fills.adl.count; k++) adlStep[Math.min(steps - 1, Math.round(adlTime[k]! / stepSeconds))]!++;
  const runMs = performance.now() - start;
  const T = report.timeline.timeSeconds.length;
  const venueId = market.venue;
  const summaryMarket = report.markets.find((m) => m.marketId === marketId)!;
  const cumulative = new Float64Array(T);
  let debt = 0;
  for (let i = 0; i < T; i++) cumulative[i] = debt += badDebtStep[i]!;

  const G = Math.max(1, Math.min(MAX_GENERATIONS_SHOWN, report.summary.generations));
  const genNotional = Array.from({ length: G }, () => new Float64Array(T));
  const genPrice = Array.from({ length: G }, () => new Float64Array(T));
  const liq = fills.liquidations;
  for (let k = 0; k < liq.count; k++) {
    if (liq.marketIndex[k] !== 0) continue; // the first market is the one charted
    const g = Math.min(G, Math.max(1, liq.generation[k]!)) - 1;
    const i = Math.min(T - 1, Math.max(0, Math.round(liq.timeSeconds[k]! / stepSeconds)));
    const price = liq.fillPriceQuote[k]!;
    const notional = liq.closedBase[k]! * price;
    genNotional[g]![i]! += notional;
    genPrice[g]![i]! += notional * price;
  }
  for (let g = 0; g < G; g++) {
    for (let i = 0; i < T; i++) genPrice[g]![i] = genNotional[g]![i]! > 0 ? genPrice[g]![i]! / genNotional[g]![i]! : NaN;
  }
  let lastActive = 0;
  const liquidatedSeries = report.timeline.liquidatedNotionalQuote[marketId] ?? [];
  for (let i = 0; i < T; i++) if ((liquidatedSeries[i] ?? 0) > 0 || adlStep[i]! > 0) lastActive = report.timeline.timeSeconds[i]!;
  const duration = report.timeline.timeSeconds[T - 1] ?? 0;
  const activeUntilSeconds = Math.min(duration, Math.max(60, Math.ceil((lastActive * 3) / 10) * 10));
  const labels = Array.from({ length: G }, (_, g) => (g === G - 1 && report.summary.generations > G ? `gen ${g + 1}+` : `gen ${g + 1}`));

  const initial = summaryMarket.initialPriceQuote;
  const heatmap = buildLiquidationHeatmap({
    positions: b.input.positions,
    liquidationPriceQuote: b.liquidationPriceQuote,
    marketIndex: 0,
    liquidations: liq,
    timeSeconds: report.timeline.timeSeconds,
    stepSeconds,
    priceLowQuote: Math.min(summaryMarket.troughPriceQuote, initial * 0.9) * 0.97,
    priceHighQuote: Math.max(summaryMarket.peakPriceQuote, initial) * 1.05,
    rows: HEATMAP_ROWS,
    maxColumns: HEATMAP_COLUMNS,
  });

  return {
    ok: true,
    scenarioName: scenario.name,
    quoteAsset: scenario.quoteAsset,
    marketId,
    baseAsset: market.baseAsset,
    venueModels: scenario.venues.map((v) => v.model),
    positionCount: b.input.positions.count,
    summary: report.summary,
    market: summaryMarket,
    fund: report.insuranceFunds.find((f) => f.venueId === venueId),
    markets: report.markets.map((m) => ({ venueId: scenario.markets.find((x) => x.id === m.marketId)?.venue ?? '', summary: m })),
    funds: report.insuranceFunds,
    stepSeconds,
    activeUntilSeconds,
    timeSeconds: Float64Array.from(report.timeline.timeSeconds),
    midPriceQuote: Float64Array.from(report.timeline.midPriceQuote[marketId] ?? []),
    markPriceQuote: Float64Array.from(report.timeline.markPriceQuote[marketId] ?? []),
    bidDepthQuote: depth.slice(0, T),
    liquidatedQuote: Float64Array.from(report.timeline.liquidatedNotionalQuote[marketId] ?? []),
    fundQuote: Float64Array.from(report.timeline.insuranceFundQuote[venueId] ?? []),
    badDebtQuote: cumulative,
    adlPerStep: adlStep.slice(0, T),
    generationNotionalQuote: genNotional,
    generationPriceQuote: genPrice,
    generationLabels: labels,
    heatmap,
    adl: Array.from({ length: Math.min(fills.adl.count, ADL_ROWS) }, (_, k) => adlRecordAt(fills.adl, k, b.names)),
    adlTotal: fills.adl.count,
    timings: { prepareMs: t.prepareMs, buildMs: t.buildMs, runMs, packMs: performance.now() - start - runMs, reused: t.reused, startedAt: t.startedAt, finishedAt: performance.timeOrigin + performance.now() },
  };
}


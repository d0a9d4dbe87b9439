import type { AdlRecord, CascadeReport, InsuranceFundSummary, MarketSummary } from '@firesale/core';

/** Notional still open by liquidation price over time (the liquidation heatmap), row-major from the top price. */
export type HeatmapData = {
  readonly rows: number;
  readonly columns: number;
  /** Price range of the rows, in quote per base (row 0 is the highest price). */
  readonly priceLowQuote: number;
  readonly priceHighQuote: number;
  /** Simulated seconds at the end of each column. */
  readonly columnEndSeconds: Float64Array;
  /** Open notional (quote) whose liquidation price is in the row, at the end of the column: rows × columns. */
  readonly openNotionalQuote: Float64Array;
  /** Notional at entry by liquidation price, longs and shorts (quote), per row. */
  readonly initialLongQuote: Float64Array;
  readonly initialShortQuote: Float64Array;
};

/** What one simulation gives the page: summaries, per-step series as typed arrays, heatmap and ADL fills. */
export type SimulationResult = {
  readonly ok: true;
  readonly scenarioName: string;
  readonly quoteAsset: string;
  readonly marketId: string;
  readonly baseAsset: string;
  readonly venueModels: readonly string[];
  readonly positionCount: number;
  readonly summary: CascadeReport['summary'];
  readonly market: MarketSummary;
  readonly fund: InsuranceFundSummary | undefined;
  /** Every market of the scenario with its venue (the charts show the first; a multi-market scenario lists all). */
  readonly markets: readonly { readonly venueId: string; readonly summary: MarketSummary }[];
  /** Every venue's insurance fund, with its bad debt. */
  readonly funds: readonly InsuranceFundSummary[];
  readonly stepSeconds: number;
  /** End of the window where liquidations and ADL happen (three times the last one, at least 60 s), for zoomed charts. */
  readonly activeUntilSeconds: number;
  readonly timeSeconds: Float64Array;
  readonly midPriceQuote: Float64Array;
  readonly markPriceQuote: Float64Array;
  /** Quote a sell could trade within 1% below the mid, after each step. */
  readonly bidDepthQuote: Float64Array;
  readonly liquidatedQuote: Float64Array;
  readonly fundQuote: Float64Array;
  /** Bad debt so far (quote), after each step. */
  readonly badDebtQuote: Float64Array;
  readonly adlPerStep: Float64Array;
  /** Per generation shown (the last folds in all later ones): liquidated notional per step. */
  readonly generationNotionalQuote: Float64Array[];
  /** Per generation shown: notional-weighted fill price per step (NaN where none). */
  readonly generationPriceQuote: Float64Array[];
  readonly generationLabels: readonly string[];
  readonly heatmap: HeatmapData;
  /** The first ADL fills (at most 200) and how many there were. */
  readonly adl: readonly AdlRecord[];
  readonly adlTotal: number;
  readonly timings: SimulationTimings;
};

/**
 * Where the worker spent a simulation's time (wall-clock milliseconds). `startedAt` and `finishedAt` are on the
 * shared clock (`performance.timeOrigin + performance.now()`), so the page can tell queueing and transfer apart.
 */
export type SimulationTimings = {
  /** Validating the scenario (and generating positions when they changed). */
  readonly prepareMs: number;
  /** Building the simulator and its liquidation index (0 when reused). */
  readonly buildMs: number;
  /** The cascade itself, with the engine's report. */
  readonly runMs: number;
  /** Packing the report into the views' arrays (generations, heatmap). */
  readonly packMs: number;
  /** What the run reused: the built simulator (`index`), only the generated positions (`positions`), or nothing. */
  readonly reused: 'index' | 'positions' | 'none';
  readonly startedAt: number;
  readonly finishedAt: number;
};

/** One input problem, as the page lists it. */
export type SimulationProblem = { readonly code: string; readonly path: string; readonly message: string };

/** A scenario that could not run: every problem found, each naming its field. */
export type SimulationFailure = { readonly ok: false; readonly problems: readonly SimulationProblem[] };

export type SimulationOutcome = SimulationResult | SimulationFailure;

/** The buffers of a result, to transfer (not copy) them from the worker. */
export function transferables(result: SimulationResult): ArrayBuffer[] {
  const arrays = [
    result.timeSeconds,
    result.midPriceQuote,
    result.markPriceQuote,
    result.bidDepthQuote,
    result.liquidatedQuote,
    result.fundQuote,
    result.badDebtQuote,
    result.adlPerStep,
    ...result.generationNotionalQuote,
    ...result.generationPriceQuote,
    result.heatmap.columnEndSeconds,
    result.heatmap.openNotionalQuote,
    result.heatmap.initialLongQuote,
    result.heatmap.initialShortQuote,
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

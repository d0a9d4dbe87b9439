import { ScenarioEvaluator, type ScenarioOutcome, type SweepAxis, type SweepGrid } from '@firesale/risk';
import { problemsOf } from '../engine/problems';
import type { SimulationProblem } from '../engine/simulation-result';
import { dashboardVenueFactories } from '../venue-presets';
import type { AnalysisHooks } from './monte-carlo';

/** Book depth multipliers of the sweep's columns (times the depth the controls set). */
export const SWEEP_DEPTH_MULTIPLIERS: readonly number[] = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];
/** Shock scales of the sweep's rows (times the shock the controls set). */
export const SWEEP_SHOCK_SCALES: readonly number[] = [0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3];

/** The sweep request: the scenario with the controls applied and the files it names. */
export type SweepRequest = { readonly scenario: unknown; readonly files?: Readonly<Record<string, string>> };

/** A finished sweep: `grid.cells[j][i]` is the outcome at depth `x.values[i]` and shock scale `y.values[j]`. */
export type SweepResult = {
  readonly ok: true;
  readonly grid: SweepGrid;
  /** The scenario's first shock in percent (a shock scale of 1), for the axis labels. */
  readonly shockPct: number;
  readonly quoteAsset: string;
  readonly elapsedMs: number;
};

export type SweepOutcome = SweepResult | { readonly ok: false; readonly problems: readonly SimulationProblem[] } | { readonly ok: false; readonly cancelled: true };

/** Progress of a sweep in cells. */
export type SweepProgress = { readonly cellsDone: number; readonly cellsTotal: number; readonly elapsedMs: number };

/**
 * The depth-by-shock grid of `@firesale/risk`'s `sweepGrid` (the scenario's own shocks scaled, books scaled),
 * evaluated cell by cell so progress is reported and the worker yields to see a cancel.
 */
export async function runDepthShockSweep(
  request: SweepRequest,
  hooks: Omit<AnalysisHooks, 'onProgress'> & { readonly onProgress?: (progress: SweepProgress) => void } = {},
): Promise<SweepOutcome> {
  const started = performance.now();
  const x: SweepAxis = { parameter: 'depthMultiplier', values: SWEEP_DEPTH_MULTIPLIERS };
  const y: SweepAxis = { parameter: 'shockScale', values: SWEEP_SHOCK_SCALES };
  const total = x.values.length * y.values.length;
  const evaluator = new ScenarioEvaluator(request.scenario, {
    venueFactories: dashboardVenueFactories,
    readTextFile: (name) => {
      const text = request.files?.[name];
      if (text === undefined) throw new Error(`the file "${name}" was not loaded`);
      return text;
    },
  });
  const cells: ScenarioOutcome[][] = [];
  let lastYield = performance.now();
  try {
    for (const vy of y.values) {
      const row: ScenarioOutcome[] = [];
      for (const vx of x.values) {
        hooks.signal?.throwIfAborted();
        row.push(evaluator.evaluate({ depthMultiplier: vx, shockScale: vy }));
        hooks.onProgress?.({ cellsDone: cells.length * x.values.length + row.length, cellsTotal: total, elapsedMs: performance.now() - started });
        if (performance.now() - lastYield > 30) {
          await new Promise<void>((resolve) => setTimeout(resolve, 0));
          lastYield = performance.now();
        }
      }
      cells.push(row);
    }
    const shocks = (request.scenario as { shocks?: { returnPct?: unknown }[] }).shocks;
    const shockPct = typeof shocks?.[0]?.returnPct === 'number' ? shocks[0].returnPct : NaN;
    const quote = (request.scenario as { quoteAsset?: unknown }).quoteAsset;
    return { ok: true, grid: { x, y, cells }, shockPct, quoteAsset: typeof quote === 'string' ? quote : 'USD', elapsedMs: performance.now() - started };
  } catch (error) {
    if (hooks.signal?.aborted) return { ok: false, cancelled: true };
    return { ok: false, problems: problemsOf(error) };
  }
}

import type { PrepareOptions } from '@firesale/sdk';
import { ScenarioEvaluator, type ScenarioOutcome, type SweepParameterName } from './scenario-evaluation';

/** One swept parameter and the values it takes. */
export type SweepAxis = { readonly parameter: SweepParameterName; readonly values: readonly number[] };

/** One point of a sweep. */
export type SweepPoint = { readonly value: number; readonly outcome: ScenarioOutcome };

/** Options of the sweeps: how to prepare the scenario, and what counts as a runaway cascade. */
export type SweepOptions = PrepareOptions & {
  /** Amplification at or above which a cascade counts as runaway. Default 1.5 (the CLI's verdict). */
  readonly runawayAmplification?: number;
};

/**
 * Sweeps one parameter over its values, running the scenario's own shock at each: depth
 * (`depthMultiplier`), shock size (`shockScale`), timing, or any scenario field
 * (`venues[0].params.maintenanceMarginRate`). Where the outcome turns from contained to runaway is marked.
 */
export function sweepParameter(scenario: unknown, axis: SweepAxis, options: SweepOptions = {}): { parameter: string; points: SweepPoint[]; runawayAt: boolean[] } {
  const evaluator = new ScenarioEvaluator(scenario, options);
  const threshold = options.runawayAmplification ?? 1.5;
  const points = axis.values.map((value) => ({ value, outcome: evaluator.evaluate({ [axis.parameter]: value }) }));
  return { parameter: axis.parameter, points, runawayAt: points.map((p) => p.outcome.amplification >= threshold) };
}

/** A two-parameter grid: `cells[j][i]` is the outcome at `x.values[i]`, `y.values[j]` (ready for a heatmap). */
export type SweepGrid = {
  readonly x: SweepAxis;
  readonly y: SweepAxis;
  readonly cells: readonly (readonly ScenarioOutcome[])[];
};

/** Sweeps two parameters over the grid of their values. */
export function sweepGrid(scenario: unknown, x: SweepAxis, y: SweepAxis, options: SweepOptions = {}): SweepGrid {
  const evaluator = new ScenarioEvaluator(scenario, options);
  const cells = y.values.map((vy) => x.values.map((vx) => evaluator.evaluate({ [x.parameter]: vx, [y.parameter]: vy })));
  return { x, y, cells };
}

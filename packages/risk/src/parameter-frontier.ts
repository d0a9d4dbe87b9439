import { prepareScenario, type PrepareOptions } from '@firesale/sdk';
import { createInlineRunner } from './inline-runner';
import type { JobRunner, MonteCarloPlan } from './job-runner';
import { sketchQuantile, sketchTailMean } from './log-sketch';
import { setScenarioField } from './scenario-patch';

/** One point of a parameter frontier. */
export type FrontierPoint = {
  readonly value: number;
  /** Capital efficiency: the highest leverage a position may take under this setting. */
  readonly leverageAllowed: number;
  readonly liquidationAtRisk99Quote: number;
  readonly badDebtES99Quote: number;
  readonly probabilityOfBadDebt: number;
  /** True when no other point has at least as much leverage with no more risk (and is better in one). */
  readonly efficient: boolean;
};

/** Options of {@link parameterFrontier}. */
export type FrontierOptions = {
  /** A scenario field: `venues[0].params.maintenanceMarginRate`, `venues[0].insuranceFundQuote`... */
  readonly parameter: string;
  readonly values: readonly number[];
  /**
   * Leverage allowed under a value. Default: the lowest over the scenario's venues of the engine's maximum
   * leverage and, where the venue has a `maintenanceMarginRate` param, 1 / that rate (a position opened above it
   * would start liquidatable).
   */
  readonly leverageAllowed?: (value: number, scenario: unknown) => number;
  readonly runner?: JobRunner;
  readonly prepare?: PrepareOptions;
};

/**
 * Parameter frontier: for each value of a venue parameter, the risk over the plan's Monte Carlo paths
 * (liquidation-at-risk and bad-debt ES at 99%) against the leverage it allows, marking the efficient points.
 */
export async function parameterFrontier(plan: MonteCarloPlan, options: FrontierOptions): Promise<FrontierPoint[]> {
  const runner = options.runner ?? createInlineRunner(options.prepare?.venueFactories ? { venueFactories: options.prepare.venueFactories } : {});
  const rows: Omit<FrontierPoint, 'efficient'>[] = [];
  for (const value of options.values) {
    const scenario = setScenarioField(plan.scenario, options.parameter, value);
    const summary = await runner.run({ ...plan, scenario });
    rows.push({
      value,
      leverageAllowed: (options.leverageAllowed ?? defaultLeverageAllowed(options.prepare))(value, scenario),
      liquidationAtRisk99Quote: sketchQuantile(summary.liquidatedNotionalQuote, 0.99),
      badDebtES99Quote: sketchTailMean(summary.badDebtQuote, 0.99),
      probabilityOfBadDebt: summary.pathsWithBadDebt / summary.pathCount,
    });
  }
  return rows.map((r) => ({
    ...r,
    efficient: !rows.some(
      (o) =>
        o !== r &&
        o.leverageAllowed >= r.leverageAllowed &&
        o.badDebtES99Quote <= r.badDebtES99Quote &&
        o.liquidationAtRisk99Quote <= r.liquidationAtRisk99Quote &&
        (o.leverageAllowed > r.leverageAllowed || o.badDebtES99Quote < r.badDebtES99Quote || o.liquidationAtRisk99Quote < r.liquidationAtRisk99Quote),
    ),
  }));
}

function defaultLeverageAllowed(prepare: PrepareOptions | undefined): (value: number, scenario: unknown) => number {
  return (_value, scenario) => {
    const prepared = prepareScenario(scenario, prepare);
    const raw = prepared.scenario;
    let allowed = Infinity;
    prepared.input.venues.forEach((venue, i) => {
      const limits = venue.engine.limits.maxLeverage;
      const max = Math.min(...Object.values(limits));
      const mmr = (raw.venues[i]?.params as { maintenanceMarginRate?: unknown } | undefined)?.maintenanceMarginRate;
      allowed = Math.min(allowed, max, typeof mmr === 'number' && mmr > 0 ? 1 / mmr : Infinity);
    });
    return allowed;
  };
}

import { createSimulator, type CascadeReport, type RunOptions, type ShockInput, type Simulator } from '@firesale/core';
import { prepareScenario, type PreparedScenario, type PrepareOptions } from '@firesale/sdk';
import { setScenarioField } from './scenario-patch';

/** Parameters a single deterministic run can vary without rebuilding the scenario. */
export const RUN_PARAMETERS = ['depthMultiplier', 'shockScale', 'liquidatorLatencySeconds', 'oracleDelaySeconds'] as const;

/** A run-time parameter, or any other string: a scenario field path such as `venues[0].params.maintenanceMarginRate`. */
export type SweepParameterName = (typeof RUN_PARAMETERS)[number] | (string & {});

/** The outcome of one deterministic cascade (the scenario's own shocks), reduced to the numbers risk teams compare. */
export type ScenarioOutcome = {
  /** Worst drop from the initial price to the trough over the shocked markets. */
  readonly troughDropFraction: number;
  readonly amplification: number;
  readonly liquidatedNotionalQuote: number;
  readonly liquidatedPositions: number;
  readonly badDebtQuote: number;
  readonly insuranceFundUsedQuote: number;
  readonly fundExhausted: boolean;
  readonly adlCount: number;
  readonly generations: number;
};

/** Reduces a report to a {@link ScenarioOutcome}. */
export function outcomeOf(report: CascadeReport): ScenarioOutcome {
  let trough = 0;
  let amplification = 0;
  for (const m of report.markets) {
    trough = Math.max(trough, m.troughDropFraction);
    amplification = Math.max(amplification, m.amplification);
  }
  return {
    troughDropFraction: trough,
    amplification,
    liquidatedNotionalQuote: report.summary.liquidatedNotionalQuote,
    liquidatedPositions: report.summary.liquidatedPositions,
    badDebtQuote: report.summary.badDebtQuote,
    insuranceFundUsedQuote: report.summary.insuranceFundUsedQuote,
    fundExhausted: report.insuranceFunds.some((f) => f.exhausted),
    adlCount: report.summary.adlCount,
    generations: report.summary.generations,
  };
}

/**
 * Runs a raw scenario under parameter settings, preparing each distinct scenario once (scenario fields) and
 * reusing its simulator for run-time parameters (depth, shock scale, latency, oracle delay).
 */
export class ScenarioEvaluator {
  private readonly built = new Map<string, { prepared: PreparedScenario; simulator: Simulator }>();

  constructor(
    private readonly scenario: unknown,
    private readonly options: PrepareOptions = {},
  ) {}

  /** The prepared scenario for these scenario-field settings. */
  prepared(settings: Readonly<Record<string, number>> = {}): { prepared: PreparedScenario; simulator: Simulator } {
    let raw = this.scenario;
    const fields = Object.entries(settings).filter(([k]) => !(RUN_PARAMETERS as readonly string[]).includes(k));
    for (const [path, value] of fields) raw = setScenarioField(raw, path, value);
    const key = JSON.stringify(fields);
    let entry = this.built.get(key);
    if (!entry) {
      const prepared = prepareScenario(raw, this.options);
      entry = { prepared, simulator: createSimulator(prepared.input) };
      if (this.built.size >= 8) this.built.delete(this.built.keys().next().value!);
      this.built.set(key, entry);
    }
    return entry;
  }

  /** Runs the cascade under `settings`; `shocks` replaces the scenario's own shocks. */
  report(settings: Readonly<Record<string, number>> = {}, shocks?: readonly ShockInput[]): CascadeReport {
    const { prepared, simulator } = this.prepared(settings);
    const scale = settings.shockScale ?? 1;
    const base = shocks ?? prepared.shocks;
    const options: RunOptions = {
      shocks: scale === 1 ? base : base.map((s) => ({ ...s, returnFraction: s.returnFraction * scale })),
      seed: prepared.seed,
      ...(settings.depthMultiplier === undefined ? {} : { depthMultipliers: prepared.input.markets.map((m) => settings.depthMultiplier! * (m.stressDepthMultiplier ?? 1)) }),
      ...(settings.liquidatorLatencySeconds === undefined ? {} : { liquidatorLatencySeconds: settings.liquidatorLatencySeconds }),
      ...(settings.oracleDelaySeconds === undefined ? {} : { oracleDelaySeconds: settings.oracleDelaySeconds }),
    };
    return simulator.run(options);
  }

  /** {@link ScenarioEvaluator.report} reduced to its outcome. */
  evaluate(settings: Readonly<Record<string, number>> = {}, shocks?: readonly ShockInput[]): ScenarioOutcome {
    return outcomeOf(this.report(settings, shocks));
  }
}

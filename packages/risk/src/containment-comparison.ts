import type { PrepareOptions } from '@firesale/sdk';
import { createInlineRunner } from './inline-runner';
import type { JobRunner, MonteCarloPlan, MonteCarloSummary } from './job-runner';
import { sketchMean, sketchQuantile, sketchTailMean } from './log-sketch';
import { ScenarioEvaluator, type ScenarioOutcome } from './scenario-evaluation';
import { setScenarioField } from './scenario-patch';

/** A containment setting to compare (the scenario's `containment` object; `{}` for no limits). */
export type ContainmentVariant = { readonly name: string; readonly containment: Readonly<Record<string, unknown>> };

/** Key numbers of one variant over the same Monte Carlo paths. */
export type ContainmentVariantResult = {
  readonly name: string;
  /** The scenario's own shock under this containment. */
  readonly scenarioShock: ScenarioOutcome;
  readonly meanBadDebtQuote: number;
  readonly badDebtVaR99Quote: number;
  readonly badDebtES99Quote: number;
  readonly meanTroughDropFraction: number;
  readonly troughDropVaR99Fraction: number;
  readonly liquidationAtRisk99Quote: number;
  /** Differences to the first variant (the baseline): this minus baseline. */
  readonly versusBaseline: { readonly meanBadDebtQuote: number; readonly meanTroughDropFraction: number; readonly badDebtES99Quote: number };
  readonly summary: MonteCarloSummary;
};

/**
 * Containment comparison: the same paths (same plan, same seed) under each containment variant (no limits,
 * per-step caps, circuit breakers, staged disposal...), with the difference in bad debt and trough against the
 * first variant. Also runs the scenario's own shock under each.
 */
export async function compareContainment(
  plan: MonteCarloPlan,
  variants: readonly ContainmentVariant[],
  options: { readonly runner?: JobRunner; readonly prepare?: PrepareOptions } = {},
): Promise<ContainmentVariantResult[]> {
  const runner = options.runner ?? createInlineRunner(options.prepare?.venueFactories ? { venueFactories: options.prepare.venueFactories } : {});
  const results: ContainmentVariantResult[] = [];
  for (const variant of variants) {
    const scenario = setScenarioField(plan.scenario, 'containment', variant.containment);
    const summary = await runner.run({ ...plan, scenario });
    const scenarioShock = new ScenarioEvaluator(scenario, options.prepare).evaluate();
    const worstDrop = (q: 'mean' | number): number =>
      Math.max(...summary.markets.map((m) => (q === 'mean' ? sketchMean(m.troughDropFraction) : sketchQuantile(m.troughDropFraction, q))));
    const row = {
      name: variant.name,
      scenarioShock,
      meanBadDebtQuote: sketchMean(summary.badDebtQuote),
      badDebtVaR99Quote: sketchQuantile(summary.badDebtQuote, 0.99),
      badDebtES99Quote: sketchTailMean(summary.badDebtQuote, 0.99),
      meanTroughDropFraction: worstDrop('mean'),
      troughDropVaR99Fraction: worstDrop(0.99),
      liquidationAtRisk99Quote: sketchQuantile(summary.liquidatedNotionalQuote, 0.99),
    };
    const base = results[0] ?? row;
    results.push({
      ...row,
      versusBaseline: {
        meanBadDebtQuote: row.meanBadDebtQuote - base.meanBadDebtQuote,
        meanTroughDropFraction: row.meanTroughDropFraction - base.meanTroughDropFraction,
        badDebtES99Quote: row.badDebtES99Quote - base.badDebtES99Quote,
      },
      summary,
    });
  }
  return results;
}

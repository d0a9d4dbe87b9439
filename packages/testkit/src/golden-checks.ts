import { assertCheck, show } from './assert';
import type { CheckResult, ConformanceCheck, ExpectedFailures } from './check-types';
import { resolveMarketIds } from './engine-context';
import type { EngineFactory } from './engine-context';
import { evaluateCheck, unknownExpectedFailures } from './expected-failures';
import { compareRecordings, loadGoldenCases, recordingOf, runGoldenScenario } from './golden-scenarios';
import type { GoldenCase } from './golden-scenarios';
import type { LiquidationEngineModelV1 } from '@firesale/spec';

/** Options of {@link checkGoldenScenarios} and `runGoldenScenarios`. */
export type GoldenOptions = {
  readonly create: EngineFactory;
  /**
   * The plugin claims to reproduce the generic venue with its defaults: its runs must match the recordings.
   * Other plugins are checked for structural facts only (conservation, more depth is no worse).
   */
  readonly genericCompatible?: boolean;
  /** Venue market id to run on (default as in the engine checks). */
  readonly markets?: readonly string[];
  readonly seed?: number;
  readonly expectedFailures?: ExpectedFailures;
};

/** What the golden checks receive. */
export type GoldenCheckContext = {
  readonly engine: () => LiquidationEngineModelV1;
  readonly marketId: string;
  readonly genericCompatible: boolean;
  readonly seed: number;
  readonly cases: readonly GoldenCase[];
};

/** The golden-scenario checks. Ids never change. */
export const goldenChecks: readonly ConformanceCheck<GoldenCheckContext>[] = [
  {
    id: 'GS-MUST-001',
    level: 'MUST',
    title: 'every golden scenario runs through core with the plugin and conserves value (checkInvariants)',
    run: (context) => {
      for (const { scenario } of context.cases) {
        const report = runGoldenScenario(scenario, context.engine(), { marketId: context.marketId, asRecorded: context.genericCompatible, seed: context.seed });
        assertCheck(Number.isFinite(report.summary.liquidatedNotionalQuote) && Number.isFinite(report.summary.badDebtQuote), `${scenario.name}: non-finite totals ${show(report.summary)}`);
      }
    },
  },
  {
    id: 'GS-MUST-002',
    level: 'MUST',
    title: 'a generic-compatible plugin reproduces the recorded golden summaries (relative 1e-9)',
    run: (context) => {
      if (!context.genericCompatible) return 'not applicable: the plugin does not claim generic compatibility';
      const problems: string[] = [];
      for (const { scenario, recording } of context.cases) {
        const report = runGoldenScenario(scenario, context.engine(), { marketId: context.marketId, asRecorded: true, seed: context.seed });
        for (const diff of compareRecordings(recording, recordingOf(scenario, recording.venue, report))) problems.push(`${scenario.name}: ${diff}`);
      }
      assertCheck(problems.length === 0, problems.join('\n'));
    },
  },
  {
    id: 'GS-SHOULD-001',
    level: 'SHOULD',
    title: 'twice the depth never deepens the adverse move nor adds bad debt in a golden scenario',
    run: (context) => {
      for (const { scenario } of context.cases) {
        const options = { marketId: context.marketId, asRecorded: context.genericCompatible, seed: context.seed };
        const base = runGoldenScenario(scenario, context.engine(), { ...options, depthMultiplier: 1 });
        const deep = runGoldenScenario(scenario, context.engine(), { ...options, depthMultiplier: 2 });
        // Worse means a deeper adverse move or more bad debt. Liquidated notional and counts are no measure: a
        // deeper book fills the same closes at better prices, and venues with limit prices close more of it.
        const tol = 1e-9 * Math.max(1, base.summary.badDebtQuote);
        assertCheck(deep.summary.badDebtQuote <= base.summary.badDebtQuote + tol, `${scenario.name}: bad debt ${show(deep.summary.badDebtQuote)} at depth x2 vs ${show(base.summary.badDebtQuote)} at x1`);
        const adverse = (r: typeof base) => (scenario.shock.returnFraction < 0 ? r.markets[0]!.troughDropFraction : (r.markets[0]!.peakPriceQuote - r.markets[0]!.initialPriceQuote) / r.markets[0]!.initialPriceQuote);
        assertCheck(adverse(deep) <= adverse(base) + 1e-9, `${scenario.name}: the adverse move is ${show(adverse(deep))} at depth x2 vs ${show(adverse(base))} at x1`);
      }
    },
  },
];

/** Builds the context of the golden checks. */
export function createGoldenContext(options: GoldenOptions): GoldenCheckContext {
  const seed = options.seed ?? 1;
  const first = options.create(seed);
  return {
    engine: () => options.create(seed),
    marketId: options.genericCompatible ? (options.markets?.[0] ?? 'BTC') : resolveMarketIds(first, options.markets)[0]!,
    genericCompatible: options.genericCompatible ?? false,
    seed,
    cases: loadGoldenCases(),
  };
}

/** Runs the golden checks and returns one result per check (plus unknown expected-failure ids). */
export function checkGoldenScenarios(options: GoldenOptions): CheckResult[] {
  const results = goldenChecks.map((check) => evaluateCheck(check, () => createGoldenContext(options), options.expectedFailures));
  results.push(...unknownExpectedFailures(goldenChecks, options.expectedFailures));
  return results;
}

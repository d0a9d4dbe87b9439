import type { ShockInput } from '@firesale/core';
import type { PrepareOptions } from '@firesale/sdk';
import { ScenarioEvaluator, outcomeOf, type ScenarioOutcome } from './scenario-evaluation';

/** A named stress: price moves per market (percent, like a scenario's shocks) and optional harsher conditions. */
export type NamedStress = {
  readonly name: string;
  readonly shocks: readonly { readonly market: string; readonly returnPct: number; readonly atSeconds?: number; readonly overSeconds?: number }[];
  /** Factor on book depth (0.5 halves it). Default 1. */
  readonly depthMultiplier?: number;
  readonly liquidatorLatencySeconds?: number;
};

/** Insurance-fund adequacy of one venue under one stress. */
export type FundAdequacy = {
  readonly venueId: string;
  readonly initialQuote: number;
  readonly paidOutQuote: number;
  readonly minimumQuote: number;
  readonly exhausted: boolean;
  /** Fund / (what it paid + the bad debt left): 1 or more means it covered every shortfall. */
  readonly coverageRatio: number;
};

/** The result of one named stress. */
export type StressResult = { readonly name: string; readonly outcome: ScenarioOutcome; readonly funds: readonly FundAdequacy[] };

/** Converts a named stress's shocks to engine shocks. */
export function stressShocks(stress: NamedStress): ShockInput[] {
  return stress.shocks.map((s) => ({ marketId: s.market, returnFraction: s.returnPct / 100, atSeconds: s.atSeconds ?? 0, overSeconds: s.overSeconds ?? 0 }));
}

/**
 * Runs named stresses against a scenario (its positions, books, venues and containment; the stresses replace its
 * shocks) and reports insurance-fund adequacy per venue.
 */
export function runSolvencyStresses(scenario: unknown, stresses: readonly NamedStress[], options: PrepareOptions = {}): StressResult[] {
  const evaluator = new ScenarioEvaluator(scenario, options);
  return stresses.map((stress) => {
    const report = evaluator.report(
      {
        ...(stress.depthMultiplier === undefined ? {} : { depthMultiplier: stress.depthMultiplier }),
        ...(stress.liquidatorLatencySeconds === undefined ? {} : { liquidatorLatencySeconds: stress.liquidatorLatencySeconds }),
      },
      stressShocks(stress),
    );
    const badDebt = report.summary.badDebtQuote;
    const funds = report.insuranceFunds.map((f) => {
      const need = f.paidOutQuote + badDebt;
      return {
        venueId: f.venueId,
        initialQuote: f.initialQuote,
        paidOutQuote: f.paidOutQuote,
        minimumQuote: f.minimumQuote,
        exhausted: f.exhausted,
        coverageRatio: need > 0 ? f.initialQuote / need : Infinity,
      };
    });
    return { name: stress.name, outcome: outcomeOf(report), funds };
  });
}

/** Options of {@link reverseStressTest}. */
export type ReverseStressOptions = PrepareOptions & {
  /** What breaks: an exhausted insurance fund, or bad debt above `badDebtAboveQuote`. Default: either. */
  readonly target?: 'fund-exhaustion' | 'bad-debt' | 'either';
  /** Bad debt (quote) that counts as a breach. Default 0 (any bad debt). */
  readonly badDebtAboveQuote?: number;
  /** Markets the shock moves together (default: those the scenario shocks). */
  readonly markets?: readonly string[];
  /** Largest fall tried, as a fraction (default 0.9). */
  readonly maxDropFraction?: number;
  /** Seconds the fall unfolds over (default: the scenario's first shock's). */
  readonly overSeconds?: number;
  /** Grid points scanned before bisecting (finds the first breach even if the outcome is not monotone). Default 30. */
  readonly scanPoints?: number;
  /** Absolute precision of the answer (fraction). Default 1e-4. */
  readonly tolerance?: number;
};

/** The result of {@link reverseStressTest}. */
export type ReverseStressResult =
  | { readonly found: true; readonly dropFraction: number; readonly outcome: ScenarioOutcome; readonly evaluations: number }
  | { readonly found: false; readonly maxDropFraction: number; readonly outcome: ScenarioOutcome; readonly evaluations: number };

/**
 * Reverse stress test: the smallest fall of the shocked markets' prices that exhausts an insurance fund or leaves
 * bad debt above a threshold. Scans a grid of falls up to `maxDropFraction`, then bisects between the last safe
 * and the first breaching point.
 */
export function reverseStressTest(scenario: unknown, options: ReverseStressOptions = {}): ReverseStressResult {
  const evaluator = new ScenarioEvaluator(scenario, options);
  const { prepared } = evaluator.prepared();
  const markets = options.markets ?? [...new Set(prepared.shocks.map((s) => s.marketId))];
  const marketIds = markets.length > 0 ? markets : prepared.input.markets.map((m) => m.marketId);
  const overSeconds = options.overSeconds ?? prepared.shocks[0]?.overSeconds ?? 0;
  const threshold = options.badDebtAboveQuote ?? 0;
  const target = options.target ?? 'either';
  let evaluations = 0;
  const at = (drop: number): ScenarioOutcome => {
    evaluations++;
    return evaluator.evaluate({}, marketIds.map((marketId) => ({ marketId, returnFraction: -drop, overSeconds })));
  };
  const breached = (o: ScenarioOutcome): boolean =>
    (target !== 'bad-debt' && o.fundExhausted) || (target !== 'fund-exhaustion' && o.badDebtQuote > threshold);
  const maxDrop = options.maxDropFraction ?? 0.9;
  const n = Math.max(2, options.scanPoints ?? 30);
  let safe = 0;
  let hit: { drop: number; outcome: ScenarioOutcome } | undefined;
  let last: ScenarioOutcome | undefined;
  for (let k = 1; k <= n; k++) {
    const drop = (maxDrop * k) / n;
    last = at(drop);
    if (breached(last)) {
      hit = { drop, outcome: last };
      break;
    }
    safe = drop;
  }
  if (!hit) return { found: false, maxDropFraction: maxDrop, outcome: last!, evaluations };
  const tolerance = options.tolerance ?? 1e-4;
  while (hit.drop - safe > tolerance) {
    const mid: number = (safe + hit.drop) / 2;
    const o: ScenarioOutcome = at(mid);
    if (breached(o)) hit = { drop: mid, outcome: o };
    else safe = mid;
  }
  return { found: true, dropFraction: hit.drop, outcome: hit.outcome, evaluations };
}

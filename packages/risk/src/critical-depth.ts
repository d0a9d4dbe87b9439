import type { CascadeReport } from '@firesale/core';
import type { PrepareOptions } from '@firesale/sdk';
import { ScenarioEvaluator } from './scenario-evaluation';

/** Options of {@link findCriticalDepth}. */
export type CriticalDepthOptions = PrepareOptions & {
  /** Says whether a cascade ran away. Default: some market's amplification is at least 1.5. */
  readonly isRunaway?: (report: CascadeReport) => boolean;
  /** Depth multipliers bracketing the answer: runaway at `low`, contained at `high`. Defaults 0.01 and 100. */
  readonly low?: number;
  readonly high?: number;
  /** Relative width at which the bisection stops. Default 1e-6. */
  readonly relativeTolerance?: number;
  /** Scale of the scenario's shocks. Default 1. */
  readonly shockScale?: number;
};

/** The result of {@link findCriticalDepth}. */
export type CriticalDepthResult =
  | { readonly found: true; readonly depthMultiplier: number; readonly runawayBelow: number; readonly evaluations: number }
  | { readonly found: false; readonly reason: string; readonly evaluations: number };

/**
 * The critical depth: the smallest book-depth multiplier (times the scenario's depth and stress multiplier) at
 * which the scenario's shock no longer runs away. Bisection between a runaway `low` and a contained `high`,
 * assuming more depth never makes the cascade worse (the engine's monotone rule).
 */
export function findCriticalDepth(scenario: unknown, options: CriticalDepthOptions = {}): CriticalDepthResult {
  const evaluator = new ScenarioEvaluator(scenario, options);
  const isRunaway = options.isRunaway ?? ((r: CascadeReport) => r.markets.some((m) => m.amplification >= 1.5));
  const shockScale = options.shockScale ?? 1;
  let evaluations = 0;
  const runaway = (depthMultiplier: number): boolean => {
    evaluations++;
    return isRunaway(evaluator.report({ depthMultiplier, shockScale }));
  };
  let low = options.low ?? 0.01;
  let high = options.high ?? 100;
  if (!runaway(low)) return { found: false, reason: `contained already at the lowest depth multiplier ${low}`, evaluations };
  if (runaway(high)) return { found: false, reason: `still runaway at the highest depth multiplier ${high}`, evaluations };
  const tolerance = options.relativeTolerance ?? 1e-6;
  while ((high - low) / high > tolerance) {
    const mid = (low + high) / 2;
    if (runaway(mid)) low = mid;
    else high = mid;
  }
  return { found: true, depthMultiplier: high, runawayBelow: low, evaluations };
}

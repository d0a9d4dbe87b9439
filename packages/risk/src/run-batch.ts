import { createRng, type RunOptions, type RunOutcome } from '@firesale/core';
import { createBatchCache, type BatchCache, type PlanState } from './batch-cache';
import { sampleDistribution } from './distributions';
import type { BatchSummary, MonteCarloPlan } from './job-runner';
import { SummaryTotals } from './summary-totals';
import { validatePlan } from './validate-plan';

/** Number of batches of a plan. */
export function batchCount(plan: MonteCarloPlan): number {
  return Math.ceil(plan.paths / plan.batchSize);
}

/** The paths of batch `batchIndex`: [start, end). */
export function batchRange(plan: MonteCarloPlan, batchIndex: number): { start: number; end: number } {
  const start = batchIndex * plan.batchSize;
  return { start, end: Math.min(plan.paths, start + plan.batchSize) };
}

/**
 * Runs the paths of one batch and returns their summary. Path `i` draws its parameters from
 * `createRng(seed).fork(i).fork(k)` (k = 0 depth, 1 stress multiplier, 2 latency, 3 oracle delay), then the
 * engine's run seed and its price path from `createRng(seed).fork(i)`: its result does not depend on the batch
 * size, the runner, or which process ran it. The simulator comes from `cache` (built once per process).
 *
 * @throws `FiresaleErrors` for an invalid plan or scenario (each problem naming its field).
 */
export function runBatch(plan: MonteCarloPlan, batchIndex: number, cache: BatchCache = defaultCache()): BatchSummary {
  validatePlan(plan);
  const total = batchCount(plan);
  if (!(Number.isInteger(batchIndex) && batchIndex >= 0 && batchIndex < total)) {
    throw new RangeError(`batchIndex ${batchIndex} is outside 0..${total - 1}`);
  }
  const state = cache.get(plan);
  const totals = totalsFor(state, plan);
  const { start, end } = batchRange(plan, batchIndex);
  runPaths(plan, state, start, end, totals);
  return totals.toSummary(batchIndex, 1);
}

/**
 * Runs paths [start, end) of a plan on its built state and folds each run into `totals` (made by
 * {@link SummaryTotals.forPaths}; see {@link runBatch} for how each path draws its parameters). The inline runner
 * folds every batch into one set of totals this way; other runners turn the totals of each batch into a summary
 * and merge those.
 */
export function runPaths(plan: MonteCarloPlan, state: PlanState, start: number, end: number, totals: SummaryTotals): void {
  const root = createRng(plan.seed);
  const markets = state.prepared.input.markets;
  const spec = plan.parameters ?? {};
  const depth = new Array<number>(markets.length).fill(1);
  // What the fold below reads of the path being run (one closure for the batch, not one per path).
  let depthFactor = 1;
  let latencySeconds = 0;
  const fold = (outcome: RunOutcome): void => totals.addPath(outcome, depthFactor, latencySeconds);
  for (let i = start; i < end; i++) {
    const rng = root.fork(i);
    depthFactor = spec.depthMultiplier ? sampleDistribution(spec.depthMultiplier, rng.fork(0)) : 1;
    const stress = spec.stressDepthMultiplier ? sampleDistribution(spec.stressDepthMultiplier, rng.fork(1)) : undefined;
    const latency = spec.liquidatorLatencySeconds ? sampleDistribution(spec.liquidatorLatencySeconds, rng.fork(2)) : undefined;
    const oracle = spec.oracleDelaySeconds ? sampleDistribution(spec.oracleDelaySeconds, rng.fork(3)) : undefined;
    for (let m = 0; m < markets.length; m++) depth[m] = depthFactor * (stress ?? markets[m]!.stressDepthMultiplier ?? 1);
    const seed = Math.floor(rng.nextFloat() * 4294967296);
    const shocks = state.sampler.sample(rng, i);
    const options: { -readonly [K in keyof RunOptions]: RunOptions[K] } = { shocks, seed, depthMultipliers: depth };
    if (latency !== undefined) options.liquidatorLatencySeconds = latency;
    if (oracle !== undefined) options.oracleDelaySeconds = oracle;
    latencySeconds = latency ?? state.prepared.input.timing?.liquidatorLatencySeconds ?? 0;
    // Read in place: a path builds no report.
    state.simulator.runOutcome(options, fold);
  }
}

/**
 * One set of path totals per built plan (and bad-debt threshold, which the plan key leaves out), emptied for
 * each batch (see {@link SummaryTotals.reset}).
 */
const pathTotals = new WeakMap<PlanState, { readonly threshold: number; readonly totals: SummaryTotals }>();

function totalsFor(state: PlanState, plan: MonteCarloPlan): SummaryTotals {
  const threshold = plan.badDebtThresholdQuote ?? 0;
  const spare = pathTotals.get(state);
  if (spare && spare.threshold === threshold) {
    spare.totals.reset();
    return spare.totals;
  }
  const totals = SummaryTotals.forPaths(state, plan.horizonSeconds, threshold);
  pathTotals.set(state, { threshold, totals });
  return totals;
}

let shared: BatchCache | undefined;
function defaultCache(): BatchCache {
  shared ??= createBatchCache();
  return shared;
}

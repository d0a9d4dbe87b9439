import { createRng, type RunOptions } from '@firesale/core';
import { createBatchCache, type BatchCache } from './batch-cache';
import { sampleDistribution } from './distributions';
import type { BatchSummary, MonteCarloPlan } from './job-runner';
import { SummaryAccumulator } from './summary-accumulator';
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
  const { start, end } = batchRange(plan, batchIndex);
  const accumulator = new SummaryAccumulator(state, plan.horizonSeconds, plan.badDebtThresholdQuote ?? 0);
  const root = createRng(plan.seed);
  const markets = state.prepared.input.markets;
  const spec = plan.parameters ?? {};
  const depth = new Array<number>(markets.length).fill(1);
  for (let i = start; i < end; i++) {
    const rng = root.fork(i);
    const depthFactor = spec.depthMultiplier ? sampleDistribution(spec.depthMultiplier, rng.fork(0)) : 1;
    const stress = spec.stressDepthMultiplier ? sampleDistribution(spec.stressDepthMultiplier, rng.fork(1)) : undefined;
    const latency = spec.liquidatorLatencySeconds ? sampleDistribution(spec.liquidatorLatencySeconds, rng.fork(2)) : undefined;
    const oracle = spec.oracleDelaySeconds ? sampleDistribution(spec.oracleDelaySeconds, rng.fork(3)) : undefined;
    for (let m = 0; m < markets.length; m++) depth[m] = depthFactor * (stress ?? markets[m]!.stressDepthMultiplier ?? 1);
    const seed = Math.floor(rng.nextFloat() * 4294967296);
    const shocks = state.sampler.sample(rng, i);
    const options: RunOptions = {
      shocks,
      seed,
      // Per-liquidation records are only read when accounts are tracked.
      ...(state.tracked.length === 0 ? { detail: 'summary' as const } : {}),
      depthMultipliers: depth,
      ...(latency === undefined ? {} : { liquidatorLatencySeconds: latency }),
      ...(oracle === undefined ? {} : { oracleDelaySeconds: oracle }),
    };
    const report = state.simulator.run(options);
    accumulator.add(report, depthFactor, latency ?? state.prepared.input.timing?.liquidatorLatencySeconds ?? 0);
  }
  return accumulator.toSummary(batchIndex);
}

let shared: BatchCache | undefined;
function defaultCache(): BatchCache {
  shared ??= createBatchCache();
  return shared;
}

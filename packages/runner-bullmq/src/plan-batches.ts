import type { MonteCarloPlan } from '@firesale/risk';

/**
 * Number of fixed batches of a plan: `ceil(paths / batchSize)` (batch b holds paths
 * `[b*batchSize, min(paths, (b+1)*batchSize))`, the design every runner shares).
 * @throws Error naming `paths` or `batchSize` when not a positive integer.
 */
export function planBatchCount(plan: MonteCarloPlan): number {
  if (!Number.isInteger(plan.paths) || plan.paths <= 0) {
    throw new Error(`paths: ${String(plan.paths)} must be a positive integer`);
  }
  if (!Number.isInteger(plan.batchSize) || plan.batchSize <= 0) {
    throw new Error(`batchSize: ${String(plan.batchSize)} must be a positive integer`);
  }
  return Math.ceil(plan.paths / plan.batchSize);
}

/** Number of paths in batch `batchIndex` of the plan. */
export function batchPathCount(plan: MonteCarloPlan, batchIndex: number): number {
  return Math.min(plan.paths, (batchIndex + 1) * plan.batchSize) - batchIndex * plan.batchSize;
}

import type { BatchOps } from './batch-ops';

/** The batch functions of `@firesale/risk`. */
export async function defaultBatchOps(): Promise<BatchOps> {
  throw new Error('@firesale/risk is not available yet');
}

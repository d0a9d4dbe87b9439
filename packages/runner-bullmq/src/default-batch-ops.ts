import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createBatchCache, finalizeSummary, mergeSummaries, runBatch, validatePlan } from '@firesale/risk';
import type { BatchOps } from './batch-ops';

/**
 * Reads a file the scenario names (positions CSV, snapshot) relative to the plan's `scenarioBaseDir` (or the
 * worker's working directory): every worker machine needs the file at that path.
 */
export function readPlanFile(path: string, baseDir: string | undefined): string {
  return readFileSync(resolve(baseDir ?? process.cwd(), path), 'utf8');
}

/** The batch functions of `@firesale/risk`, with a file reader on `node:fs`. */
export const defaultBatchOps: BatchOps = {
  validatePlan,
  runBatch,
  mergeSummaries,
  finalizeSummary,
  createCache: () => createBatchCache({ readTextFile: readPlanFile }),
};

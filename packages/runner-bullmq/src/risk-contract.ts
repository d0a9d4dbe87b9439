// TEMPORARY stand-in for @firesale/risk's job-runner types until that package lands.
export type MonteCarloPlan = {
  readonly scenario: unknown;
  readonly scenarioBaseDir?: string;
  readonly shockModel: unknown;
  readonly parameters?: unknown;
  readonly paths: number;
  readonly seed: number;
  readonly batchSize: number;
  readonly horizonSeconds: number;
};
export type BatchSummary = { readonly batchIndex: number; readonly pathCount: number; readonly [k: string]: unknown };
export type MonteCarloSummary = { readonly [k: string]: unknown };
export type RunProgress = { pathsDone: number; pathsTotal: number; elapsedMs: number };
export type BatchCache = { [k: string]: unknown };
export interface JobRunner {
  readonly kind: string;
  run(plan: MonteCarloPlan, options?: { onProgress?: (p: RunProgress) => void; signal?: AbortSignal }): Promise<MonteCarloSummary>;
  close(): Promise<void>;
}

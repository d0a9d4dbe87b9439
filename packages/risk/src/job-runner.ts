import type { ParameterDistribution } from './distributions';
import type { SketchData } from './log-sketch';
import type { ShockModelSpec } from './shock-model';

/** Uncertain parameters, drawn once per path from their own seeded streams. */
export type ParameterUncertaintySpec = {
  /** Factor on every book's depth (1 = as in the scenario). */
  readonly depthMultiplier?: ParameterDistribution;
  /** Replaces the markets' `stressDepthMultiplier` (how much depth stays under stress). */
  readonly stressDepthMultiplier?: ParameterDistribution;
  /** Liquidator latency in simulated seconds. */
  readonly liquidatorLatencySeconds?: ParameterDistribution;
  /** Oracle delay in simulated seconds. */
  readonly oracleDelaySeconds?: ParameterDistribution;
};

/** A data file a plan was built from (a price CSV), recorded in the manifest. */
export type PlanDataFile = { readonly path: string; readonly sha256: string };

/**
 * Everything a worker needs to run batches of Monte Carlo paths: JSON-serialisable, so it can go to a worker
 * thread or through a queue. Path `i` draws everything from `createRng(seed).fork(i)`, so its result does not
 * depend on which process runs it.
 */
export type MonteCarloPlan = {
  /** The raw scenario JSON (each process prepares it with `@firesale/sdk`'s `prepareScenario`). */
  readonly scenario: unknown;
  /** Folder the scenario's files (positions CSV, snapshots) are relative to. */
  readonly scenarioBaseDir?: string;
  readonly shockModel: ShockModelSpec;
  readonly parameters?: ParameterUncertaintySpec;
  /** Number of paths (whole number >= 1). */
  readonly paths: number;
  /** 32-bit seed of the run. */
  readonly seed: number;
  /** Paths per batch (default {@link DEFAULT_BATCH_SIZE}); batch b holds paths [b * batchSize, (b + 1) * batchSize). */
  readonly batchSize: number;
  /** Simulated seconds each path lasts (replaces the scenario's `timing.durationSeconds`). */
  readonly horizonSeconds: number;
  /** Accounts whose liquidation risk is tracked (portfolio liquidation risk). */
  readonly accounts?: readonly string[];
  /** Confidence levels of the VaR / ES / liquidation-at-risk metrics. Default [0.95, 0.99]. */
  readonly confidenceLevels?: readonly number[];
  /** Bad debt above this counts as a solvency breach (probability reported). Default 0. */
  readonly badDebtThresholdQuote?: number;
  /** Data files the plan was built from (their hashes go into the manifest). */
  readonly dataFiles?: readonly PlanDataFile[];
};

/** Paths per batch when a plan does not say. */
export const DEFAULT_BATCH_SIZE = 100;

/** Points of the price fan chart: the horizon split into this many intervals. */
export const FAN_INTERVALS = 20;

/**
 * Relative accuracy of the price fan's sketches: 1% of the return (at a 10% drop, 0.1% of the price), below what a
 * chart shows. The risk metrics' sketches keep the default 0.2%; at that accuracy the fan's 21 sketches per market
 * held nine tenths of a summary's buckets (~100,000 after a million paths), most of them for returns within
 * 1e-4 of zero.
 */
export const FAN_RELATIVE_ACCURACY = 0.01;

/** Per-market sketches of one or more batches. */
export type MarketBatchSummary = {
  readonly marketId: string;
  /** (initial - trough) / initial over the horizon: the worst drop, cascade included. */
  readonly troughDropFraction: SketchData;
  /** final / initial - 1 of the mid at the horizon. */
  readonly terminalReturn: SketchData;
  /** Exogenous (no-cascade) return at the horizon: the shock model alone. */
  readonly exogenousReturn: SketchData;
  /** Adverse move / exogenous move (1 = no cascade); paths with no exogenous move are left out. */
  readonly amplification: SketchData;
  /** Liquidated notional on this market. */
  readonly liquidatedNotionalQuote: SketchData;
  /** mid / initial - 1 at time horizon * j / FAN_INTERVALS, j = 0..FAN_INTERVALS (sketched at {@link FAN_RELATIVE_ACCURACY}). */
  readonly fan: readonly SketchData[];
};

/** Per-account liquidation counts and losses. */
export type AccountBatchSummary = {
  readonly accountId: string;
  /** Paths on which the account had at least one liquidation. */
  readonly liquidatedPaths: number;
  /** Realised loss from liquidations (price move to the fill plus fees), capped at the collateral posted. */
  readonly lossQuote: SketchData;
};

/**
 * The result of one or more contiguous batches: small and JSON-serialisable (sketches and counts, no per-path
 * arrays). Merged with {@link mergeSummaries}; every count is an integer and every sketch merges exactly, so any
 * grouping of the merges gives the same summary.
 */
export type BatchSummary = {
  /** First batch covered. */
  readonly batchIndex: number;
  /** Number of batches covered. */
  readonly batchCount: number;
  readonly pathCount: number;
  readonly liquidatedNotionalQuote: SketchData;
  readonly badDebtQuote: SketchData;
  readonly insuranceFundUsedQuote: SketchData;
  readonly adlNotionalQuote: SketchData;
  readonly pathsWithLiquidation: number;
  readonly pathsWithBadDebt: number;
  /** Paths whose bad debt exceeded the plan's threshold. */
  readonly pathsWithBadDebtAboveThreshold: number;
  readonly pathsWithAdl: number;
  readonly pathsWithFundExhausted: number;
  /** Paths by highest cascade generation: index g counts paths that reached generation g (0 = none). */
  readonly generations: readonly number[];
  readonly markets: readonly MarketBatchSummary[];
  readonly accounts: readonly AccountBatchSummary[];
  /** All tracked accounts together. */
  readonly portfolio: { readonly liquidatedPaths: number; readonly lossQuote: SketchData };
  /** The drawn parameters (to check what the paths covered). */
  readonly parameters: { readonly depthMultiplier: SketchData; readonly liquidatorLatencySeconds: SketchData };
};

/** The run manifest: what reproduces a Monte Carlo summary. */
export type RunManifest = {
  readonly seed: number;
  readonly paths: number;
  readonly batchSize: number;
  readonly horizonSeconds: number;
  readonly shockModel: string;
  /** SHA-256 of the scenario JSON (keys sorted). */
  readonly scenarioSha256: string;
  /** SHA-256 of the plan without the scenario (shock model, parameters, accounts...). */
  readonly planSha256: string;
  readonly dataFiles: readonly PlanDataFile[];
  /** Versions of the firesale packages that computed it. */
  readonly packageVersions: Readonly<Record<string, string>>;
};

/** One named risk metric; its name states the horizon and (where it has one) the confidence level. */
export type RiskMetric = {
  /** Such as `liquidationAtRisk_99_600s` or `badDebtES_95_600s` (market metrics end in `[BTC-PERP]`). */
  readonly name: string;
  readonly value: number;
  readonly unit: 'quote' | 'fraction' | 'probability' | 'ratio' | 'count';
  readonly horizonSeconds: number;
  readonly confidence?: number;
  readonly marketId?: string;
  /** Standard error of a probability: sqrt(p (1 - p) / n). */
  readonly standardError?: number;
  readonly description: string;
};

/** The merged summary of a whole run, with its named metrics and the manifest that reproduces it. */
export type MonteCarloSummary = BatchSummary & {
  readonly summaryVersion: 1;
  readonly horizonSeconds: number;
  readonly confidenceLevels: readonly number[];
  readonly metrics: readonly RiskMetric[];
  readonly manifest: RunManifest;
};

/** Progress of a run, reported as batches finish. */
export type RunProgress = { readonly pathsDone: number; readonly pathsTotal: number; readonly elapsedMs: number };

/** Options of {@link JobRunner.run}. */
export type JobRunOptions = {
  readonly onProgress?: (progress: RunProgress) => void;
  readonly signal?: AbortSignal;
  /** Versions of the firesale packages, for the manifest (the CLI fills it). */
  readonly packageVersions?: Readonly<Record<string, string>>;
};

/**
 * Runs a {@link MonteCarloPlan}'s batches somewhere (in process, worker threads, a queue) and folds their
 * summaries in batch order. Every runner returns the same summary for the same plan.
 */
export interface JobRunner {
  /** `inline`, `workers` or `bullmq`. */
  readonly kind: string;
  run(plan: MonteCarloPlan, options?: JobRunOptions): Promise<MonteCarloSummary>;
  /** Releases threads, connections and queues. */
  close(): Promise<void>;
}

/**
 * Monte Carlo risk analytics for firesale: seeded shock models (GBM, Merton jumps, historical bootstrap, fixed
 * stresses) and parameter uncertainty, run in batches by a `JobRunner` and reduced to mergeable
 * summaries (log-bucket sketches, counts) whose memory stays flat as the path count grows; named metrics
 * stating horizon and confidence (liquidation-at-risk, VaR/ES of the price drop and of bad debt, ADL and
 * insurance-fund exhaustion probabilities); leverage concentration, depth sweeps and critical depth, solvency
 * stress and reverse stress tests, containment comparison and parameter frontiers. Browser-safe.
 *
 * @packageDocumentation
 */
export type {
  MonteCarloPlan,
  ParameterUncertaintySpec,
  PlanDataFile,
  BatchSummary,
  MarketBatchSummary,
  AccountBatchSummary,
  MonteCarloSummary,
  RunManifest,
  RiskMetric,
  RunProgress,
  JobRunOptions,
  JobRunner,
} from './job-runner';
export { DEFAULT_BATCH_SIZE, FAN_INTERVALS, FAN_RELATIVE_ACCURACY } from './job-runner';
export type { ShockModelSpec, GbmShockModel, MertonShockModel, BootstrapShockModel, StressShockModel, StressScenario } from './shock-model';
export { SECONDS_PER_YEAR } from './shock-model';
export type { ParameterDistribution } from './distributions';
export { sampleDistribution } from './distributions';
export { createPathSampler } from './path-sampler';
export type { PathSampler } from './path-sampler';
export { parsePriceCsv } from './price-csv';
export type { PriceReturns } from './price-csv';
export { validatePlan } from './validate-plan';
export { createBatchCache, planKey, scenarioForHorizon } from './batch-cache';
export type { BatchCache, BatchCacheOptions, PlanFileReader, PlanState } from './batch-cache';
export { runBatch, batchCount, batchRange } from './run-batch';
export { mergeSummaries } from './merge-summaries';
export { BatchFolder } from './batch-folder';
export { SummaryTotals } from './summary-totals';
export { finalizeSummary, runManifest, confidenceLabel, DEFAULT_CONFIDENCE_LEVELS } from './finalize-summary';
export { createInlineRunner } from './inline-runner';
export {
  LogSketch,
  emptySketch,
  mergeSketches,
  sketchQuantile,
  sketchMean,
  sketchTailMean,
  sketchExceedance,
  sketchBuckets,
  DEFAULT_RELATIVE_ACCURACY,
  MIN_INDEXABLE,
} from './log-sketch';
export type { SketchData, SketchStore } from './log-sketch';
export { sha256Hex, canonicalJson } from './sha256';
export { parseFieldPath, setScenarioField, getScenarioField } from './scenario-patch';
export { ScenarioEvaluator, outcomeOf, RUN_PARAMETERS } from './scenario-evaluation';
export type { ScenarioOutcome, SweepParameterName } from './scenario-evaluation';
export { sweepParameter, sweepGrid } from './sweep';
export type { SweepAxis, SweepPoint, SweepGrid, SweepOptions } from './sweep';
export { findCriticalDepth } from './critical-depth';
export type { CriticalDepthOptions, CriticalDepthResult } from './critical-depth';
export { runSolvencyStresses, reverseStressTest, stressShocks } from './solvency-stress';
export type { NamedStress, FundAdequacy, StressResult, ReverseStressOptions, ReverseStressResult } from './solvency-stress';
export { compareContainment } from './containment-comparison';
export type { ContainmentVariant, ContainmentVariantResult } from './containment-comparison';
export { parameterFrontier } from './parameter-frontier';
export type { FrontierPoint, FrontierOptions } from './parameter-frontier';
export { leverageConcentration, concentrationIndex } from './concentration';
export type { LeverageConcentration, MarketHeatmap, HeatmapBand, ConcentrationIndex, ConcentrationOptions } from './concentration';

/**
 * The firesale SDK, the package most users install: a scenario schema with validation that names every bad
 * field, loaders (positions CSV, L2 snapshots, position generators), `run()` returning a report, `stream()`
 * yielding events as they happen, report export, and the test-vector runner. Browser-safe; file loading lives
 * in `@firesale/sdk/node`.
 *
 * @packageDocumentation
 */
export { run, stream } from './run-scenario';
export type { RunScenarioOptions, ScenarioReport } from './run-scenario';
export { prepareScenario } from './prepare-scenario';
export type { PrepareOptions, PreparedScenario, ReadTextFile } from './prepare-scenario';
export { scenarioSchema } from './scenario-schema';
export type { Scenario, ScenarioInput, BookSpec, GeneratorSpec, DistributionSpec } from './scenario-schema';
export { parsePositionsCsv } from './positions-csv';
export type { CsvPosition } from './positions-csv';
export { defaultVenueFactories, perpVenueModels, venueSymbol, venueSymbolPatterns } from './venue-factories';
export type { VenueFactory, VenueFactories } from './venue-factories';
export { reportToCsv } from './report-export';
export { runVectors, runVectorCase, findHandler, summarize } from './vectors/run-vectors';
export type { VectorCaseResult, VectorRunResult } from './vectors/run-vectors';
export { compareExpected, parseTolerance } from './vectors/compare-expected';
export type { Mismatch } from './vectors/compare-expected';
export { engineVectorHandlers } from './vectors/engine-handlers';
export { evaluateExpression, expandPositionFormula } from './vectors/arithmetic-expression';
export { FiresaleError, FiresaleErrors, isFiresaleError, REPORT_VERSION } from '@firesale/core';
export type { CascadeReport, LiquidationRecord, AdlRecord, MarketSummary, InsuranceFundSummary } from '@firesale/core';

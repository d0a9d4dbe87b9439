/**
 * The firesale testkit: conformance suites for `LiquidationEngineModelV1` and `OrderBookModelV1` plugins (check
 * ids with MUST/SHOULD levels, an expected-failures list), fast-check arbitraries, and golden scenarios with
 * recorded reports. A plugin author calls one function from a vitest test file.
 *
 * @packageDocumentation
 */
export { runLiquidationEngineConformance, runOrderBookConformance, runGoldenScenarios } from './run-conformance';
export type { LiquidationEngineConformanceOptions, OrderBookConformanceOptions } from './run-conformance';
export { checkLiquidationEngine } from './check-liquidation-engine';
export type { CheckLiquidationEngineOptions } from './check-liquidation-engine';
export { checkOrderBook } from './check-order-book';
export type { CheckOrderBookOptions } from './check-order-book';
export { checkGoldenScenarios, goldenChecks } from './golden-checks';
export type { GoldenOptions } from './golden-checks';
export { liquidationEngineChecks } from './engine-checks';
export { orderBookChecks } from './order-book-checks';
export type { OrderBookFactory, OrderBookCheckContext } from './order-book-checks';
export type { EngineFactory, EngineCheckContext, EngineConformanceOptions } from './engine-context';
export { EQUITY_AT_LIQUIDATION_TOLERANCE } from './engine-price-checks';
export { SETTLEMENT_BALANCE_TOLERANCE } from './engine-order-checks';
export { isAcceptable } from './check-types';
export type { CheckLevel, CheckResult, CheckStatus, ConformanceCheck, ExpectedFailures } from './check-types';
export { parseExpectedFailures, loadExpectedFailures } from './expected-failures';
export { arbitraries } from './arbitraries';
export type { PositionSample, PositionArbitraryOptions, AccountSample, L2BookSample } from './arbitraries';
export { loadGoldenCases, runGoldenScenario, recordingOf, compareRecordings, goldenDirectory, GOLDEN_TOLERANCE } from './golden-scenarios';
export type { GoldenScenario, GoldenRecording, GoldenCase, GoldenLadder } from './golden-scenarios';
export { allChecks, renderCheckTable } from './check-table';
export { vectorMismatches } from './vector-mismatches';

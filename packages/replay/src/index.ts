/**
 * Historical replay and calibration for firesale: a versioned, streamed history format (trades, candles, mids, L2
 * depth, liquidations, ADL, account snapshots; every number with its provenance), a reader that checks it line by
 * line in constant memory, `recordHistory` to write engine histories, `replayHistory` to run the engine along a
 * history and compare simulated with actual, and `calibrateHistory` to fit book depth, resilience, stress
 * thinning and volatility-driven liquidity withdrawal to it. File helpers are in `@firesale/replay/node`.
 *
 * @packageDocumentation
 */
export { HISTORY_FORMAT_VERSION, UNDER_REPORTABLE, headerSchema, recordSchema, sourceSchema } from './history-records';
export type { HistoryHeader, HistoryRecord, HistoryRecordInput, HistoryRecordType, HistorySource } from './history-records';
export { PROVENANCES, isProvenance } from './provenance';
export type { Provenance } from './provenance';
export { HistoryError, isHistoryError } from './history-error';
export type { HistoryErrorDetail } from './history-error';
export { splitLines } from './line-splitter';
export type { TextLine } from './line-splitter';
export { readHistory } from './read-history';
export type { HistoryHeaderItem, HistoryItem, ReadHistoryOptions } from './read-history';
export { recordHistory } from './record-history';
export type { RecordHistoryOptions } from './record-history';
export { collectObservations } from './observations';
export type { CollectOptions, MarketObservations, Observations, ObservedEvent, ReplayWindow } from './observations';
export { simulateWindow, exogenousPath } from './simulate-window';
export type { SimulateOptions } from './simulate-window';
export { compareReplay } from './compare-replay';
export type { EventComparison, PriceComparison, ReplayComparison, TotalComparison } from './compare-replay';
export { replayHistory } from './replay-history';
export type { ReplayOptions, ReplayResult } from './replay-history';
export { calibrateHistory } from './calibrate-history';
export type { CalibrateOptions, CalibrationResult, FittedParameter } from './calibrate-history';
export { CALIBRATION_PARAMETERS, defaultFit } from './calibration-parameters';
export type { Identification } from './fit-uncertainty';
export type { CalibrationParameter } from './calibration-parameters';

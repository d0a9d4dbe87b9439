/**
 * The deterministic cascade engine of firesale: positions in struct-of-arrays, a per-market index sorted by
 * liquidation price walked with a pointer, a simulated clock (oracle delay, liquidator latency, step cadence),
 * the loss waterfall (fees, insurance fund, ADL, bad debt) and containment (partial liquidation, per-step caps,
 * staged disposal, price-band halts). Pure: clock and seed come in, events and a report go out.
 *
 * @packageDocumentation
 */
export { createSimulator } from './simulator';
export type { Simulator, SteppedRun, AssetCollateral } from './simulator';
export type {
  SimulatorInput,
  MarketInput,
  VenueInput,
  AccountInput,
  CollateralInput,
  TimingInput,
  ContainmentInput,
  ShockInput,
  RunOptions,
  RunTimings,
} from './simulation-input';
export { PositionTable } from './position-table';
export { IndexBuckets, LiquidationIndex, SegmentRanges } from './liquidation-index';
export { GrowableFloat64, GrowableUint32 } from './growable';
export { REPORT_VERSION } from './report';
export { adlRecordAt } from './fill-log';
export type { RecordNames } from './fill-log';
export type {
  CascadeReport,
  LiquidationRecord,
  AdlRecord,
  ContainmentRecord,
  MarketSummary,
  InsuranceFundSummary,
  AdlActionRecord,
  BatchTimeline,
  BatchSummary,
  KeeperSummary,
  VenuePositionSummary,
  FillColumns,
  RunOutcome,
} from './report';
export { resolveKeeperOutages, inKeeperOutage, keeperLiquidates } from './keeper-model';
export type { KeeperOutageInput, KeeperOutageWindows } from './keeper-model';
export { ADL_POLICIES, ADL_BATCHINGS, adlPolicyOption, adlBatchingOption, allocateProRata } from './adl-policy';
export { FiresaleError, FiresaleErrors, isFiresaleError } from './firesale-error';
export { firesaleErrorMessages } from './error-messages';
export { createRng } from './rng';
export type { Rng } from './rng';
export { disposalOrderLots, disposalSchedule } from './staged-disposal';
export type { StagedDisposalParams, DisposalAttempt } from './staged-disposal';
export { priceMonitoringBounds, breachesBounds } from './price-monitoring';
export { roundToUnits, roundProduct, decimalProduct } from './decimal-rounding';
export type { DecimalInput } from './decimal-rounding';
export type { PriceMonitoringTrigger } from './price-monitoring';

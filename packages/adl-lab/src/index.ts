/**
 * The ADL policy lab: runs one scenario (or replay) under several auto-deleveraging policies — the venue's ranking
 * queue, pro-rata, and the risk-aware shortfall-only policy — and reports for each the shortfall covered, the
 * overshoot (taken beyond it) in account equity and in profit over horizons you choose, and who was hit.
 *
 * @packageDocumentation
 */
export { runAdlLab, DEFAULT_HORIZONS_SECONDS } from './run-adl-lab';
export type { AdlLabScenario, AdlLabOptions, AdlLabResult } from './run-adl-lab';
export { adlOutcome } from './adl-outcome';
export type { AdlOutcome, AdlHit } from './adl-outcome';
export { markAt } from './mark-at';

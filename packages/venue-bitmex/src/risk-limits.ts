import type { AmountQuote, Fraction } from '@firesale/spec';

/** A BitMEX contract's margin schedule: base margins and the risk limit steps that raise them. */
export type BitmexRiskLimit = {
  /** Maintenance margin rate up to the base risk limit. */
  readonly baseMaintenanceMarginRate: Fraction;
  /** Initial margin rate up to the base risk limit (max leverage = 1 / rate). */
  readonly baseInitialMarginRate: Fraction;
  /** Position value (quote) covered by the base margins. */
  readonly baseRiskLimitQuote: AmountQuote;
  /** Each further step of this much position value raises both margins by the base maintenance rate. */
  readonly riskStepQuote: AmountQuote;
};

/** Number of risk steps above the base risk limit a position value needs (0 within the base limit). */
export function riskStep(limit: BitmexRiskLimit, positionValueQuote: AmountQuote): number {
  if (positionValueQuote <= limit.baseRiskLimitQuote) return 0;
  return Math.ceil((positionValueQuote - limit.baseRiskLimitQuote) / limit.riskStepQuote);
}

/**
 * Maintenance margin rate at a risk step (BitMEX "Risk Limits Examples": "At each step, the maintenance and initial
 * margin are raised by the base maintenance margin"): `base MM x (1 + step)`.
 */
export function maintenanceMarginRate(limit: BitmexRiskLimit, step: number): Fraction {
  return limit.baseMaintenanceMarginRate * (1 + step);
}

/** Initial margin rate at a risk step: `base IM + step x base MM` (same source). */
export function initialMarginRate(limit: BitmexRiskLimit, step: number): Fraction {
  return limit.baseInitialMarginRate + step * limit.baseMaintenanceMarginRate;
}

/** Highest leverage at the risk step of a position value: `1 / initial margin rate`. */
export function maxLeverage(limit: BitmexRiskLimit, positionValueQuote: AmountQuote): number {
  return 1 / initialMarginRate(limit, riskStep(limit, positionValueQuote));
}

/**
 * Maintenance margin of a position value: the whole value at the rate of the risk limit that covers it (BitMEX
 * raises the rate of the whole position, with no deduction).
 */
export function maintenanceMargin(limit: BitmexRiskLimit, positionValueQuote: AmountQuote): AmountQuote {
  return positionValueQuote * maintenanceMarginRate(limit, riskStep(limit, positionValueQuote));
}

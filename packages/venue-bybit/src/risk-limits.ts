import type { AmountQuote, Fraction } from '@firesale/spec';

/** One Bybit risk-limit tier: positions with a value up to `riskLimitQuote` (and above the tier below). */
export type BybitRiskLimitTier = {
  /** Highest position value (USDT) of the tier. */
  readonly riskLimitQuote: AmountQuote;
  readonly maxLeverage: number;
  readonly maintenanceMarginRate: Fraction;
  /**
   * Maintenance margin deduction (USDT). When absent it is derived:
   * `deduction(n) = riskLimit(n-1) * (MMR(n) - MMR(n-1)) + deduction(n-1)`, `deduction(1) = 0`.
   */
  readonly maintenanceDeductionQuote?: AmountQuote;
};

/** Risk-limit tiers in struct-of-arrays form, ordered by risk limit, with every deduction known. */
export type ResolvedRiskLimits = {
  readonly riskLimitsQuote: Float64Array;
  readonly maxLeverages: Float64Array;
  readonly rates: Float64Array;
  readonly deductionsQuote: Float64Array;
};

/**
 * Orders tiers by risk limit and fills missing deductions with Bybit's rule (Bybit margin parameters page:
 * "MM deduction = risk limit at tier N-1 x (MMR at tier N - MMR at tier N-1) + MM deduction at tier N-1").
 *
 * @throws RangeError when the list is empty or two tiers share a risk limit.
 */
export function resolveRiskLimits(tiers: readonly BybitRiskLimitTier[]): ResolvedRiskLimits {
  const sorted = [...tiers].sort((a, b) => a.riskLimitQuote - b.riskLimitQuote);
  const n = sorted.length;
  if (n === 0) throw new RangeError('bybit risk limits: at least one tier is needed');
  const riskLimitsQuote = new Float64Array(n);
  const maxLeverages = new Float64Array(n);
  const rates = new Float64Array(n);
  const deductionsQuote = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = sorted[i]!;
    if (i > 0 && t.riskLimitQuote === riskLimitsQuote[i - 1]) throw new RangeError(`bybit risk limits: two tiers end at ${t.riskLimitQuote}`);
    riskLimitsQuote[i] = t.riskLimitQuote;
    maxLeverages[i] = t.maxLeverage;
    rates[i] = t.maintenanceMarginRate;
    deductionsQuote[i] =
      t.maintenanceDeductionQuote ??
      (i === 0 ? 0 : riskLimitsQuote[i - 1]! * (t.maintenanceMarginRate - rates[i - 1]!) + deductionsQuote[i - 1]!);
  }
  return { riskLimitsQuote, maxLeverages, rates, deductionsQuote };
}

/** Tier of a position value: the first whose risk limit is at least the value (the last tier beyond). */
export function riskLimitIndex(limits: ResolvedRiskLimits, positionValueQuote: AmountQuote): number {
  const caps = limits.riskLimitsQuote;
  let lo = 0;
  let hi = caps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (caps[mid]! >= positionValueQuote) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Maintenance margin: `position value x MMR - MM deduction` of the value's tier (Bybit margin parameters page). */
export function maintenanceMargin(limits: ResolvedRiskLimits, positionValueQuote: AmountQuote): AmountQuote {
  const i = riskLimitIndex(limits, positionValueQuote);
  return positionValueQuote * limits.rates[i]! - limits.deductionsQuote[i]!;
}

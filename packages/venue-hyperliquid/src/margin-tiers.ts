import type { AmountQuote, Fraction } from '@firesale/spec';

/**
 * One row of a Hyperliquid margin table: from `lowerBoundQuote` of notional (USDC) on, at most `maxLeverage`
 * (the `marginTiers` of the `meta` info response).
 */
export type HyperliquidMarginTier = {
  /** Notional (USDC) from which the tier applies; the first tier starts at 0. */
  readonly lowerBoundQuote: AmountQuote;
  /** Highest leverage allowed within the tier. */
  readonly maxLeverage: number;
};

/** A margin table with each tier's maintenance rate and deduction derived (struct of arrays). */
export type ResolvedMarginTable = {
  readonly lowerBoundsQuote: Float64Array;
  readonly maxLeverages: Float64Array;
  /** `maintenance_margin_rate(n) = 1 / maxLeverage(n) / 2`: half the initial margin at max leverage. */
  readonly maintenanceRates: Float64Array;
  /** `deduction(n) = deduction(n-1) + lowerBound(n) * (rate(n) - rate(n-1))`, `deduction(0) = 0`. */
  readonly deductionsQuote: Float64Array;
};

/**
 * Maintenance margin rate of a tier: half of the initial margin rate at the tier's max leverage
 * (Hyperliquid docs, trading/margin-tiers and trading/liquidations).
 */
export function maintenanceRateForMaxLeverage(maxLeverage: number): Fraction {
  return 1 / maxLeverage / 2;
}

/**
 * Derives rates and deductions of a margin table (Hyperliquid docs, trading/margin-tiers): the deduction makes
 * maintenance margin continuous in notional.
 *
 * @throws RangeError when the table is empty, does not start at 0, is not increasing, or a max leverage is not positive.
 */
export function resolveMarginTable(tiers: readonly HyperliquidMarginTier[]): ResolvedMarginTable {
  const n = tiers.length;
  if (n === 0 || tiers[0]!.lowerBoundQuote !== 0) {
    throw new RangeError('hyperliquid margin table: the first tier must start at notional 0');
  }
  const lowerBoundsQuote = new Float64Array(n);
  const maxLeverages = new Float64Array(n);
  const maintenanceRates = new Float64Array(n);
  const deductionsQuote = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const tier = tiers[i]!;
    if (!(tier.maxLeverage > 0)) {
      throw new RangeError(`hyperliquid margin table: tier ${i} max leverage ${tier.maxLeverage} is not positive`);
    }
    if (i > 0 && !(tier.lowerBoundQuote > tiers[i - 1]!.lowerBoundQuote)) {
      throw new RangeError(`hyperliquid margin table: tier ${i} lower bound is not above tier ${i - 1}'s`);
    }
    lowerBoundsQuote[i] = tier.lowerBoundQuote;
    maxLeverages[i] = tier.maxLeverage;
    maintenanceRates[i] = maintenanceRateForMaxLeverage(tier.maxLeverage);
    deductionsQuote[i] =
      i === 0 ? 0 : deductionsQuote[i - 1]! + tier.lowerBoundQuote * (maintenanceRates[i]! - maintenanceRates[i - 1]!);
  }
  return { lowerBoundsQuote, maxLeverages, maintenanceRates, deductionsQuote };
}

/** A single-tier table (Hyperliquid: a margin table id below 50 is one tier at that max leverage). */
export function flatMarginTable(maxLeverage: number): ResolvedMarginTable {
  return resolveMarginTable([{ lowerBoundQuote: 0, maxLeverage }]);
}

/** Index of the highest tier whose lower bound is at most `notionalQuote`. */
export function marginTierIndex(table: ResolvedMarginTable, notionalQuote: AmountQuote): number {
  const bounds = table.lowerBoundsQuote;
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= notionalQuote) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Maintenance margin in USDC: `notional * maintenance_margin_rate - maintenance_deduction`
 * (Hyperliquid docs, trading/margin-tiers).
 */
export function maintenanceMargin(table: ResolvedMarginTable, notionalQuote: AmountQuote): AmountQuote {
  const i = marginTierIndex(table, notionalQuote);
  return notionalQuote * table.maintenanceRates[i]! - table.deductionsQuote[i]!;
}

import type { AmountQuote, Fraction } from '@firesale/spec';

/** One maintenance-margin tier (bracket): applies to positions whose notional is at least `minNotionalQuote`. */
export type MarginTier = {
  /** Lower bound of the tier's notional, in quote. The first tier starts at 0. */
  readonly minNotionalQuote: AmountQuote;
  /** Maintenance margin rate of the tier. */
  readonly maintenanceMarginRate: Fraction;
  /** Highest leverage allowed within the tier. */
  readonly maxLeverage: number;
};

/** Tiers with the maintenance amount that makes margin continuous across tier floors. */
export type ResolvedMarginTiers = {
  readonly floorsQuote: Float64Array;
  readonly rates: Float64Array;
  /** Maintenance amount (Binance `cum`): `cum_n = floor_n * (mmr_n - mmr_(n-1)) + cum_(n-1)`, `cum_1 = 0`. */
  readonly amountsQuote: Float64Array;
  readonly maxLeverages: Float64Array;
};

/**
 * Orders tiers by floor and derives each tier's maintenance amount with the Binance recurrence
 * (Binance FAQ "Leverage and Margin of USDⓈ-M Futures"), so that maintenance margin is continuous.
 *
 * @throws RangeError when the first floor is not 0 or floors repeat.
 */
export function resolveMarginTiers(tiers: readonly MarginTier[]): ResolvedMarginTiers {
  const sorted = [...tiers].sort((a, b) => a.minNotionalQuote - b.minNotionalQuote);
  if (sorted.length === 0 || sorted[0]!.minNotionalQuote !== 0) {
    throw new RangeError('margin tiers: the first tier must start at notional 0');
  }
  const n = sorted.length;
  const floorsQuote = new Float64Array(n);
  const rates = new Float64Array(n);
  const amountsQuote = new Float64Array(n);
  const maxLeverages = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const tier = sorted[i]!;
    if (i > 0 && tier.minNotionalQuote === sorted[i - 1]!.minNotionalQuote) {
      throw new RangeError(`margin tiers: two tiers start at notional ${tier.minNotionalQuote}`);
    }
    floorsQuote[i] = tier.minNotionalQuote;
    rates[i] = tier.maintenanceMarginRate;
    maxLeverages[i] = tier.maxLeverage;
    amountsQuote[i] = i === 0 ? 0 : tier.minNotionalQuote * (tier.maintenanceMarginRate - rates[i - 1]!) + amountsQuote[i - 1]!;
  }
  return { floorsQuote, rates, amountsQuote, maxLeverages };
}

/** Index of the highest tier whose floor is at most `notionalQuote`. */
export function tierIndex(tiers: ResolvedMarginTiers, notionalQuote: AmountQuote): number {
  const floors = tiers.floorsQuote;
  let lo = 0;
  let hi = floors.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (floors[mid]! <= notionalQuote) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Maintenance margin in quote: `notional * rate(tier) - amount(tier)`. */
export function maintenanceMargin(tiers: ResolvedMarginTiers, notionalQuote: AmountQuote): AmountQuote {
  const i = tierIndex(tiers, notionalQuote);
  return notionalQuote * tiers.rates[i]! - tiers.amountsQuote[i]!;
}

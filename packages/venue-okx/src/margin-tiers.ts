import type { AmountQuote, Fraction } from '@firesale/spec';
import type { OkxTier } from './okx-params';

/**
 * Index of the tier that applies to `notionalQuote`: the highest tier whose `minNotionalQuote` is at most the
 * notional (freqtrade `Exchange.get_maintenance_ratio_and_amt` walks the tiers from the top). Tiers may be given
 * in any order; a notional below every floor gets the lowest tier.
 *
 * @throws RangeError when the notional is negative or not a number (freqtrade: "nominal value can not be lower than 0").
 */
export function okxTierIndex(tiers: readonly OkxTier[], notionalQuote: AmountQuote): number {
  if (!(notionalQuote >= 0)) throw new RangeError(`notional ${notionalQuote}: nominal value can not be lower than 0`);
  let best = -1;
  let lowest = 0;
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i]!;
    if (tier.minNotionalQuote < tiers[lowest]!.minNotionalQuote) lowest = i;
    if (tier.minNotionalQuote <= notionalQuote && (best < 0 || tier.minNotionalQuote > tiers[best]!.minNotionalQuote)) {
      best = i;
    }
  }
  return best < 0 ? lowest : best;
}

/** Maintenance margin rate and amount of a notional; OKX tiers have no maintenance amount, so it is `null`. */
export type OkxMaintenanceRatio = {
  readonly maintenanceMarginRate: Fraction;
  readonly maintenanceAmountQuote: null;
};

/**
 * The maintenance margin rate of the tier that holds `notionalQuote` (freqtrade
 * `get_maintenance_ratio_and_amt` for OKX returns `(mmr, None)`).
 *
 * @throws RangeError when `tiers` is empty.
 */
export function okxMaintenanceRatio(tiers: readonly OkxTier[], notionalQuote: AmountQuote): OkxMaintenanceRatio {
  if (tiers.length === 0) throw new RangeError('okx: a market needs at least one tier');
  return { maintenanceMarginRate: tiers[okxTierIndex(tiers, notionalQuote)]!.maintenanceMarginRate, maintenanceAmountQuote: null };
}

/** Maintenance margin in quote: `notional x mmr(tier of notional)` (no maintenance amount on OKX). */
export function okxMaintenanceMargin(tiers: readonly OkxTier[], notionalQuote: AmountQuote): AmountQuote {
  return notionalQuote * okxMaintenanceRatio(tiers, notionalQuote).maintenanceMarginRate;
}

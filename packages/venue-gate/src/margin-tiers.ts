import type { AmountQuote, Fraction } from '@firesale/spec';
import type { GateTier } from './gate-params';

/**
 * Index of the tier that applies to `notionalQuote`: the highest tier whose `minNotionalQuote` is at most the
 * notional (freqtrade `Exchange.get_maintenance_ratio_and_amt` walks the tiers from the top). Tiers may be given
 * in any order; a notional below every floor gets the lowest tier.
 *
 * @throws RangeError when the notional is negative or not a number (freqtrade: "nominal value can not be lower than 0").
 */
export function gateTierIndex(tiers: readonly GateTier[], notionalQuote: AmountQuote): number {
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

/** Maintenance margin rate and amount of a notional; Gate risk-limit tiers are modelled without a maintenance amount, so it is `null`. */
export type GateMaintenanceRatio = {
  readonly maintenanceMarginRate: Fraction;
  readonly maintenanceAmountQuote: null;
};

/**
 * The maintenance margin rate of the tier that holds `notionalQuote` (freqtrade
 * `get_maintenance_ratio_and_amt` for Gate returns `(mmr, None)`).
 *
 * @throws RangeError when `tiers` is empty.
 */
export function gateMaintenanceRatio(tiers: readonly GateTier[], notionalQuote: AmountQuote): GateMaintenanceRatio {
  if (tiers.length === 0) throw new RangeError('gate: a market needs at least one tier');
  return { maintenanceMarginRate: tiers[gateTierIndex(tiers, notionalQuote)]!.maintenanceMarginRate, maintenanceAmountQuote: null };
}

/** Maintenance margin in quote: `notional x mmr(tier of notional)` (no maintenance amount). */
export function gateMaintenanceMargin(tiers: readonly GateTier[], notionalQuote: AmountQuote): AmountQuote {
  return notionalQuote * gateMaintenanceRatio(tiers, notionalQuote).maintenanceMarginRate;
}

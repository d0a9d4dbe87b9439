import {
  LIQUIDATION_FEE_ADJUST_GRACE_PERIOD_SLOTS,
  LIQUIDATION_FEE_INCREASE_PER_SLOT,
  LIQUIDATION_PCT_PRECISION,
  MAX_PCT_SHORTAGE_THRESHOLD,
} from './precisions';
import { castU32OrMax, div, mul, sub } from './safe-math';

/**
 * Liquidator fee after the grace period (`get_liquidation_fee`): the base fee while fewer than 1,500 slots have
 * passed since the user's last activity, then `min(maxFee, baseFee + slotsElapsed x 1)` (0.01 bp per slot, counted
 * from the last activity). LIQUIDATION_FEE_PRECISION.
 *
 * @throws {@link VenueRuleError} `MathError` when `currentSlot < lastActiveSlot`.
 */
export function liquidationFee(baseLiquidationFee: bigint, maxLiquidationFee: bigint, lastActiveSlot: bigint, currentSlot: bigint): bigint {
  const slotsElapsed = sub(currentSlot, lastActiveSlot);
  if (slotsElapsed < LIQUIDATION_FEE_ADJUST_GRACE_PERIOD_SLOTS) return baseLiquidationFee;
  const fee = baseLiquidationFee + castU32OrMax(slotsElapsed * LIQUIDATION_FEE_INCREASE_PER_SLOT);
  const saturated = castU32OrMax(fee);
  return saturated < maxLiquidationFee ? saturated : maxLiquidationFee;
}

/** Inputs of {@link maxPctToLiquidate}. */
export type MaxPctToLiquidateInput = {
  /** Current margin shortage, QUOTE_PRECISION. */
  readonly marginShortage: bigint;
  readonly slot: bigint;
  /** Slot of the user's last activity (start of this liquidation). */
  readonly lastActiveSlot: bigint;
  /** Margin already freed in this liquidation, QUOTE_PRECISION. */
  readonly liquidationMarginFreed: bigint;
  /** Share liquidatable at once, LIQUIDATION_PCT_PRECISION. */
  readonly initialPctToLiquidate: bigint;
  /** Slots over which the rest becomes liquidatable. */
  readonly liquidationDuration: bigint;
};

/**
 * Share of the margin shortage that may be freed now (`calculate_max_pct_to_liquidate`), LIQUIDATION_PCT_PRECISION:
 * all of it when the shortage is below 50 USD; otherwise `pctFreeable = min(100%, initial + slotsElapsed /
 * duration)` (100% when the duration is 0) of (shortage + margin already freed), minus what was freed, over the
 * shortage.
 */
export function maxPctToLiquidate(input: MaxPctToLiquidateInput): bigint {
  if (input.marginShortage < MAX_PCT_SHORTAGE_THRESHOLD) return LIQUIDATION_PCT_PRECISION;
  const slotsElapsed = sub(input.slot, input.lastActiveSlot);
  const ramp = input.liquidationDuration === 0n ? LIQUIDATION_PCT_PRECISION : div(mul(slotsElapsed, LIQUIDATION_PCT_PRECISION), input.liquidationDuration);
  const pctFreeable = ramp + input.initialPctToLiquidate < LIQUIDATION_PCT_PRECISION ? ramp + input.initialPctToLiquidate : LIQUIDATION_PCT_PRECISION;
  const totalShortage = input.marginShortage + input.liquidationMarginFreed;
  const maxMarginFreed = div(mul(totalShortage, pctFreeable), LIQUIDATION_PCT_PRECISION);
  const freeable = maxMarginFreed > input.liquidationMarginFreed ? maxMarginFreed - input.liquidationMarginFreed : 0n;
  return div(mul(freeable, LIQUIDATION_PCT_PRECISION), input.marginShortage);
}

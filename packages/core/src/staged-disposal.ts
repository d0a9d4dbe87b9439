import { roundToUnits } from './decimal-rounding';

/**
 * Staged disposal of a position the venue took over, as Vega's network does (vegaprotocol/specs
 * 0012-POSR-position_resolution.md; vegaprotocol/vega core/execution/liquidation/engine.go OnTick).
 * Sizes are whole position units (lots).
 */
export type StagedDisposalParams = {
  /** Seconds between disposal attempts. */
  readonly timeStepSeconds: number;
  /** Fraction of the position offered per attempt when it is above `fullDisposalSizeLots` (rounded up). */
  readonly disposalFraction: number;
  /** At or below this size the whole position is offered. */
  readonly fullDisposalSizeLots: number;
  /** Largest fraction of the opposite side's volume within the disposal range one order may take (rounded up). */
  readonly maxFractionConsumed: number;
};

/**
 * Size of the next disposal order in lots: `min(candidate, ceil(available * maxFractionConsumed))` where
 * candidate is `ceil(|position| * disposalFraction)` above the full-disposal size and `|position|` at or below it.
 * Returns 0 when no volume is available (no order is placed, and the next attempt is not rescheduled).
 */
export function disposalOrderLots(positionLots: number, availableLots: number, params: StagedDisposalParams): number {
  const abs = Math.abs(positionLots);
  if (abs === 0 || availableLots <= 0) return 0;
  const candidate = abs > params.fullDisposalSizeLots ? ceilProduct(abs, params.disposalFraction) : abs;
  const cap = ceilProduct(availableLots, params.maxFractionConsumed);
  return Math.min(candidate, cap);
}

/** `ceil(a * b)` as Vega's `Decimal.Mul(...).Ceil()` gives it for decimal inputs ({@link roundToUnits}). */
function ceilProduct(a: number, b: number): number {
  return roundToUnits(a * b, 'ceil');
}

/** One disposal attempt of {@link disposalSchedule}. */
export type DisposalAttempt = {
  readonly attempt: number;
  readonly timeSeconds: number;
  readonly positionBeforeLots: number;
  readonly availableLots: number;
  readonly candidateLots: number;
  readonly maxConsumableLots: number;
  readonly orderLots: number;
  readonly positionAfterLots: number;
};

/**
 * Plays the disposal of a network position against a book whose opposite side offers `availableLots` within
 * the disposal range before each attempt: a fixed number (replenished every time), or one number per attempt
 * (the schedule stops when the list ends). Attempts are `timeStepSeconds` apart; an attempt that finds no volume
 * places no order and does not advance the timer.
 */
export function disposalSchedule(
  positionLots: number,
  availableLots: number | readonly number[],
  params: StagedDisposalParams,
  maxAttempts = 100_000,
): DisposalAttempt[] {
  const attempts: DisposalAttempt[] = [];
  let position = positionLots;
  let time = 0;
  for (let k = 0; position !== 0 && k < maxAttempts; k++) {
    const available = typeof availableLots === 'number' ? availableLots : availableLots[k];
    if (available === undefined) break;
    const abs = Math.abs(position);
    const candidate = abs > params.fullDisposalSizeLots ? ceilProduct(abs, params.disposalFraction) : abs;
    const cap = available > 0 ? ceilProduct(available, params.maxFractionConsumed) : 0;
    const order = disposalOrderLots(position, available, params);
    const after = position - Math.sign(position) * order;
    attempts.push({
      attempt: attempts.length + 1, timeSeconds: time, positionBeforeLots: position, availableLots: available,
      candidateLots: candidate, maxConsumableLots: cap, orderLots: order, positionAfterLots: after,
    });
    position = after;
    if (order > 0) time += params.timeStepSeconds;
  }
  return attempts;
}

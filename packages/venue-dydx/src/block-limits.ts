import { abs, bigClamp, bigMax, bigMin, mulPpm, roundToMultiple } from './big-math';
import { quoteToBaseQuantums } from './quantums';
import { netNotionalQuoteQuantums, type PerpetualMarket } from './subaccount-risk';
import { VenueRuleError } from './venue-rule-error';

/** Per-position limits on what one block may liquidate (`x/clob` PositionBlockLimits). */
export type PositionBlockLimits = {
  /** Smallest notional (quote quantums) a liquidation takes, unless the position is smaller. */
  readonly minPositionNotionalLiquidated: bigint;
  /** Largest share of a position's notional liquidated in one block, ppm. */
  readonly maxPositionPortionLiquidatedPpm: number;
};

/** Per-subaccount limits for one block (`x/clob` SubaccountBlockLimits). */
export type SubaccountBlockLimits = {
  /** Largest notional (quote quantums) liquidated from one subaccount per block. */
  readonly maxNotionalLiquidated: bigint;
  /** Largest insurance fund payout (quote quantums) for one subaccount per block. */
  readonly maxQuantumsInsuranceLost: bigint;
};

/** What a subaccount has had liquidated in the current block (`x/clob` SubaccountLiquidationInfo). */
export type SubaccountLiquidationInfo = {
  readonly perpetualsLiquidated: readonly number[];
  readonly notionalLiquidated: bigint;
  /** Sum of |negative insurance fund deltas| so far this block. */
  readonly quantumsInsuranceLost: bigint;
};

/** A subaccount with nothing liquidated yet this block. */
export const NO_LIQUIDATIONS_THIS_BLOCK: SubaccountLiquidationInfo = {
  perpetualsLiquidated: [],
  notionalLiquidated: 0n,
  quantumsInsuranceLost: 0n,
};

/**
 * Smallest and largest notional of a position one block may liquidate
 * (`x/clob/keeper/liquidations.go` GetMaxAndMinPositionNotionalLiquidatable): with A = |NC(position)|,
 * `min = min(minPositionNotionalLiquidated, A)`, `max = max(min, floor(A * maxPortionPpm / 1e6))`.
 */
export function positionNotionalLiquidatable(
  perpetual: PerpetualMarket,
  quantums: bigint,
  limits: PositionBlockLimits,
): { minQuoteQuantums: bigint; maxQuoteQuantums: bigint } {
  const absNotional = abs(netNotionalQuoteQuantums(perpetual, quantums));
  const minQuoteQuantums = bigMin(limits.minPositionNotionalLiquidated, absNotional);
  const maxQuoteQuantums = bigMax(minQuoteQuantums, mulPpm(absNotional, BigInt(limits.maxPositionPortionLiquidatedPpm), false));
  return { minQuoteQuantums, maxQuoteQuantums };
}

function assertNotLiquidatedThisBlock(info: SubaccountLiquidationInfo, perpetualId: number): void {
  if (info.perpetualsLiquidated.includes(perpetualId)) {
    throw new VenueRuleError('ErrSubaccountHasLiquidatedPerpetual', `perpetual ${perpetualId} was liquidated this block`);
  }
}

/**
 * Notional the subaccount may still have liquidated this block (`liquidations.go`
 * GetSubaccountMaxNotionalLiquidatable): `maxNotionalLiquidated - notionalLiquidated`.
 *
 * @throws {@link VenueRuleError} `ErrSubaccountHasLiquidatedPerpetual` when this perpetual was liquidated this
 * block; a panic `ErrLiquidationExceedsSubaccountMaxNotionalLiquidated` when the limit is already exceeded.
 */
export function subaccountMaxNotionalLiquidatable(
  info: SubaccountLiquidationInfo,
  perpetualId: number,
  limits: SubaccountBlockLimits,
): bigint {
  assertNotLiquidatedThisBlock(info, perpetualId);
  if (info.notionalLiquidated > limits.maxNotionalLiquidated) {
    throw new VenueRuleError('ErrLiquidationExceedsSubaccountMaxNotionalLiquidated', 'notional liquidated exceeds block limit', { panic: true });
  }
  return limits.maxNotionalLiquidated - info.notionalLiquidated;
}

/**
 * Insurance fund payout the subaccount may still cause this block (`liquidations.go`
 * GetSubaccountMaxInsuranceLost): `maxQuantumsInsuranceLost - quantumsInsuranceLost`.
 *
 * @throws {@link VenueRuleError} as {@link subaccountMaxNotionalLiquidatable}, with
 * `ErrLiquidationExceedsSubaccountMaxInsuranceLost` for the panic.
 */
export function subaccountMaxInsuranceLost(
  info: SubaccountLiquidationInfo,
  perpetualId: number,
  limits: SubaccountBlockLimits,
): bigint {
  assertNotLiquidatedThisBlock(info, perpetualId);
  if (info.quantumsInsuranceLost > limits.maxQuantumsInsuranceLost) {
    throw new VenueRuleError('ErrLiquidationExceedsSubaccountMaxInsuranceLost', 'insurance lost exceeds block limit', { panic: true });
  }
  return limits.maxQuantumsInsuranceLost - info.quantumsInsuranceLost;
}

/**
 * Signed base quantums a liquidation of `positionQuantums` takes this block (`liquidations.go`
 * GetLiquidatablePositionSizeDelta). With M = min(position max, subaccount max): the whole position when
 * |NC| <= M or |position| <= step; else `quoteToBase(M)` rounded down to the step and clamped to [step, |position|].
 * The result has the opposite sign of the position.
 *
 * @throws {@link VenueRuleError} `ErrNoPerpetualPositionsToLiquidate` for an empty position, and the errors of
 * {@link subaccountMaxNotionalLiquidatable}.
 */
export function liquidatablePositionSizeDelta(
  perpetual: PerpetualMarket,
  positionQuantums: bigint,
  stepBaseQuantums: bigint,
  positionLimits: PositionBlockLimits,
  subaccountLimits: SubaccountBlockLimits,
  info: SubaccountLiquidationInfo = NO_LIQUIDATIONS_THIS_BLOCK,
): bigint {
  if (positionQuantums === 0n) {
    throw new VenueRuleError('ErrNoPerpetualPositionsToLiquidate', `perpetual ${perpetual.perpetualId}`);
  }
  const { maxQuoteQuantums } = positionNotionalLiquidatable(perpetual, positionQuantums, positionLimits);
  const subaccountMax = subaccountMaxNotionalLiquidatable(info, perpetual.perpetualId, subaccountLimits);
  const maxLiquidatable = bigMin(maxQuoteQuantums, subaccountMax);
  const notional = netNotionalQuoteQuantums(perpetual, positionQuantums);
  const absPosition = abs(positionQuantums);
  if (abs(notional) <= abs(maxLiquidatable) || absPosition <= stepBaseQuantums) return -positionQuantums;
  let absDelta = quoteToBaseQuantums(maxLiquidatable, perpetual.atomicResolution, perpetual.marketPrice);
  absDelta = roundToMultiple(absDelta, stepBaseQuantums, false);
  absDelta = bigClamp(absDelta, stepBaseQuantums, absPosition);
  return positionQuantums > 0n ? -absDelta : absDelta;
}

/**
 * Checks a liquidation fill against the subaccount block limits (`liquidations.go`
 * validateLiquidationAgainstSubaccountBlockLimits): the fill's notional may not exceed what the subaccount may
 * still have liquidated, and a negative insurance delta may not exceed what it may still cost the fund.
 *
 * @throws {@link VenueRuleError} `ErrLiquidationExceedsSubaccountMaxNotionalLiquidated`,
 * `ErrLiquidationExceedsSubaccountMaxInsuranceLost`, or the errors of {@link subaccountMaxNotionalLiquidatable}.
 */
export function validateFillAgainstSubaccountBlockLimits(
  perpetual: PerpetualMarket,
  fillAmountBaseQuantums: bigint,
  insuranceFundDeltaQuoteQuantums: bigint,
  limits: SubaccountBlockLimits,
  info: SubaccountLiquidationInfo = NO_LIQUIDATIONS_THIS_BLOCK,
): void {
  const maxNotional = subaccountMaxNotionalLiquidatable(info, perpetual.perpetualId, limits);
  const notional = netNotionalQuoteQuantums(perpetual, fillAmountBaseQuantums);
  if (abs(notional) > abs(maxNotional)) {
    throw new VenueRuleError('ErrLiquidationExceedsSubaccountMaxNotionalLiquidated', `${notional} > ${maxNotional}`);
  }
  if (insuranceFundDeltaQuoteQuantums < 0n) {
    const maxLost = subaccountMaxInsuranceLost(info, perpetual.perpetualId, limits);
    if (abs(insuranceFundDeltaQuoteQuantums) > abs(maxLost)) {
      throw new VenueRuleError('ErrLiquidationExceedsSubaccountMaxInsuranceLost', `${-insuranceFundDeltaQuoteQuantums} > ${maxLost}`);
    }
  }
}

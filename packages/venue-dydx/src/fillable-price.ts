import { bigClamp, MAX_UINT64, pow10, roundToMultiple } from './big-math';
import { assertClosingDelta } from './bankruptcy-price';
import { rat, ratClamp, ratDiv, ratMul, ratRound, ratSub, type Rational } from './rational';
import {
  getPerpetual,
  positionQuantums,
  positionRisk,
  subaccountRisk,
  type PerpetualMarket,
  type Subaccount,
} from './subaccount-risk';
import { VenueRuleError } from './venue-rule-error';

/** The `FillablePriceConfig` of dYdX's liquidations config. */
export type FillablePriceConfig = {
  /** Scales the adjusted bankruptcy rating (ABR), ppm (1_000_000 = 1x). */
  readonly bankruptcyAdjustmentPpm: number;
  /** Largest liquidation spread as a share of the position's maintenance margin, ppm. */
  readonly spreadToMaintenanceMarginRatioPpm: number;
};

/** A CLOB pair's price and size granularity (`x/clob` ClobPair). */
export type ClobPairParams = {
  /** Converts subticks to quote quantums per base quantum: `price = subticks * 10^qce`. */
  readonly quantumConversionExponent: number;
  /** Order prices are multiples of this many subticks. */
  readonly subticksPerTick: bigint;
  /** Order sizes are multiples of this many base quantums. */
  readonly stepBaseQuantums: bigint;
};

/**
 * Fillable price of a liquidation, an exact rational in quote quantums per base quantum
 * (`x/clob/keeper/liquidations.go` GetFillablePrice):
 * `ABR = clamp((1 - TNC/TMMR) * BA, 0, 1)`, `fillable = (PNNV - ABR * SMMR * PMMR) / PS`, with PNNV and PMMR
 * of the whole position PS (the delta is only validated). Below the oracle price for longs, above for shorts.
 *
 * @throws {@link VenueRuleError} `ErrInvalidPerpetualPositionSizeDelta` for a delta that does not close the position.
 */
export function fillablePrice(
  subaccount: Subaccount,
  perpetuals: readonly PerpetualMarket[],
  perpetualId: number,
  deltaQuantums: bigint,
  config: FillablePriceConfig,
): Rational {
  const position = positionQuantums(subaccount, perpetualId);
  assertClosingDelta(position, deltaQuantums);
  const perpetual = getPerpetual(perpetuals, perpetualId);
  const pos = positionRisk(perpetual, position);
  const total = subaccountRisk(subaccount, perpetuals);
  if (total.mmr === 0n) throw new VenueRuleError('division by zero', 'TMMR is 0', { panic: true });
  const million = 1_000_000n;
  const unboundedAbr = ratMul(ratSub(rat(1n), rat(total.nc, total.mmr)), rat(BigInt(config.bankruptcyAdjustmentPpm), million));
  const abr = ratClamp(unboundedAbr, rat(0n), rat(1n));
  const maxSpread = rat(pos.mmr * BigInt(config.spreadToMaintenanceMarginRatioPpm), million);
  const result = ratDiv(ratSub(rat(pos.nc), ratMul(abr, maxSpread)), rat(position));
  if (result.num < 0n) {
    throw new VenueRuleError('GetFillablePrice: Calculated fillable price is negative', undefined, { panic: true });
  }
  return result;
}

/**
 * Converts a fillable price to order subticks (`liquidations.go` ConvertFillablePriceToSubticks):
 * `fillable / 10^qce`, rounded up (liquidating a long: a sell) or down (a buy), then to a multiple of
 * `subticksPerTick` in the same direction, then clamped to `[subticksPerTick, maxUint64 - maxUint64 % subticksPerTick]`.
 */
export function fillablePriceToSubticks(
  fillable: Rational,
  isLiquidatingLong: boolean,
  clobPair: Pick<ClobPairParams, 'quantumConversionExponent' | 'subticksPerTick'>,
): bigint {
  if (fillable.num < 0n) {
    throw new VenueRuleError('ConvertFillablePriceToSubticks: FillablePrice should not be negative', undefined, { panic: true });
  }
  const qce = clobPair.quantumConversionExponent;
  const subticks = qce < 0 ? rat(fillable.num * pow10(-qce), fillable.den) : rat(fillable.num, fillable.den * pow10(qce));
  const rounded = ratRound(subticks, isLiquidatingLong);
  const aligned = roundToMultiple(rounded, clobPair.subticksPerTick, isLiquidatingLong);
  const max = MAX_UINT64 - (MAX_UINT64 % clobPair.subticksPerTick);
  return bigClamp(aligned, clobPair.subticksPerTick, max);
}

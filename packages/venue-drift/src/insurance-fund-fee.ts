import {
  BASE_PRECISION,
  LIQUIDATION_FEE_PRECISION,
  LIQUIDATION_FEE_TO_MARGIN_PRECISION_RATIO,
  PRICE_PRECISION,
  SPOT_WEIGHT_PRECISION,
} from './precisions';
import { castU32OrMax, div, mul, pow10, saturatingSub } from './safe-math';

/** Inputs of {@link perpIfFee} (Drift precisions). */
export type PerpIfFeeInput = {
  /** QUOTE_PRECISION. */
  readonly marginShortage: bigint;
  /** The user's base amount (absolute), BASE_PRECISION. */
  readonly baseAssetAmount: bigint;
  /** MARGIN_PRECISION. */
  readonly marginRatio: bigint;
  /** LIQUIDATION_FEE_PRECISION. */
  readonly liquidatorFee: bigint;
  /** PRICE_PRECISION. */
  readonly oraclePrice: bigint;
  /** PRICE_PRECISION. */
  readonly quoteOraclePrice: bigint;
  /** The market's insurance-fund liquidation fee (the cap), LIQUIDATION_FEE_PRECISION. */
  readonly maxIfFee: bigint;
};

/**
 * Insurance-fund fee of a perp liquidation, reduced so that it cannot make the user bankrupt
 * (`calculate_perp_if_fee`): `min(maxIfFee, 95% x (marginRatio - liquidatorFee - shortage / (base x price)))`,
 * saturating at 0; 0 when the oracle or quote price or the base is 0, or `marginRatio <= liquidatorFee`.
 * LIQUIDATION_FEE_PRECISION.
 */
export function perpIfFee(input: PerpIfFeeInput): bigint {
  const marginRatio = mul(input.marginRatio, LIQUIDATION_FEE_TO_MARGIN_PRECISION_RATIO);
  if (input.oraclePrice === 0n || input.quoteOraclePrice === 0n || marginRatio <= input.liquidatorFee || input.baseAssetAmount === 0n) return 0n;
  const price = div(mul(input.oraclePrice, input.quoteOraclePrice), PRICE_PRECISION);
  const shortageShare = castU32OrMax(div(mul(div(mul(input.marginShortage, BASE_PRECISION), input.baseAssetAmount), PRICE_PRECISION), price));
  // 95% so that the fee cannot leave deposits exactly equal to the negative pnl (bankruptcy).
  const implied = div(mul(saturatingSub(saturatingSub(marginRatio, input.liquidatorFee), shortageShare), 19n), 20n);
  return input.maxIfFee < implied ? input.maxIfFee : implied;
}

/** Inputs of {@link spotIfFee} (Drift precisions). */
export type SpotIfFeeInput = {
  /** QUOTE_PRECISION. */
  readonly marginShortage: bigint;
  /** The user's liability token amount. */
  readonly tokenAmount: bigint;
  /** SPOT_WEIGHT_PRECISION. */
  readonly assetWeight: bigint;
  /** LIQUIDATION_FEE_PRECISION. */
  readonly assetLiquidationMultiplier: bigint;
  /** SPOT_WEIGHT_PRECISION. */
  readonly liabilityWeight: bigint;
  /** LIQUIDATION_FEE_PRECISION. */
  readonly liabilityLiquidationMultiplier: bigint;
  readonly liabilityDecimals: number;
  /** PRICE_PRECISION. */
  readonly liabilityPrice: bigint;
  /** LIQUIDATION_FEE_PRECISION. */
  readonly maxIfFee: bigint;
};

/**
 * Insurance-fund fee of a spot liquidation (`calculate_spot_if_fee`):
 * `min(maxIfFee, (liabWeight - assetWeight x assetMult / liabMult - shortage / (tokens x price)) / liabWeight)`,
 * weights at LIQUIDATION_FEE_PRECISION, saturating at 0; 0 when the asset weight is at least the liability
 * weight or the price, token amount or liability multiplier is 0.
 */
export function spotIfFee(input: SpotIfFeeInput): bigint {
  if (input.assetWeight >= input.liabilityWeight || input.liabilityPrice === 0n || input.tokenAmount === 0n || input.liabilityLiquidationMultiplier === 0n) {
    return 0n;
  }
  const scale = LIQUIDATION_FEE_PRECISION / SPOT_WEIGHT_PRECISION;
  const liabilityWeight = mul(input.liabilityWeight, scale);
  const assetWeight = mul(input.assetWeight, scale);
  const assetComponent = div(mul(assetWeight, input.assetLiquidationMultiplier), input.liabilityLiquidationMultiplier);
  const shortageShare = div(div(mul(mul(input.marginShortage, LIQUIDATION_FEE_PRECISION), pow10(input.liabilityDecimals)), input.tokenAmount), input.liabilityPrice);
  const implied = castU32OrMax(div(mul(saturatingSub(saturatingSub(liabilityWeight, assetComponent), shortageShare), LIQUIDATION_FEE_PRECISION), liabilityWeight));
  return input.maxIfFee < implied ? input.maxIfFee : implied;
}

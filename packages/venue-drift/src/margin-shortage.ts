import {
  LIQUIDATION_FEE_PRECISION,
  LIQUIDATION_FEE_TO_MARGIN_PRECISION_RATIO,
  PRICE_PRECISION,
  PRICE_TIMES_AMM_TO_QUOTE_PRECISION_RATIO,
  SPOT_WEIGHT_PRECISION,
  U128_MAX,
  U64_MAX,
} from './precisions';
import { castU64, div, mul, pow10, sub } from './safe-math';

/** Inputs of {@link baseAssetAmountToCoverMarginShortage} (Drift precisions). */
export type BaseToCoverInput = {
  /** Margin shortage, QUOTE_PRECISION. */
  readonly marginShortage: bigint;
  /** Maintenance margin ratio (plus liquidation buffer), MARGIN_PRECISION. */
  readonly marginRatio: bigint;
  /** Liquidator fee, LIQUIDATION_FEE_PRECISION. */
  readonly liquidationFee: bigint;
  /** Insurance-fund liquidation fee, LIQUIDATION_FEE_PRECISION. */
  readonly ifLiquidationFee: bigint;
  /** Oracle price, PRICE_PRECISION. */
  readonly oraclePrice: bigint;
  /** Quote asset (USDC) oracle price, PRICE_PRECISION. */
  readonly quoteOraclePrice: bigint;
};

/**
 * Base amount (BASE_PRECISION) a perp liquidation must transfer to cover a margin shortage
 * (protocol-v2 `math/liquidation.rs` `calculate_base_asset_amount_to_cover_margin_shortage`):
 * `shortage x 1e9 / (oracle x quoteOracle / 1e6 x (marginRatio x 100 - liqFee) / 1e6 - oracle x ifFee / 1e6)`,
 * every division floored. Returns `u64::MAX` when the oracle price is 0 or `marginRatio <= liquidatorFee`.
 *
 * @throws {@link VenueRuleError} `MathError` (division by zero, underflow) or `CastingFailure` (above u64).
 */
export function baseAssetAmountToCoverMarginShortage(input: BaseToCoverInput): bigint {
  const marginRatio = mul(input.marginRatio, LIQUIDATION_FEE_TO_MARGIN_PRECISION_RATIO);
  if (input.oraclePrice === 0n || marginRatio <= input.liquidationFee) return U64_MAX;
  const price = div(mul(input.oraclePrice, input.quoteOraclePrice), PRICE_PRECISION);
  const freedPerBase = div(mul(price, sub(marginRatio, input.liquidationFee)), LIQUIDATION_FEE_PRECISION);
  const ifFeePerBase = div(mul(input.oraclePrice, input.ifLiquidationFee), LIQUIDATION_FEE_PRECISION);
  return castU64(div(mul(input.marginShortage, PRICE_TIMES_AMM_TO_QUOTE_PRECISION_RATIO), sub(freedPerBase, ifFeePerBase)));
}

/** Inputs of {@link liabilityTransferToCoverMarginShortage} (Drift precisions). */
export type LiabilityToCoverInput = {
  /** QUOTE_PRECISION. */
  readonly marginShortage: bigint;
  /** SPOT_WEIGHT_PRECISION. */
  readonly assetWeight: bigint;
  /** LIQUIDATION_FEE_PRECISION (1e6 = no premium). */
  readonly assetLiquidationMultiplier: bigint;
  /** SPOT_WEIGHT_PRECISION. */
  readonly liabilityWeight: bigint;
  /** LIQUIDATION_FEE_PRECISION. */
  readonly liabilityLiquidationMultiplier: bigint;
  /** Token decimals of the liability. */
  readonly liabilityDecimals: number;
  /** PRICE_PRECISION. */
  readonly liabilityPrice: bigint;
  /** LIQUIDATION_FEE_PRECISION. */
  readonly ifLiquidationFee: bigint;
};

/**
 * Liability token amount a spot (or borrow-for-perp-pnl) liquidation must transfer to cover a margin shortage
 * (`calculate_liability_transfer_to_cover_margin_shortage`). Weights are multiplied by 10 for precision; the asset
 * component `assetWeight x 10 x assetMult / liabilityMult` is floored. Returns `u128::MAX` when the asset weight is
 * at least the liability weight, or the asset component at least the liability component (no finite transfer
 * covers the shortage).
 */
export function liabilityTransferToCoverMarginShortage(input: LiabilityToCoverInput): bigint {
  if (input.assetWeight >= input.liabilityWeight) return U128_MAX;
  const [numeratorScale, denominatorScale] =
    input.liabilityDecimals > 6 ? [pow10(input.liabilityDecimals - 6), 1n] : [1n, pow10(6 - input.liabilityDecimals)];
  const liabilityComponent = mul(input.liabilityWeight, 10n);
  const assetComponent = div(mul(mul(input.assetWeight, 10n), input.assetLiquidationMultiplier), input.liabilityLiquidationMultiplier);
  if (assetComponent >= liabilityComponent) return U128_MAX;
  const ifComponent = mul(mul(div(mul(input.liabilityPrice, input.ifLiquidationFee), LIQUIDATION_FEE_PRECISION), input.liabilityWeight), 10n);
  const denominator = sub(mul(input.liabilityPrice, sub(liabilityComponent, assetComponent)), ifComponent);
  const numerator = mul(mul(input.marginShortage, numeratorScale), PRICE_PRECISION * SPOT_WEIGHT_PRECISION * 10n);
  return div(div(numerator, denominator), denominatorScale);
}

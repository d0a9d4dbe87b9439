import { PRICE_PRECISION, QUOTE_PRECISION } from './precisions';
import { div, divCeil, mul, pow10 } from './safe-math';
import { VenueRuleError } from './venue-rule-error';

/** One side of a spot liquidation: token amount, decimals, oracle price and liquidation multiplier. */
export type TransferLeg = {
  /** Token decimals. */
  readonly decimals: number;
  /** Oracle price, PRICE_PRECISION. */
  readonly price: bigint;
  /** Liquidation multiplier, LIQUIDATION_FEE_PRECISION (asset premium > 1e6, liability discount < 1e6). */
  readonly liquidationMultiplier: bigint;
};

/**
 * Liability amount a liquidator takes on for `assetAmount` of the asset
 * (`calculate_liability_transfer_implied_by_asset_amount`):
 * `asset x assetPrice x liabMult / (liabPrice x assetMult)`, decimals rescaled, both divisions rounded up.
 */
export function liabilityTransferImpliedByAssetAmount(assetAmount: bigint, asset: TransferLeg, liability: TransferLeg): bigint {
  const [numeratorScale, denominatorScale] =
    liability.decimals > asset.decimals ? [pow10(liability.decimals - asset.decimals), 1n] : [1n, pow10(asset.decimals - liability.decimals)];
  const numerator = mul(mul(mul(assetAmount, numeratorScale), asset.price), liability.liquidationMultiplier);
  return divCeil(divCeil(numerator, mul(liability.price, asset.liquidationMultiplier)), denominatorScale);
}

/**
 * Asset amount a liquidator receives for `liabilityAmount` of the liability, with no rounding to the whole deposit
 * (`calculate_asset_transfer_for_liability_transfer` before its whole-deposit step):
 * `liability x liabPrice x assetMult / (assetPrice x liabMult)`, decimals rescaled, floored, at least 1.
 */
export function assetTransferForLiabilityTransferExact(liabilityAmount: bigint, asset: TransferLeg, liability: TransferLeg): bigint {
  const [numeratorScale, denominatorScale] =
    asset.decimals > liability.decimals ? [pow10(asset.decimals - liability.decimals), 1n] : [1n, pow10(liability.decimals - asset.decimals)];
  const numerator = mul(mul(mul(liabilityAmount, numeratorScale), liability.price), asset.liquidationMultiplier);
  const transfer = div(div(numerator, mul(asset.price, liability.liquidationMultiplier)), denominatorScale);
  return transfer > 1n ? transfer : 1n;
}

/**
 * Asset amount for a liability transfer (`calculate_asset_transfer_for_liability_transfer`): the exact amount,
 * replaced by the user's whole asset balance `assetAmount` when the two differ by less than 1 USD of value
 * (so no dust deposit is left behind).
 */
export function assetTransferForLiabilityTransfer(assetAmount: bigint, liabilityAmount: bigint, asset: TransferLeg, liability: TransferLeg): bigint {
  const transfer = assetTransferForLiabilityTransferExact(liabilityAmount, asset, liability);
  const [valueNumeratorScale, valueDenominatorScale] = asset.decimals > 6 ? [pow10(asset.decimals - 6), 1n] : [1n, pow10(6 - asset.decimals)];
  const delta = transfer > assetAmount ? transfer - assetAmount : assetAmount - transfer;
  const valueDelta = div(mul(div(mul(delta, asset.price), PRICE_PRECISION), valueNumeratorScale), valueDenominatorScale);
  return valueDelta < QUOTE_PRECISION ? assetAmount : transfer;
}

/**
 * Price of a transfer, asset units paid per liability unit (`math/spot_swap.rs` `calculate_swap_price`):
 * `asset x 1e6 / 10^assetDecimals x 10^liabilityDecimals / liability`, PRICE_PRECISION, floored.
 */
export function swapPrice(assetAmount: bigint, liabilityAmount: bigint, assetDecimals: number, liabilityDecimals: number): bigint {
  return div(mul(div(mul(assetAmount, PRICE_PRECISION), pow10(assetDecimals)), pow10(liabilityDecimals)), liabilityAmount);
}

/** Result of a liquidation transfer check. */
export type TransferCheck = {
  readonly valid: boolean;
  /** The transfer's price, PRICE_PRECISION. */
  readonly price: bigint;
  /** The bound it must meet, PRICE_PRECISION. */
  readonly boundPrice: bigint;
};

/**
 * Whether a liquidation transfer satisfies the liquidator's limit price (`validate_transfer_satisfies_limit_price`):
 * `swapPrice(asset, liability) >= limitPrice` (no limit: always valid).
 */
export function checkTransferSatisfiesLimitPrice(
  assetTransfer: bigint,
  liabilityTransfer: bigint,
  assetDecimals: number,
  liabilityDecimals: number,
  limitPrice: bigint | null,
): TransferCheck {
  if (limitPrice === null) return { valid: true, price: 0n, boundPrice: 0n };
  const price = swapPrice(assetTransfer, liabilityTransfer, assetDecimals, liabilityDecimals);
  return { valid: price >= limitPrice, price, boundPrice: limitPrice };
}

/**
 * Whether a swap-backed liquidation stays within bounds (`validate_swap_within_liquidation_boundaries`): the
 * liability paid per asset, `liability x 1e6 / 10^liabDec x 10^assetDec / asset`, must be at least the worst case
 * `assetPrice x 1e6 x liabMult / liabPrice / assetMult` (the asset sold at most at the liquidation premium).
 */
export function checkSwapWithinLiquidationBoundaries(
  assetTransfer: bigint,
  liabilityTransfer: bigint,
  asset: TransferLeg,
  liability: TransferLeg,
): TransferCheck {
  const price = div(mul(div(mul(liabilityTransfer, PRICE_PRECISION), pow10(liability.decimals)), pow10(asset.decimals)), assetTransfer);
  const boundPrice = div(div(mul(mul(asset.price, PRICE_PRECISION), liability.liquidationMultiplier), liability.price), asset.liquidationMultiplier);
  return { valid: price >= boundPrice, price, boundPrice };
}

/** {@link checkSwapWithinLiquidationBoundaries} as the program enforces it. @throws {@link VenueRuleError} `InvalidLiquidation`. */
export function validateSwapWithinLiquidationBoundaries(assetTransfer: bigint, liabilityTransfer: bigint, asset: TransferLeg, liability: TransferLeg): void {
  if (!checkSwapWithinLiquidationBoundaries(assetTransfer, liabilityTransfer, asset, liability).valid) throw new VenueRuleError('InvalidLiquidation');
}

/** {@link checkTransferSatisfiesLimitPrice} as the program enforces it. @throws {@link VenueRuleError} `LiquidationDoesntSatisfyLimitPrice`. */
export function validateTransferSatisfiesLimitPrice(
  assetTransfer: bigint,
  liabilityTransfer: bigint,
  assetDecimals: number,
  liabilityDecimals: number,
  limitPrice: bigint | null,
): void {
  if (!checkTransferSatisfiesLimitPrice(assetTransfer, liabilityTransfer, assetDecimals, liabilityDecimals, limitPrice).valid) {
    throw new VenueRuleError('LiquidationDoesntSatisfyLimitPrice');
  }
}

import { applyFactor, roundUpDivision } from './fixed-point';
import type { GmxPosition } from './liquidatable';
import { positionPnlUsd, type GmxPrice } from './position-pnl';

/** Inputs of {@link liquidationPayout}: the whole position is closed at the oracle prices. */
export type GmxLiquidationPayoutInput = {
  readonly position: GmxPosition;
  readonly indexTokenPrice: GmxPrice;
  readonly collateralTokenPrice: GmxPrice;
  /** Close fee factor (30 decimals). */
  readonly positionFeeFactor: bigint;
  /** Liquidation fee factor (30 decimals). */
  readonly liquidationFeeFactor: bigint;
  /** Price impact of the close, USD with 30 decimals (negative is a cost); default 0. */
  readonly priceImpactUsd?: bigint;
};

/** Where the collateral of a liquidated position goes, in collateral-token units. */
export type GmxLiquidationPayout = {
  /** Collateral-token amount paid to the account: what is left of the collateral plus profit. */
  readonly userReceivesAmount: bigint;
  /** Collateral taken by the pool for the position's losses and negative impact. */
  readonly poolReceivesAmount: bigint;
  /** Close and liquidation fees collected (fee receivers and pool). */
  readonly feesAmount: bigint;
  /** Loss beyond the collateral, USD with 30 decimals, borne by the pool (GMX has no insurance fund). */
  readonly badDebtUsd: bigint;
};

/**
 * How a liquidation pays out (gmx-synthetics `DecreasePositionCollateralUtils.processCollateral`, simplified to a
 * full close with `SwapPnlTokenToCollateralToken`): profit is paid at `collateralPrice.max` into the collateral
 * token; a loss (and negative price impact) is taken from the collateral at `collateralPrice.min`, rounded up,
 * at most the whole collateral; then the close fee and the liquidation fee are taken from what is left. Loss
 * beyond the collateral is not charged to the account. Swap fees and impact of the profit swap, borrowing and
 * funding fees are not modelled.
 */
export function liquidationPayout(input: GmxLiquidationPayoutInput): GmxLiquidationPayout {
  const { position } = input;
  const pnl = positionPnlUsd(position.isLong, position.sizeInUsd, position.sizeInTokens, input.indexTokenPrice) + (input.priceImpactUsd ?? 0n);
  let remaining = position.collateralAmount;
  let poolReceivesAmount = 0n;
  let badDebtUsd = 0n;
  if (pnl > 0n) {
    remaining += pnl / input.collateralTokenPrice.max;
  } else if (pnl < 0n) {
    const lossAmount = roundUpDivision(-pnl, input.collateralTokenPrice.min);
    poolReceivesAmount = lossAmount < remaining ? lossAmount : remaining;
    if (lossAmount > remaining) badDebtUsd = -pnl - remaining * input.collateralTokenPrice.min;
    remaining -= poolReceivesAmount;
  }
  const feeUsd = applyFactor(position.sizeInUsd, input.positionFeeFactor) + applyFactor(position.sizeInUsd, input.liquidationFeeFactor);
  const feeAmount = roundUpDivision(feeUsd, input.collateralTokenPrice.min);
  const feesAmount = feeAmount < remaining ? feeAmount : remaining;
  remaining -= feesAmount;
  return { userReceivesAmount: remaining, poolReceivesAmount, feesAmount, badDebtUsd };
}

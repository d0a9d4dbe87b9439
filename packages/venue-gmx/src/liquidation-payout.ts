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
  /**
   * The pool's net change in the collateral token: what it takes for the loss and negative impact (and fees paid
   * only in part), less the profit and positive impact it pays out (negative when the position closes in profit).
   */
  readonly poolReceivesAmount: bigint;
  /** Close and liquidation fees collected (fee receivers and pool). */
  readonly feesAmount: bigint;
  /**
   * The cost left unpaid when the collateral runs out (GMX's `remainingCostUsd`: unpaid collateral tokens at
   * `collateralPrice.min`), USD with 30 decimals, borne by the pool (GMX has no insurance fund).
   */
  readonly badDebtUsd: bigint;
};

/**
 * How a liquidation pays out (gmx-synthetics `DecreasePositionCollateralUtils.processCollateral`, for a full close
 * with `SwapPnlTokenToCollateralToken`): profit and positive price impact are paid at `collateralPrice.max` (rounded
 * down) on top of the collateral; then the costs are paid one by one, each converted to collateral tokens at
 * `collateralPrice.min` and rounded up (`payForCost`): the loss, the fees, the negative price impact. The fees are
 * the close fee rounded down plus the liquidation fee rounded up (`PositionPricingUtils.getPositionFees`). When a
 * cost cannot be paid in full the close is insolvent and stops there (`handleEarlyReturn`): what is left of that
 * cost is bad debt, later costs are not charged, and fees paid only in part go to the pool as fees are emptied.
 * Swap fees and impact of the profit swap, borrowing and funding fees are not modelled.
 */
export function liquidationPayout(input: GmxLiquidationPayoutInput): GmxLiquidationPayout {
  const { position, collateralTokenPrice: price } = input;
  const pnl = positionPnlUsd(position.isLong, position.sizeInUsd, position.sizeInTokens, input.indexTokenPrice);
  const impact = input.priceImpactUsd ?? 0n;
  // Profit and positive impact are paid out of the pool (`applyDeltaToPoolAmount(-deductionAmountForPool)`).
  const paidOut = (pnl > 0n ? pnl / price.max : 0n) + (impact > 0n ? impact / price.max : 0n);
  let available = position.collateralAmount + paidOut;
  let poolReceivesAmount = -paidOut;
  // Takes up to `costAmount` collateral tokens (`payForCost`); returns how many it took.
  const take = (costAmount: bigint): bigint => {
    const paid = costAmount < available ? costAmount : available;
    available -= paid;
    return paid;
  };
  const payout = (feesAmount: bigint, unpaidAmount: bigint): GmxLiquidationPayout => ({
    userReceivesAmount: available,
    poolReceivesAmount,
    feesAmount,
    badDebtUsd: unpaidAmount * price.min,
  });
  if (pnl < 0n) {
    const loss = roundUpDivision(-pnl, price.min);
    const paid = take(loss);
    poolReceivesAmount += paid;
    if (paid < loss) return payout(0n, loss - paid);
  }
  const fees = applyFactor(position.sizeInUsd, input.positionFeeFactor) / price.min + roundUpDivision(applyFactor(position.sizeInUsd, input.liquidationFeeFactor), price.min);
  const paidFees = take(fees);
  if (paidFees < fees) {
    poolReceivesAmount += paidFees;
    return payout(0n, fees - paidFees);
  }
  if (impact < 0n) {
    const cost = roundUpDivision(-impact, price.min);
    const paid = take(cost);
    poolReceivesAmount += paid;
    if (paid < cost) return payout(fees, cost - paid);
  }
  return payout(fees, 0n);
}

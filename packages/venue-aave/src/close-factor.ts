import { type AaveLiquidationConstants, aaveLiquidationConstants } from './aave-constants';
import { assetUnit } from './account-data';
import { percentMul } from './percentage-math';

/** Input of {@link maxLiquidatableDebt}. */
export type CloseFactorInput = {
  /** The borrower's debt in the reserve being repaid, token wei. */
  readonly reserveDebt: bigint;
  /** Its value in base currency. */
  readonly reserveDebtBase: bigint;
  /** The value of the borrower's collateral in the reserve being seized, base currency. */
  readonly reserveCollateralBase: bigint;
  /** The borrower's total debt, base currency. */
  readonly totalDebtBase: bigint;
  /** The borrower's health factor, wad. */
  readonly healthFactor: bigint;
  readonly debtPrice: bigint;
  readonly debtDecimals: number;
};

/** How much debt one liquidation may repay, and under which close factor. */
export type CloseFactorResult = {
  /** 5000 when the 50% regime applies (HF above 0.95 and both values at least 2000), else 10000. */
  readonly closeFactorBps: bigint;
  /** Debt token wei the liquidation may repay at most. */
  readonly maxLiquidatableDebt: bigint;
};

/**
 * Aave v3.3+ close factor (LiquidationLogic.sol `executeLiquidationCall`): the whole reserve debt may be
 * repaid, unless the reserve's collateral and debt are both worth at least 2000 and HF > 0.95; then, when the
 * reserve's debt is more than half of the total debt, at most floor(percentMul(totalDebt, 50%) * 10^dec / price).
 */
export function maxLiquidatableDebt(
  input: CloseFactorInput,
  constants: AaveLiquidationConstants = aaveLiquidationConstants,
): CloseFactorResult {
  const halfRegime =
    input.reserveCollateralBase >= constants.minBaseMaxCloseFactorThreshold &&
    input.reserveDebtBase >= constants.minBaseMaxCloseFactorThreshold &&
    input.healthFactor > constants.closeFactorHfThresholdWad;
  if (halfRegime) {
    const defaultLiquidatableBase = percentMul(input.totalDebtBase, constants.defaultLiquidationCloseFactorBps);
    if (input.reserveDebtBase > defaultLiquidatableBase) {
      return {
        closeFactorBps: constants.defaultLiquidationCloseFactorBps,
        maxLiquidatableDebt: (defaultLiquidatableBase * assetUnit(input.debtDecimals)) / input.debtPrice,
      };
    }
    return { closeFactorBps: constants.defaultLiquidationCloseFactorBps, maxLiquidatableDebt: input.reserveDebt };
  }
  return { closeFactorBps: 10_000n, maxLiquidatableDebt: input.reserveDebt };
}

import { type AaveLiquidationConstants, aaveLiquidationConstants } from './aave-constants';
import { type AaveAccount, calculateAccountData, collateralBase, debtBase } from './account-data';
import { maxLiquidatableDebt } from './close-factor';
import { type CollateralAmounts, availableCollateralToLiquidate } from './collateral-amounts';
import { VenueRuleError } from './venue-rule-error';

/** Input of {@link liquidationCall}. */
export type LiquidationCallInput = {
  readonly account: AaveAccount;
  /** The collateral asset to seize (an entry of `account.collateral`). */
  readonly collateralAsset: string;
  /** The debt asset to repay (an entry of `account.debt`). */
  readonly debtAsset: string;
  /** Debt token wei the liquidator offers to repay (2^256 - 1 for as much as allowed). */
  readonly debtToCover: bigint;
  /** The collateral reserve's liquidation bonus, bps including the principal (10500). */
  readonly liquidationBonus: bigint;
  /** The collateral reserve's protocol fee, bps of the bonus (1000). */
  readonly liquidationProtocolFee: bigint;
};

/** What `Pool.liquidationCall` did. Collateral amounts in collateral wei, debt in debt wei. */
export type LiquidationCallResult = CollateralAmounts & {
  readonly healthFactorBefore: bigint;
  readonly totalCollateralBase: bigint;
  readonly totalDebtBase: bigint;
  readonly reserveDebtBase: bigint;
  readonly reserveCollateralBase: bigint;
  readonly closeFactorBps: bigint;
  readonly maxLiquidatableDebt: bigint;
  /** min(debtToCover, maxLiquidatableDebt): the debt the liquidator asked to repay. */
  readonly debtToLiquidate: bigint;
  /** The borrower's debt in the reserve after the repayment (before any deficit write-off). */
  readonly debtLeft: bigint;
  /** The borrower's collateral balance in the reserve after the liquidation. */
  readonly collateralLeft: bigint;
  /** True when the seized value equals the borrower's whole collateral: remaining debt becomes deficit. */
  readonly hasNoCollateralLeft: boolean;
  /** Debt of the repaid reserve written off as reserve deficit (bad debt). */
  readonly deficitCreated: bigint;
  /** Other debt reserves of the borrower written off as deficit, by asset. */
  readonly otherDeficits: Readonly<Record<string, bigint>>;
};

/**
 * Aave v3 `Pool.liquidationCall` (aave-v3-origin LiquidationLogic.sol `executeLiquidationCall`, v3.3 close
 * factor and bad-debt rules, v3.7 rounding): checks HF < 1, applies the close factor, computes the seized
 * collateral and protocol fee, enforces the dust rule and writes off the rest of the debt as deficit when no
 * collateral is left.
 *
 * @throws {@link VenueRuleError} `HealthFactorNotBelowThreshold`, `CollateralCannotBeLiquidated`,
 * `SpecifiedCurrencyNotBorrowedByUser`, `MustNotLeaveDust`.
 */
export function liquidationCall(
  input: LiquidationCallInput,
  constants: AaveLiquidationConstants = aaveLiquidationConstants,
): LiquidationCallResult {
  const data = calculateAccountData(input.account);
  const collateral = input.account.collateral.find((c) => c.asset === input.collateralAsset);
  const debt = input.account.debt.find((d) => d.asset === input.debtAsset);
  if (data.healthFactor >= constants.healthFactorLiquidationThresholdWad) {
    throw new VenueRuleError('HealthFactorNotBelowThreshold', { health_factor: data.healthFactor.toString() });
  }
  if (collateral === undefined || collateral.liquidationThreshold === 0n || collateral.balance === 0n) {
    throw new VenueRuleError('CollateralCannotBeLiquidated');
  }
  if (debt === undefined || debt.balance === 0n) throw new VenueRuleError('SpecifiedCurrencyNotBorrowedByUser');

  const reserveDebtBase = debtBase(debt.balance, debt.price, debt.decimals);
  const reserveCollateralBase = collateralBase(collateral.balance, collateral.price, collateral.decimals);
  const close = maxLiquidatableDebt(
    {
      reserveDebt: debt.balance,
      reserveDebtBase,
      reserveCollateralBase,
      totalDebtBase: data.totalDebtBase,
      healthFactor: data.healthFactor,
      debtPrice: debt.price,
      debtDecimals: debt.decimals,
    },
    constants,
  );
  const debtToLiquidate = input.debtToCover > close.maxLiquidatableDebt ? close.maxLiquidatableDebt : input.debtToCover;
  const amounts = availableCollateralToLiquidate({
    debtToCover: debtToLiquidate,
    collateralBalance: collateral.balance,
    collateralPrice: collateral.price,
    collateralDecimals: collateral.decimals,
    debtPrice: debt.price,
    debtDecimals: debt.decimals,
    liquidationBonus: input.liquidationBonus,
    liquidationProtocolFee: input.liquidationProtocolFee,
  });

  // Dust rule (v3.3+): liquidate all debt, or all collateral, or leave at least MIN_LEFTOVER_BASE of both.
  const collateralTaken = amounts.collateralToLiquidator + amounts.liquidationProtocolFee;
  if (amounts.debtAmountNeeded < debt.balance && collateralTaken < collateral.balance) {
    const debtLeftBase = debtBase(debt.balance - amounts.debtAmountNeeded, debt.price, debt.decimals);
    const collateralLeftBase = collateralBase(collateral.balance - collateralTaken, collateral.price, collateral.decimals);
    if (debtLeftBase < constants.minLeftoverBase || collateralLeftBase < constants.minLeftoverBase) {
      throw new VenueRuleError('MustNotLeaveDust', {
        debt_left_base: debtLeftBase.toString(),
        collateral_left_base: collateralLeftBase.toString(),
      });
    }
  }

  const debtLeft = debt.balance - amounts.debtAmountNeeded;
  const hasNoCollateralLeft = data.totalCollateralBase === amounts.collateralSeizedBase;
  const otherDeficits: Record<string, bigint> = {};
  if (hasNoCollateralLeft) {
    for (const d of input.account.debt) {
      if (d.asset !== debt.asset && d.balance > 0n) otherDeficits[d.asset] = d.balance;
    }
  }
  return {
    ...amounts,
    healthFactorBefore: data.healthFactor,
    totalCollateralBase: data.totalCollateralBase,
    totalDebtBase: data.totalDebtBase,
    reserveDebtBase,
    reserveCollateralBase,
    closeFactorBps: close.closeFactorBps,
    maxLiquidatableDebt: close.maxLiquidatableDebt,
    debtToLiquidate,
    debtLeft,
    collateralLeft: collateral.balance - collateralTaken,
    hasNoCollateralLeft,
    deficitCreated: hasNoCollateralLeft ? debtLeft : 0n,
    otherDeficits,
  };
}

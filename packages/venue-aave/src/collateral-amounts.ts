import { assetUnit } from './account-data';
import { PERCENTAGE_FACTOR, ceilDiv, percentDivFloor, percentMulCeil, percentMulFloor } from './percentage-math';

/** Input of {@link availableCollateralToLiquidate}. */
export type CollateralAmountsInput = {
  /** Debt token wei the liquidator repays (after the close factor). */
  readonly debtToCover: bigint;
  /** The borrower's balance of the collateral being seized, token wei. */
  readonly collateralBalance: bigint;
  readonly collateralPrice: bigint;
  readonly collateralDecimals: number;
  readonly debtPrice: bigint;
  readonly debtDecimals: number;
  /** Liquidation bonus, bps including the principal (10500 = 5% bonus). */
  readonly liquidationBonus: bigint;
  /** Share of the bonus paid to the treasury, bps (1000 = 10%). */
  readonly liquidationProtocolFee: bigint;
};

/** How a liquidation splits the seized collateral. Collateral amounts in collateral wei, debt in debt wei. */
export type CollateralAmounts = {
  /** Collateral worth the debt repaid, before the bonus. */
  readonly baseCollateral: bigint;
  /** `baseCollateral` with the bonus, rounded down. */
  readonly maxCollateralToLiquidate: bigint;
  /** True when the borrower holds less than `maxCollateralToLiquidate`: all of it is seized. */
  readonly cappedByCollateral: boolean;
  /** Collateral taken from the borrower (liquidator's share plus protocol fee). */
  readonly collateralSeized: bigint;
  /** Debt actually repaid. */
  readonly debtAmountNeeded: bigint;
  /** The bonus part of the seized collateral (0 when the protocol fee is 0: the contract skips the split). */
  readonly bonusCollateral: bigint;
  /** The treasury's share of the bonus, rounded up. */
  readonly liquidationProtocolFee: bigint;
  /** What the liquidator receives. */
  readonly collateralToLiquidator: bigint;
  /** Value of `collateralSeized` in base currency, rounded down. */
  readonly collateralSeizedBase: bigint;
};

/**
 * `LiquidationLogic._calculateAvailableCollateralToLiquidate` with the v3.7 rounding
 * (aave-v3-origin docs/3.7/liquidation-rounding.md): maxCollateral = percentMulFloor(base, bonus); when the
 * borrower holds less, all of it is seized and the debt repaid is ceil(value / bonus); bonus = seized -
 * percentDivFloor(seized, bonus); protocol fee = percentMulCeil(bonus, fee).
 */
export function availableCollateralToLiquidate(input: CollateralAmountsInput): CollateralAmounts {
  const collateralUnit = assetUnit(input.collateralDecimals);
  const debtUnit = assetUnit(input.debtDecimals);
  const baseCollateral =
    (input.debtPrice * input.debtToCover * collateralUnit) / (input.collateralPrice * debtUnit);
  const maxCollateralToLiquidate = percentMulFloor(baseCollateral, input.liquidationBonus);
  const cappedByCollateral = maxCollateralToLiquidate > input.collateralBalance;
  let collateralSeized: bigint;
  let debtAmountNeeded: bigint;
  if (cappedByCollateral) {
    collateralSeized = input.collateralBalance;
    const debtValue = (input.collateralPrice * collateralSeized * debtUnit) / (input.debtPrice * collateralUnit);
    debtAmountNeeded = ceilDiv(debtValue * PERCENTAGE_FACTOR, input.liquidationBonus);
  } else {
    collateralSeized = maxCollateralToLiquidate;
    debtAmountNeeded = input.debtToCover;
  }
  // As in the contract, the bonus split is only computed when there is a protocol fee (else both stay 0).
  let bonusCollateral = 0n;
  let liquidationProtocolFee = 0n;
  if (input.liquidationProtocolFee !== 0n) {
    bonusCollateral = collateralSeized - percentDivFloor(collateralSeized, input.liquidationBonus);
    liquidationProtocolFee = percentMulCeil(bonusCollateral, input.liquidationProtocolFee);
  }
  return {
    baseCollateral,
    maxCollateralToLiquidate,
    cappedByCollateral,
    collateralSeized,
    debtAmountNeeded,
    bonusCollateral,
    liquidationProtocolFee,
    collateralToLiquidator: collateralSeized - liquidationProtocolFee,
    collateralSeizedBase: (collateralSeized * input.collateralPrice) / collateralUnit,
  };
}

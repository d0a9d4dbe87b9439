import { MAX_UINT256, ceilDiv, wadDiv } from './percentage-math';

/** A collateral balance of an Aave account with its reserve's price and configuration. */
export type AaveCollateralPosition = {
  readonly asset: string;
  /** aToken balance in token wei. */
  readonly balance: bigint;
  /** Oracle price in base currency (USD, 8 decimals). */
  readonly price: bigint;
  readonly decimals: number;
  /** Liquidation threshold, bps (8600 = 86%); 0 means the asset does not count as collateral. */
  readonly liquidationThreshold: bigint;
};

/** A debt balance of an Aave account. */
export type AaveDebtPosition = {
  readonly asset: string;
  /** Variable debt in token wei. */
  readonly balance: bigint;
  /** Oracle price in base currency (USD, 8 decimals). */
  readonly price: bigint;
  readonly decimals: number;
};

/** An Aave account: collateral enabled as such, and debts. */
export type AaveAccount = {
  readonly collateral: readonly AaveCollateralPosition[];
  readonly debt: readonly AaveDebtPosition[];
};

/** `GenericLogic.calculateUserAccountData`: totals in base currency, average threshold and health factor. */
export type AaveAccountData = {
  readonly totalCollateralBase: bigint;
  readonly totalDebtBase: bigint;
  /** Collateral-weighted liquidation threshold, bps (floor). */
  readonly avgLiquidationThreshold: bigint;
  /** Health factor, wad; 2^256 - 1 without debt. */
  readonly healthFactor: bigint;
};

/** 10^decimals as a bigint. */
export function assetUnit(decimals: number): bigint {
  return 10n ** BigInt(decimals);
}

/** Value of a collateral balance in base currency, rounded down: floor(balance * price / 10^decimals). */
export function collateralBase(balance: bigint, price: bigint, decimals: number): bigint {
  return (balance * price) / assetUnit(decimals);
}

/** Value of a debt balance in base currency, rounded up: ceil(balance * price / 10^decimals). */
export function debtBase(balance: bigint, price: bigint, decimals: number): bigint {
  return ceilDiv(balance * price, assetUnit(decimals));
}

/**
 * Aave v3 account data (aave-v3-origin GenericLogic.sol, with the rounding of vectors/lending.json
 * `aave_health_factor`): collateral valued down, debt valued up; HF = floor(wadDiv(sum collateral_i * LT_i,
 * total debt) / 1e4); collateral with a zero threshold is not counted.
 */
export function calculateAccountData(account: AaveAccount): AaveAccountData {
  let totalCollateralBase = 0n;
  let weighted = 0n;
  for (const c of account.collateral) {
    if (c.liquidationThreshold === 0n) continue;
    const value = collateralBase(c.balance, c.price, c.decimals);
    totalCollateralBase += value;
    weighted += value * c.liquidationThreshold;
  }
  let totalDebtBase = 0n;
  for (const d of account.debt) totalDebtBase += debtBase(d.balance, d.price, d.decimals);
  const avgLiquidationThreshold = totalCollateralBase === 0n ? 0n : weighted / totalCollateralBase;
  const healthFactor = totalDebtBase === 0n ? MAX_UINT256 : wadDiv(weighted, totalDebtBase) / 10_000n;
  return { totalCollateralBase, totalDebtBase, avgLiquidationThreshold, healthFactor };
}

import { type BaseIndices, mulFactor, mulPrice, presentValue, storedFactor } from './comet-math';

/** The base asset's indices, oracle price (USD, 8 decimals) and scale (10^decimals). */
export type CometBaseState = BaseIndices & {
  readonly basePrice: bigint;
  readonly baseScale: bigint;
};

/** One collateral asset an account holds, with its oracle price. */
export type CometCollateralHolding = {
  readonly asset: string;
  /** Balance in asset wei. */
  readonly balance: bigint;
  /** Oracle price, USD with 8 decimals. */
  readonly price: bigint;
  /** 10^decimals of the asset. */
  readonly scale: bigint;
};

/** Input of {@link accountLiquidity}: the account's base principal and collateral in asset order. */
export type CometLiquidityInput = CometBaseState & {
  /** Base principal in base wei (negative = borrow). */
  readonly principal: bigint;
  readonly collateral: readonly (CometCollateralHolding & {
    /** The factor that applies (liquidateCollateralFactor or borrowCollateralFactor), 1e18. */
    readonly factor: bigint;
  })[];
};

/** The account's liquidity in USD (8 decimals) where Comet's loop stopped, and whether it is negative. */
export type CometLiquidity = { readonly liquidityUsd: bigint; readonly negative: boolean };

/**
 * The liquidity loop of Comet.sol `isLiquidatable` / `isBorrowCollateralized`: start from the signed USD value
 * of the base balance; for each collateral in asset order, stop as soon as liquidity is >= 0, else add
 * mulFactor(mulPrice(balance, price, scale), factor). Factors are truncated to 4 decimals as Comet stores them.
 * A supply (principal >= 0) returns its USD value.
 */
export function accountLiquidity(input: CometLiquidityInput): CometLiquidity {
  let liquidity = mulPrice(presentValue(input.principal, input), input.basePrice, input.baseScale);
  if (input.principal >= 0n) return { liquidityUsd: liquidity, negative: false };
  for (const c of input.collateral) {
    if (liquidity >= 0n) break;
    liquidity += mulFactor(mulPrice(c.balance, c.price, c.scale), storedFactor(c.factor));
  }
  return { liquidityUsd: liquidity, negative: liquidity < 0n };
}

/** Input of {@link isLiquidatable}. */
export type IsLiquidatableInput = CometBaseState & {
  readonly principal: bigint;
  readonly collateral: readonly (CometCollateralHolding & { readonly liquidateCollateralFactor: bigint })[];
};

/**
 * Comet.sol `isLiquidatable`: false for a supply; else true when the liquidity with liquidateCollateralFactor is
 * strictly negative (exactly 0 is not liquidatable).
 */
export function isLiquidatable(input: IsLiquidatableInput): { isLiquidatable: boolean; liquidityUsd: bigint } {
  const r = accountLiquidity({
    ...input,
    collateral: input.collateral.map((c) => ({ ...c, factor: c.liquidateCollateralFactor })),
  });
  return { isLiquidatable: r.negative, liquidityUsd: r.liquidityUsd };
}

/** Input of {@link isBorrowCollateralized}. */
export type IsBorrowCollateralizedInput = CometBaseState & {
  readonly principal: bigint;
  readonly collateral: readonly (CometCollateralHolding & { readonly borrowCollateralFactor: bigint })[];
};

/** Comet.sol `isBorrowCollateralized`: the same loop with borrowCollateralFactor; true when liquidity >= 0. */
export function isBorrowCollateralized(input: IsBorrowCollateralizedInput): boolean {
  return !accountLiquidity({
    ...input,
    collateral: input.collateral.map((c) => ({ ...c, factor: c.borrowCollateralFactor })),
  }).negative;
}

import { divPrice, mulFactor, mulPrice, presentValue, principalValue, storedFactor } from './comet-math';
import { type CometBaseState, type CometCollateralHolding, isLiquidatable } from './is-liquidatable';
import { VenueRuleError } from './venue-rule-error';

/** An account to absorb: its base principal and all its collateral, each with its liquidation factor. */
export type AbsorbAccountInput = {
  /** Base principal, base wei (negative = borrow). */
  readonly principal: bigint;
  readonly collateral: readonly (CometCollateralHolding & {
    /** Share of the collateral's value credited to the account on absorb, 1e18. */
    readonly liquidationFactor: bigint;
  })[];
};

/** What absorbing one account did. Base amounts in base wei, USD values with 8 decimals. */
export type AbsorbAccountResult = {
  readonly oldBalance: bigint;
  /** `mulPrice(balance, price, scale)` of each collateral (the AbsorbCollateral event's usdValue). */
  readonly collateralUsdValues: readonly bigint[];
  /** Sum of `mulFactor(value, liquidationFactor)`. */
  readonly deltaValueUsd: bigint;
  /** `divPrice(deltaValue, basePrice, baseScale)`: base credited to the account. */
  readonly deltaBalance: bigint;
  /** `max(0, oldBalance + deltaBalance)`: a surplus stays with the account as a supply. */
  readonly newBalance: bigint;
  readonly newPrincipal: bigint;
  /** `newBalance - oldBalance`: what protocol reserves pay (AbsorbDebt basePaidOut). */
  readonly basePaidOut: bigint;
  /** `mulPrice(basePaidOut, basePrice, baseScale)`. */
  readonly basePaidOutUsd: bigint;
};

/**
 * The accounting of Comet.sol `absorbInternal` for one account: all collateral moves to protocol reserves;
 * the account is credited liquidationFactor of its value (in base at the base price); debt beyond that is
 * forgiven, paid by reserves. Does not check liquidatability (see {@link absorb}).
 */
export function absorbAccount(base: CometBaseState, account: AbsorbAccountInput): AbsorbAccountResult {
  const oldBalance = presentValue(account.principal, base);
  const collateralUsdValues: bigint[] = [];
  let deltaValueUsd = 0n;
  for (const c of account.collateral) {
    const value = mulPrice(c.balance, c.price, c.scale);
    collateralUsdValues.push(value);
    deltaValueUsd += mulFactor(value, storedFactor(c.liquidationFactor));
  }
  const deltaBalance = divPrice(deltaValueUsd, base.basePrice, base.baseScale);
  let newBalance = oldBalance + deltaBalance;
  if (newBalance < 0n) newBalance = 0n;
  const basePaidOut = newBalance - oldBalance;
  return {
    oldBalance,
    collateralUsdValues,
    deltaValueUsd,
    deltaBalance,
    newBalance,
    newPrincipal: principalValue(newBalance, base),
    basePaidOut,
    basePaidOutUsd: mulPrice(basePaidOut, base.basePrice, base.baseScale),
  };
}

/** Input of {@link absorb}: accounts with both factors, so liquidatability is checked first. */
export type AbsorbInput = CometBaseState & {
  readonly accounts: readonly {
    readonly principal: bigint;
    readonly collateral: readonly (CometCollateralHolding & {
      readonly liquidateCollateralFactor: bigint;
      readonly liquidationFactor: bigint;
    })[];
  }[];
};

/** What an absorb of several accounts did, and the change of protocol reserves (base wei, negative). */
export type AbsorbResult = { readonly accounts: readonly AbsorbAccountResult[]; readonly reservesChange: bigint };

/**
 * Comet.sol `absorb(absorber, accounts)`: each account must be liquidatable, then is absorbed
 * ({@link absorbAccount}). Reserves fall by the base paid out and hold the seized collateral.
 *
 * @throws {@link VenueRuleError} `NotLiquidatable` when an account is not liquidatable.
 */
export function absorb(input: AbsorbInput): AbsorbResult {
  const results = input.accounts.map((account, i) => {
    if (!isLiquidatable({ ...input, principal: account.principal, collateral: account.collateral }).isLiquidatable) {
      throw new VenueRuleError('NotLiquidatable', { account: String(i) });
    }
    return absorbAccount(input, account);
  });
  return { accounts: results, reservesChange: sumPaidOut(results) };
}

/** `-sum(basePaidOut)`: how protocol reserves change over absorbed accounts, base wei. */
export function sumPaidOut(results: readonly AbsorbAccountResult[]): bigint {
  let total = 0n;
  for (const r of results) total -= r.basePaidOut;
  return total;
}

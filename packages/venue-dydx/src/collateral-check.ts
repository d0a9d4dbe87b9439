import { applySubaccountUpdate, subaccountRisk, type PerpetualMarket, type Risk, type Subaccount } from './subaccount-risk';

/**
 * Whether an undercollateralized subaccount may move from `cur` to `next`
 * (`x/subaccounts/lib/updates.go` IsValidStateTransitionForUndercollateralizedSubaccount): refused when TMMR
 * rises; when either TMMR is zero, allowed only if both are zero and TNC rises; otherwise allowed unless
 * `TNC_new / TMMR_new < TNC_cur / TMMR_cur` (compared by cross-multiplication, `margin/risk.go` Cmp).
 */
export function isValidUndercollateralizedTransition(cur: Risk, next: Risk): boolean {
  if (next.mmr > cur.mmr) return false;
  if (next.mmr === 0n || cur.mmr === 0n) return next.mmr === 0n && cur.mmr === 0n && next.nc > cur.nc;
  // next is riskier when cur.nc * next.mmr > next.nc * cur.mmr.
  return !(cur.nc * next.mmr > next.nc * cur.mmr);
}

/**
 * The collateral check of one subaccount update (`x/subaccounts/keeper/subaccount.go` internalCanUpdateSubaccounts):
 * accepted when the new state is initially collateralized (TNC >= TIMR), else by
 * {@link isValidUndercollateralizedTransition}. `perpetuals` are the markets as the check sees them: for a match,
 * with the open interest after it (it changes the OI-adjusted initial margin, not TNC or TMMR).
 */
export function isValidSubaccountUpdate(
  subaccount: Subaccount,
  perpetuals: readonly PerpetualMarket[],
  perpetualId: number,
  deltaQuantums: bigint,
  deltaUsdc: bigint,
): { valid: boolean; after: Subaccount } {
  const after = applySubaccountUpdate(subaccount, perpetualId, deltaQuantums, deltaUsdc);
  const next = subaccountRisk(after, perpetuals);
  if (next.nc >= next.imr) return { valid: true, after };
  const cur = subaccountRisk(subaccount, perpetuals);
  return { valid: isValidUndercollateralizedTransition(cur, next), after };
}

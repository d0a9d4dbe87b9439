import { AMM_RESERVE_PRECISION, FUNDING_RATE_TO_QUOTE_PRECISION_PRECISION_RATIO } from './precisions';
import { divCeil, mul, pow10 } from './safe-math';
import { VenueRuleError } from './venue-rule-error';

/**
 * Cumulative funding rate delta that socialises a perp bankruptcy over open interest
 * (`calculate_funding_rate_deltas_to_resolve_bankruptcy`): `ceil(|loss| x 1e9 / (|long| + |short|)) x 1000`
 * (FUNDING_RATE_PRECISION per base). `loss` in QUOTE_PRECISION (negative), base amounts in BASE_PRECISION.
 *
 * @throws {@link VenueRuleError} `CantResolvePerpBankruptcy` when there is no open interest.
 */
export function fundingRateDeltaToResolveBankruptcy(loss: bigint, baseAssetAmountLong: bigint, baseAssetAmountShort: bigint): bigint {
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const totalBase = abs(baseAssetAmountLong) + abs(baseAssetAmountShort);
  if (totalBase === 0n) throw new VenueRuleError('CantResolvePerpBankruptcy');
  return divCeil(abs(loss) * AMM_RESERVE_PRECISION, totalBase) * FUNDING_RATE_TO_QUOTE_PRECISION_PRECISION_RATIO;
}

/**
 * Deposit token amount of a spot balance (`math/spot_balance.rs` `get_token_amount`, deposit side):
 * `balance x cumulativeDepositInterest / 10^(19 - decimals)`, floored.
 */
export function depositTokenAmount(depositBalance: bigint, cumulativeDepositInterest: bigint, decimals: number): bigint {
  return mul(depositBalance, cumulativeDepositInterest) / pow10(19 - decimals);
}

/**
 * Cumulative deposit interest delta that socialises a spot borrow loss over depositors
 * (`calculate_cumulative_deposit_interest_delta_to_resolve_bankruptcy`):
 * `ceil(cumulativeDepositInterest x loss / totalDeposits)`, 0 when there are no deposits.
 * SPOT_CUMULATIVE_INTEREST_PRECISION.
 */
export function cumulativeDepositInterestDeltaToResolveBankruptcy(
  loss: bigint,
  depositBalance: bigint,
  cumulativeDepositInterest: bigint,
  decimals: number,
): bigint {
  const totalDeposits = depositTokenAmount(depositBalance, cumulativeDepositInterest, decimals);
  if (totalDeposits === 0n) return 0n;
  return divCeil(mul(cumulativeDepositInterest, loss), totalDeposits);
}

import { abs, floorDiv, sign } from './big-math';
import {
  getPerpetual,
  positionQuantums,
  positionRisk,
  subaccountRisk,
  type PerpetualMarket,
  type Subaccount,
} from './subaccount-risk';
import { VenueRuleError } from './venue-rule-error';

/**
 * Throws `ErrInvalidPerpetualPositionSizeDelta` unless `delta` closes part or all of `position`
 * (opposite sign, |delta| <= |position|), as the checks in `x/clob/keeper/liquidations.go`.
 */
export function assertClosingDelta(position: bigint, delta: bigint): void {
  if (sign(position) * sign(delta) !== -1n || abs(position) < abs(delta)) {
    throw new VenueRuleError(
      'ErrInvalidPerpetualPositionSizeDelta',
      `delta ${delta} is invalid for position ${position}`,
    );
  }
}

/**
 * Bankruptcy price, in quote quantums, of closing `deltaQuantums` of the subaccount's position in `perpetualId`
 * (dydxprotocol/v4-chain `protocol/x/clob/keeper/liquidations.go` GetBankruptcyPriceInQuoteQuantums):
 * `-DNNV - floor(TNC * |DMMR| / TMMR)`, with DNNV and DMMR the change of the position's notional and maintenance
 * margin. The only division rounds toward negative infinity, so the result rounds toward positive infinity and
 * closing at it never needs the insurance fund. Positive: the subaccount must receive at least this much USDC.
 *
 * @throws {@link VenueRuleError} `ErrInvalidPerpetualPositionSizeDelta` when the delta does not close the position.
 */
export function bankruptcyPriceQuoteQuantums(
  subaccount: Subaccount,
  perpetuals: readonly PerpetualMarket[],
  perpetualId: number,
  deltaQuantums: bigint,
): bigint {
  const total = subaccountRisk(subaccount, perpetuals);
  const position = positionQuantums(subaccount, perpetualId);
  assertClosingDelta(position, deltaQuantums);
  const perpetual = getPerpetual(perpetuals, perpetualId);
  const before = positionRisk(perpetual, position);
  const after = positionRisk(perpetual, position + deltaQuantums);
  const deltaNc = after.nc - before.nc;
  const deltaMmr = after.mmr - before.mmr;
  if (deltaMmr > 0n) {
    throw new VenueRuleError('GetBankruptcyPriceInQuoteQuantums: DMMR is positive', undefined, { panic: true });
  }
  if (total.mmr === 0n) throw new VenueRuleError('division by zero', 'TMMR is 0', { panic: true });
  return -deltaNc - floorDiv(total.nc * abs(deltaMmr), total.mmr);
}

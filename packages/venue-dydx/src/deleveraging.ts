import { abs, bigMin, sign } from './big-math';
import { bankruptcyPriceQuoteQuantums } from './bankruptcy-price';
import { isValidSubaccountUpdate } from './collateral-check';
import {
  getPerpetual,
  netNotionalQuoteQuantums,
  positionQuantums,
  subaccountRisk,
  type PerpetualMarket,
  type Subaccount,
} from './subaccount-risk';
import { VenueRuleError } from './venue-rule-error';

/** The outcome of one deleveraging match. */
export type DeleveragingResult = {
  /** USDC change of the liquidated subaccount, quote quantums (the offsetting one changes by the negative). */
  readonly quoteQuantumsToLiquidated: bigint;
  readonly liquidatedAfter: Subaccount;
  readonly offsettingAfter: Subaccount;
  /** The markets after the match: its perpetual's open interest changed by the change of long quantums. */
  readonly perpetualsAfter: readonly PerpetualMarket[];
};

/** Options of {@link processDeleveraging}. */
export type DeleveragingOptions = {
  /**
   * The market is in final settlement: a liquidated subaccount with TNC >= 0 is closed at the oracle price
   * (`NC(-delta)`) instead of its bankruptcy price.
   */
  readonly finalSettlement?: boolean;
};

/**
 * Offsets `deltaQuantums` of the liquidated subaccount's position against an opposite position
 * (`x/clob/keeper/deleveraging.go` ProcessDeleveraging): both close at the liquidated subaccount's bankruptcy
 * price `q`; the liquidated side gets `USDC += q, position += delta`, the offsetting side `USDC -= q,
 * position -= delta`, and each update must pass the collateral check.
 *
 * @throws {@link VenueRuleError} `ErrInvalidPerpetualPositionSizeDelta` when the delta is not opposite to the
 * liquidated position, on the offsetting position's side and within both; `ErrFailedToUpdateSubaccounts` when
 * either side fails the collateral check.
 */
export function processDeleveraging(
  liquidated: Subaccount,
  offsetting: Subaccount,
  perpetuals: readonly PerpetualMarket[],
  perpetualId: number,
  deltaQuantums: bigint,
  options: DeleveragingOptions = {},
): DeleveragingResult {
  const liquidatedPosition = positionQuantums(liquidated, perpetualId);
  const offsettingPosition = positionQuantums(offsetting, perpetualId);
  if (
    sign(liquidatedPosition) * sign(deltaQuantums) !== -1n ||
    abs(liquidatedPosition) < abs(deltaQuantums) ||
    sign(offsettingPosition) * sign(deltaQuantums) !== 1n ||
    abs(offsettingPosition) < abs(deltaQuantums)
  ) {
    throw new VenueRuleError(
      'ErrInvalidPerpetualPositionSizeDelta',
      `delta ${deltaQuantums} for liquidated ${liquidatedPosition} and offsetting ${offsettingPosition}`,
    );
  }
  const q = deleveragingQuoteQuantums(liquidated, perpetuals, perpetualId, deltaQuantums, options);
  // The collateral checks see the open interest after the match (`internalCanUpdateSubaccounts` applies
  // `GetDeltaOpenInterestFromUpdates` to a Match before computing initial margins): the change of long quantums.
  const openInterestDelta =
    longQuantums(liquidatedPosition + deltaQuantums) - longQuantums(liquidatedPosition) + longQuantums(offsettingPosition - deltaQuantums) - longQuantums(offsettingPosition);
  const perpetualsAfter = perpetuals.map((p) => (p.perpetualId === perpetualId ? { ...p, openInterestBaseQuantums: p.openInterestBaseQuantums + openInterestDelta } : p));
  const l = isValidSubaccountUpdate(liquidated, perpetualsAfter, perpetualId, deltaQuantums, q);
  const o = isValidSubaccountUpdate(offsetting, perpetualsAfter, perpetualId, -deltaQuantums, -q);
  if (!l.valid || !o.valid) {
    const failed = [!l.valid ? 'liquidated' : '', !o.valid ? 'offsetting' : ''].filter(Boolean).join(' and ');
    throw new VenueRuleError('ErrFailedToUpdateSubaccounts', `${failed} subaccount failed the collateral check`);
  }
  return { quoteQuantumsToLiquidated: q, liquidatedAfter: l.after, offsettingAfter: o.after, perpetualsAfter };
}

/**
 * The USDC the liquidated subaccount receives for closing `deltaQuantums` in deleveraging
 * (`deleveraging.go` getDeleveragingQuoteQuantumsDelta): its bankruptcy price, or in final settlement with
 * TNC >= 0 the oracle value `NC(-delta)`.
 */
export function deleveragingQuoteQuantums(
  liquidated: Subaccount,
  perpetuals: readonly PerpetualMarket[],
  perpetualId: number,
  deltaQuantums: bigint,
  options: DeleveragingOptions = {},
): bigint {
  if (options.finalSettlement && subaccountRisk(liquidated, perpetuals).nc >= 0n) {
    return netNotionalQuoteQuantums(getPerpetual(perpetuals, perpetualId), -deltaQuantums);
  }
  return bankruptcyPriceQuoteQuantums(liquidated, perpetuals, perpetualId, deltaQuantums);
}

/** One offsetting match made by {@link offsetSubaccountPerpetualPosition}. */
export type DeleveragingFill = {
  /** Index of the offsetting subaccount in the candidates list. */
  readonly offsettingIndex: number;
  /** Base quantums the liquidated position changed by. */
  readonly deltaQuantums: bigint;
  readonly quoteQuantumsToLiquidated: bigint;
};

/**
 * Deleverages up to `deltaQuantumsTotal` of the liquidated position against `candidates`, visiting them from
 * `startIndex` (dYdX picks it pseudo-randomly) and wrapping around (`deleveraging.go`
 * OffsetSubaccountPerpetualPosition). Each candidate on the opposite side takes `min(|remaining|, |its position|)`;
 * a candidate that fails the collateral check is skipped. Each match sees the open interest the matches before it
 * left. Returns the fills, the updated subaccounts and what is left undeleveraged.
 */
export function offsetSubaccountPerpetualPosition(
  liquidated: Subaccount,
  candidates: readonly Subaccount[],
  perpetuals: readonly PerpetualMarket[],
  perpetualId: number,
  deltaQuantumsTotal: bigint,
  startIndex = 0,
  options: DeleveragingOptions = {},
): { fills: DeleveragingFill[]; liquidatedAfter: Subaccount; candidatesAfter: Subaccount[]; remainingQuantums: bigint; perpetualsAfter: readonly PerpetualMarket[] } {
  const candidatesAfter = [...candidates];
  const fills: DeleveragingFill[] = [];
  let current = liquidated;
  let markets = perpetuals;
  let remaining = deltaQuantumsTotal;
  const n = candidates.length;
  for (let i = 0; i < n && remaining !== 0n; i++) {
    const index = (((startIndex + i) % n) + n) % n;
    const offsetting = candidatesAfter[index]!;
    const offsettingPosition = positionQuantums(offsetting, perpetualId);
    if (sign(offsettingPosition) !== sign(remaining)) continue;
    const magnitude = bigMin(abs(remaining), abs(offsettingPosition));
    const delta = remaining > 0n ? magnitude : -magnitude;
    try {
      const r = processDeleveraging(current, offsetting, markets, perpetualId, delta, options);
      current = r.liquidatedAfter;
      markets = r.perpetualsAfter;
      candidatesAfter[index] = r.offsettingAfter;
      fills.push({ offsettingIndex: index, deltaQuantums: delta, quoteQuantumsToLiquidated: r.quoteQuantumsToLiquidated });
      remaining -= delta;
    } catch (error) {
      if (error instanceof VenueRuleError && error.reason === 'ErrFailedToUpdateSubaccounts') continue;
      throw error;
    }
  }
  return { fills, liquidatedAfter: current, candidatesAfter, remainingQuantums: remaining, perpetualsAfter: markets };
}

function longQuantums(quantums: bigint): bigint {
  return quantums > 0n ? quantums : 0n;
}

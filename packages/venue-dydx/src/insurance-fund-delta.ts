import { abs, bigMin, mulPpm } from './big-math';
import { bankruptcyPriceQuoteQuantums } from './bankruptcy-price';
import { fillAmountToQuoteQuantums } from './quantums';
import type { PerpetualMarket, Subaccount } from './subaccount-risk';
import { VenueRuleError } from './venue-rule-error';

/** One liquidation fill: the liquidation order's side, size and the maker's price. */
export type LiquidationFill = {
  readonly perpetualId: number;
  /** True when the liquidation order buys (closes a short). */
  readonly isBuy: boolean;
  readonly fillAmountBaseQuantums: bigint;
  readonly subticks: bigint;
  readonly quantumConversionExponent: number;
};

/**
 * Net payment between the liquidated subaccount and the insurance fund for one liquidation fill, in quote
 * quantums (`x/clob/keeper/liquidations.go` GetLiquidationInsuranceFundDelta). Positive: the subaccount pays
 * the fund a fee of `min(floor(|dQ| * maxLiquidationFeePpm / 1e6), dQ - B)`; zero or negative: the fund covers
 * the loss `B - dQ`, where dQ is the fill's signed quote amount and B the bankruptcy price of the fill.
 *
 * @throws {@link VenueRuleError} `ErrInvalidQuantumsForInsuranceFundDeltaCalculation` for a zero fill;
 * `ErrInvalidPerpetualPositionSizeDelta` when the fill does not close the position.
 */
export function insuranceFundDeltaQuoteQuantums(
  subaccount: Subaccount,
  perpetuals: readonly PerpetualMarket[],
  fill: LiquidationFill,
  maxLiquidationFeePpm: number,
): bigint {
  if (fill.fillAmountBaseQuantums === 0n) {
    throw new VenueRuleError('ErrInvalidQuantumsForInsuranceFundDeltaCalculation', 'fill amount is zero');
  }
  const quote = fillAmountToQuoteQuantums(fill.subticks, fill.fillAmountBaseQuantums, fill.quantumConversionExponent);
  const deltaQuote = fill.isBuy ? -quote : quote;
  const deltaQuantums = fill.isBuy ? fill.fillAmountBaseQuantums : -fill.fillAmountBaseQuantums;
  const bankruptcy = bankruptcyPriceQuoteQuantums(subaccount, perpetuals, fill.perpetualId, deltaQuantums);
  const delta = deltaQuote - bankruptcy;
  if (delta <= 0n) return delta;
  return bigMin(mulPpm(abs(deltaQuote), BigInt(maxLiquidationFeePpm), false), delta);
}

/**
 * The same rule on plain numbers, for the engine: `remainingQuote` is what the closed part leaves at the fill
 * (`dQ - B`), `fillNotionalQuote` is |dQ|. Returns the fund's delta (positive fee, negative cover).
 */
export function insuranceFundDeltaQuote(remainingQuote: number, fillNotionalQuote: number, maxLiquidationFeeRate: number): number {
  if (remainingQuote <= 0) return remainingQuote;
  return Math.min(Math.abs(fillNotionalQuote) * maxLiquidationFeeRate, remainingQuote);
}

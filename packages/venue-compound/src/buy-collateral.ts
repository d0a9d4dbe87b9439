import { type CollateralQuote, type QuoteCollateralInput, quoteCollateral } from './quote-collateral';
import { VenueRuleError } from './venue-rule-error';

/** Input of {@link buyCollateral}. */
export type BuyCollateralInput = Omit<QuoteCollateralInput, 'baseAmount'> & {
  /** Protocol reserves now (base balance - total supply + total borrow), base wei; may be negative. */
  readonly reserves: bigint;
  /** Reserves above which collateral is not for sale, base wei. */
  readonly targetReserves: bigint;
  /** Base actually received (after any transfer fee), base wei. */
  readonly baseAmountReceived: bigint;
  /** Least collateral the buyer accepts, asset wei. */
  readonly minAmount: bigint;
  /** Collateral the protocol owns: contract balance minus users' total supply, asset wei. */
  readonly collateralReserves: bigint;
};

/** What a purchase did. */
export type BuyCollateralResult = CollateralQuote & { readonly reservesAfter: bigint };

/**
 * Comet.sol `buyCollateral`: sells seized collateral from reserves at the store-front price while reserves are
 * below target.
 *
 * @throws {@link VenueRuleError} `NotForSale` (reserves >= target), `TooMuchSlippage` (quote < minAmount,
 * checked first), `InsufficientReserves` (quote > collateral reserves).
 */
export function buyCollateral(input: BuyCollateralInput): BuyCollateralResult {
  if (input.reserves >= 0n && input.reserves >= input.targetReserves) throw new VenueRuleError('NotForSale');
  const quote = quoteCollateral({ ...input, baseAmount: input.baseAmountReceived });
  if (quote.collateralAmount < input.minAmount) {
    throw new VenueRuleError('TooMuchSlippage', { collateral_amount: quote.collateralAmount.toString() });
  }
  if (quote.collateralAmount > input.collateralReserves) {
    throw new VenueRuleError('InsufficientReserves', { collateral_amount: quote.collateralAmount.toString() });
  }
  return { ...quote, reservesAfter: input.reserves + input.baseAmountReceived };
}

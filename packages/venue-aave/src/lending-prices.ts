import type { SideSign } from '@firesale/spec';

/** The collateral and debt of a lending position seen as a firesale position. */
export type LendingSides = {
  /** Collateral value at `priceQuote`. */
  collateralQuote: number;
  /** Debt value at `priceQuote`. */
  debtQuote: number;
};

/**
 * Maps a firesale position onto an Aave account with one collateral and one debt. A long holds `sizeBase` of
 * the market asset as collateral and owes `size * entry - margin` of the quote asset; a short owes `sizeBase`
 * of the market asset and holds `size * entry + margin` of the quote asset.
 */
export function lendingSides(
  side: SideSign,
  sizeBase: number,
  entryPriceQuote: number,
  marginQuote: number,
  priceQuote: number,
  out: LendingSides,
): void {
  if (side === 1) {
    out.collateralQuote = sizeBase * priceQuote;
    out.debtQuote = sizeBase * entryPriceQuote - marginQuote;
  } else {
    out.collateralQuote = sizeBase * entryPriceQuote + marginQuote;
    out.debtQuote = sizeBase * priceQuote;
  }
}

/**
 * The market price at which the health factor collateral * LT / debt reaches 1 (below it for a long, above it
 * for a short, the account is liquidatable). `threshold` is the collateral's liquidation threshold as a
 * fraction; with 1 it is the bankruptcy price. A long without debt gets 0, a short without collateral 0.
 */
export function healthFactorOnePriceQuote(
  side: SideSign,
  sizeBase: number,
  entryPriceQuote: number,
  marginQuote: number,
  threshold: number,
): number {
  if (sizeBase <= 0) return side === 1 ? 0 : Infinity;
  if (side === 1) {
    const debt = sizeBase * entryPriceQuote - marginQuote;
    return debt <= 0 ? 0 : debt / (sizeBase * threshold);
  }
  const collateral = sizeBase * entryPriceQuote + marginQuote;
  return Math.max((collateral * threshold) / sizeBase, 0);
}

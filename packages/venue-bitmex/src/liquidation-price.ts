import type { AmountBase, AmountQuote, Fraction, PriceQuote, SideSign } from '@firesale/spec';

/**
 * Liquidation price of a linear position margined by `marginQuote` at a fixed maintenance rate (the rate of the
 * risk limit the position sits in; BitMEX "Liquidation": liquidated when margin falls to the maintenance margin):
 * the mark P with `margin + side x size x (P - entry) = size x P x rate`, i.e.
 * `P = (side x size x entry - margin) / (size x (side - rate))`. Funding and fees to close are left out.
 * A long that cannot be liquidated gets 0; a short gets `Infinity`.
 */
export function liquidationPrice(
  side: SideSign,
  sizeBase: AmountBase,
  entryPriceQuote: PriceQuote,
  marginQuote: AmountQuote,
  maintenanceMarginRate: Fraction,
): PriceQuote {
  const price = (side * sizeBase * entryPriceQuote - marginQuote) / (sizeBase * (side - maintenanceMarginRate));
  return clampTrigger(side, price);
}

/** Bankruptcy price: where the margin is used up, `entry - side x margin / size`. BitMEX closes liquidations here. */
export function bankruptcyPrice(side: SideSign, sizeBase: AmountBase, entryPriceQuote: PriceQuote, marginQuote: AmountQuote): PriceQuote {
  return clampTrigger(side, entryPriceQuote - (side * marginQuote) / sizeBase);
}

function clampTrigger(side: SideSign, price: number): PriceQuote {
  if (side === 1) return price > 0 && Number.isFinite(price) ? price : 0;
  return price > 0 && Number.isFinite(price) ? price : Infinity;
}

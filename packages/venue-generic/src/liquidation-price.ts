import type { AmountBase, AmountQuote, PriceQuote, PriceTriggerColumnsV1, SideSign } from '@firesale/spec';
import { tierIndex, type ResolvedMarginTiers } from './margin-tiers';

/**
 * Liquidation price of a position backed by `marginQuote` alone: the mark price at which
 * `margin + side * size * (P - entry)` equals the maintenance margin `size * P * rate - amount`.
 * Solved per tier: `P = (side*size*entry - margin - amount) / (size * (side - rate))`, re-solved with the tier of
 * the notional at P until the tier is stable (Binance FAQ: recompute with the bracket at the liquidation price).
 * A long that cannot be liquidated gets 0; a short gets Infinity.
 */
export function liquidationPrice(
  tiers: ResolvedMarginTiers,
  side: SideSign,
  sizeBase: AmountBase,
  entryPriceQuote: PriceQuote,
  marginQuote: AmountQuote,
): PriceQuote {
  let tier = tierIndex(tiers, sizeBase * entryPriceQuote);
  let price = 0;
  for (let attempt = 0; attempt < 8; attempt++) {
    const rate = tiers.rates[tier]!;
    const amount = tiers.amountsQuote[tier]!;
    price = tierLiquidationPrice(side, sizeBase, entryPriceQuote, marginQuote, rate, amount);
    const next = tierIndex(tiers, sizeBase * Math.max(price, 0));
    if (next === tier) break;
    tier = next;
  }
  return reachableOrEdge(side, price);
}

/** The price solved with one tier's rate and maintenance amount (see {@link liquidationPrice}). */
function tierLiquidationPrice(side: number, sizeBase: number, entryPriceQuote: number, marginQuote: number, rate: number, amount: number): number {
  return (side * sizeBase * entryPriceQuote - marginQuote - amount) / (sizeBase * (side - rate));
}

/** `price` when some mark reaches it; else 0 for a long and Infinity for a short (never liquidated). */
function reachableOrEdge(side: number, price: number): number {
  // Tested on the price first: sides arrive in random order, so a branch on the side would mispredict.
  if (price > 0 && price < Infinity) return price;
  return side === 1 ? 0 : Infinity;
}

/** {@link liquidationPrice} of positions `from` to `to` of the columns, into `out` at the same indices. */
export function liquidationPrices(tiers: ResolvedMarginTiers, input: PriceTriggerColumnsV1, out: Float64Array): void {
  const { side, sizeBase, entryPriceQuote, marginQuote, to } = input;
  if (tiers.floorsQuote.length === 1) {
    // One tier (a flat maintenance margin rate): the tier search always answers 0, so the price is the first attempt's.
    const rate = tiers.rates[0]!;
    const amount = tiers.amountsQuote[0]!;
    for (let i = input.from; i < to; i++) {
      const s = side[i]!;
      out[i] = reachableOrEdge(s, tierLiquidationPrice(s, sizeBase[i]!, entryPriceQuote[i]!, marginQuote[i]!, rate, amount));
    }
    return;
  }
  for (let i = input.from; i < to; i++) {
    out[i] = liquidationPrice(tiers, side[i] as SideSign, sizeBase[i]!, entryPriceQuote[i]!, marginQuote[i]!);
  }
}

/** Bankruptcy price: where `margin + side * size * (P - entry)` reaches zero. */
export function bankruptcyPrice(
  side: SideSign,
  sizeBase: AmountBase,
  entryPriceQuote: PriceQuote,
  marginQuote: AmountQuote,
): PriceQuote {
  const price = entryPriceQuote - (side * marginQuote) / sizeBase;
  return price <= 0 && side === 1 ? 0 : price;
}

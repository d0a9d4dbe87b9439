import type { AmountBase, AmountQuote, PriceQuote, SideSign } from '@firesale/spec';
import type { ResolvedMarginTable } from './margin-tiers';

/**
 * Hyperliquid's documented liquidation price for one asset with a single maintenance leverage
 * (Hyperliquid docs, trading/liquidations; freqtrade `Hyperliquid.dry_run_liquidation_price`):
 *
 * `liq = price - side * margin_available / size / (1 - l * side)`, with `l = 1 / (2 * maxLeverage)` (the
 * maintenance leverage is twice the asset's max leverage, not the position's) and
 * `margin_available = margin - price * size / maxLeverage / 2`. `marginQuote` is the isolated margin, or the
 * cross account value when this is the account's only position.
 * A long that cannot be liquidated gets 0; a short gets `Infinity`.
 */
export function liquidationPriceAtMaxLeverage(
  side: SideSign,
  sizeBase: AmountBase,
  entryPriceQuote: PriceQuote,
  marginQuote: AmountQuote,
  maxLeverage: number,
): PriceQuote {
  const l = 1 / (2 * maxLeverage);
  const maintenanceRequired = (entryPriceQuote * sizeBase) / maxLeverage / 2;
  const marginAvailable = marginQuote - maintenanceRequired;
  const price = entryPriceQuote - (side * marginAvailable) / sizeBase / (1 - l * side);
  return clampTrigger(side, price);
}

/**
 * Liquidation price with a tiered margin table: the mark price P where
 * `margin + side * size * (P - entry) = size * P * rate(tier of size*P) - deduction(tier)`.
 * Per tier, `P = (side*size*entry - margin - deduction) / (size * (side - rate))`; the answer is the tier whose
 * solution lies in its own notional range (equity minus maintenance margin is monotone in P, so it is unique).
 * With one tier this is {@link liquidationPriceAtMaxLeverage}.
 * A long that cannot be liquidated gets 0; a short gets `Infinity`.
 */
export function liquidationPrice(
  table: ResolvedMarginTable,
  side: SideSign,
  sizeBase: AmountBase,
  entryPriceQuote: PriceQuote,
  marginQuote: AmountQuote,
): PriceQuote {
  const n = table.lowerBoundsQuote.length;
  for (let i = 0; i < n; i++) {
    const rate = table.maintenanceRates[i]!;
    const price = (side * sizeBase * entryPriceQuote - marginQuote - table.deductionsQuote[i]!) / (sizeBase * (side - rate));
    const notional = sizeBase * price;
    const upper = i + 1 < n ? table.lowerBoundsQuote[i + 1]! : Infinity;
    const edge = TIER_EDGE_TOLERANCE * Math.abs(notional);
    if (notional >= table.lowerBoundsQuote[i]! - edge && notional < upper + edge) return clampTrigger(side, price);
  }
  return side === 1 ? 0 : Infinity;
}

/**
 * How far (relative) a tier's solution may sit outside its range and still count. A price whose notional lands
 * exactly on a tier bound solves both neighbouring tiers (maintenance margin is continuous there), but rounding can
 * put each tier's solution a hair outside its own range, so that neither qualifies.
 */
const TIER_EDGE_TOLERANCE = 1e-9;

/** Bankruptcy price: where `margin + side * size * (P - entry)` reaches zero (0 floor for longs). */
export function bankruptcyPrice(
  side: SideSign,
  sizeBase: AmountBase,
  entryPriceQuote: PriceQuote,
  marginQuote: AmountQuote,
): PriceQuote {
  const price = entryPriceQuote - (side * marginQuote) / sizeBase;
  return clampTrigger(side, price);
}

function clampTrigger(side: SideSign, price: PriceQuote): PriceQuote {
  if (side === 1) return price > 0 && Number.isFinite(price) ? price : 0;
  return price > 0 && Number.isFinite(price) ? price : Infinity;
}

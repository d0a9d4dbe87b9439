import type { AmountBase, AmountQuote, Fraction, PriceQuote, SideSign } from '@firesale/spec';

/**
 * Liquidation price of a position backed by `marginQuote` alone: the oracle price at which
 * TNC = `margin + side * size * (P - entry)` meets TMMR = `size * P * mmf` (dYdX liquidates when TNC < TMMR,
 * `protocol/lib/margin/risk.go` IsLiquidatable). `P = (side*size*entry - margin) / (size * (side - mmf))`.
 * A long that cannot be liquidated gets 0; a short gets Infinity.
 */
export function liquidationPrice(
  side: SideSign,
  sizeBase: AmountBase,
  entryPriceQuote: PriceQuote,
  marginQuote: AmountQuote,
  maintenanceMarginFraction: Fraction,
): PriceQuote {
  const price = (side * sizeBase * entryPriceQuote - marginQuote) / (sizeBase * (side - maintenanceMarginFraction));
  if (price > 0 && Number.isFinite(price)) return price;
  return side === 1 ? 0 : Infinity;
}

/**
 * Bankruptcy price of closing the whole position of a single-position subaccount: the price at which TNC is 0.
 * For a full close, dYdX's bankruptcy amount `-DNNV - TNC * |DMMR| / TMMR` reduces to `NC - TNC`, i.e. the
 * price `entry - side * margin / size` (`x/clob/keeper/liquidations.go` GetBankruptcyPriceInQuoteQuantums).
 */
export function bankruptcyPrice(side: SideSign, sizeBase: AmountBase, entryPriceQuote: PriceQuote, marginQuote: AmountQuote): PriceQuote {
  const price = entryPriceQuote - (side * marginQuote) / sizeBase;
  return side === 1 ? Math.max(price, 0) : price;
}

/**
 * Fillable price in quote per base (`liquidations.go` GetFillablePrice on plain numbers):
 * `ABR = clamp(BA * (1 - TNC/TMMR), 0, 1)` and `mark - side * ABR * SMMR * mmf * mark`
 * (the position's maintenance margin per unit is `mmf * mark`).
 */
export function fillablePriceQuote(
  side: SideSign,
  markPriceQuote: PriceQuote,
  equityQuote: AmountQuote,
  totalMaintenanceMarginQuote: AmountQuote,
  maintenanceMarginFraction: Fraction,
  bankruptcyAdjustment: number,
  spreadToMaintenanceMarginRatio: number,
): PriceQuote {
  const rating = totalMaintenanceMarginQuote > 0 ? bankruptcyAdjustment * (1 - equityQuote / totalMaintenanceMarginQuote) : 0;
  const abr = Math.min(Math.max(rating, 0), 1);
  return markPriceQuote - side * abr * spreadToMaintenanceMarginRatio * maintenanceMarginFraction * markPriceQuote;
}

/**
 * Base to close this block (`liquidations.go` GetLiquidatablePositionSizeDelta on plain numbers): with
 * A = size * mark, `min = min(minNotional, A)`, `max = max(min, A * portion)`, M = min(max, subaccount notional
 * left); the whole position when A <= M or size <= step, else M / mark rounded down to the step, clamped to
 * [step, size].
 */
export function liquidatableSizeBase(
  sizeBase: AmountBase,
  markPriceQuote: PriceQuote,
  minPositionNotionalQuote: AmountQuote,
  maxPositionPortion: Fraction,
  subaccountNotionalLeftQuote: AmountQuote,
  stepSizeBase: AmountBase,
): AmountBase {
  const notional = sizeBase * markPriceQuote;
  const minLiq = Math.min(minPositionNotionalQuote, notional);
  const maxLiq = Math.max(minLiq, notional * maxPositionPortion);
  const limit = Math.min(maxLiq, subaccountNotionalLeftQuote);
  if (notional <= limit || sizeBase <= stepSizeBase) return sizeBase;
  let close = limit / markPriceQuote;
  if (stepSizeBase > 0) close = Math.floor(close / stepSizeBase + 1e-9) * stepSizeBase;
  return Math.min(Math.max(close, stepSizeBase), sizeBase);
}

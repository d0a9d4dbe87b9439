import type { AmountBase, AmountQuote, Fraction, PriceQuote, SideSign } from '@firesale/spec';

/** Initial and maintenance margin of an isolated USDT position. */
export type BybitIsolatedMargins = {
  /** `size x entry / leverage`. */
  readonly initialMarginQuote: AmountQuote;
  /** `size x entry x MMR - MM deduction`. */
  readonly maintenanceMarginQuote: AmountQuote;
};

/**
 * Initial and maintenance margin of an isolated USDT contract position (Bybit help "Liquidation Price (USDT
 * Contract)", "Maintenance Margin (USDT Contracts)"): both on the position value at entry.
 */
export function isolatedMargins(
  sizeBase: AmountBase,
  entryPriceQuote: PriceQuote,
  leverage: number,
  maintenanceMarginRate: Fraction,
  maintenanceDeductionQuote = 0,
): BybitIsolatedMargins {
  const value = sizeBase * entryPriceQuote;
  return { initialMarginQuote: value / leverage, maintenanceMarginQuote: value * maintenanceMarginRate - maintenanceDeductionQuote };
}

/**
 * Isolated USDT liquidation price (Bybit help "Liquidation Price (USDT Contract)"; freqtrade
 * `Bybit.dry_run_liquidation_price`, fees ignored): `LP = EP - side x (position margin - MM) / size`, where
 * position margin = initial margin + extra margin added. A long that cannot be liquidated gets 0; a short never
 * lacks one (it is finite).
 */
export function isolatedLiquidationPrice(
  side: SideSign,
  sizeBase: AmountBase,
  entryPriceQuote: PriceQuote,
  positionMarginQuote: AmountQuote,
  maintenanceMarginQuote: AmountQuote,
): PriceQuote {
  const price = entryPriceQuote - (side * (positionMarginQuote - maintenanceMarginQuote)) / sizeBase;
  return side === 1 ? Math.max(price, 0) : price;
}

/**
 * Isolated bankruptcy price (Bybit help "Bankruptcy Price (USDT Contract)"): where the position margin is used up,
 * `EP - side x position margin / size`; with no extra margin, long `EP x (1 - 1/leverage)`, short `EP x (1 + 1/leverage)`.
 * Bybit closes liquidated positions at this price.
 */
export function isolatedBankruptcyPrice(side: SideSign, sizeBase: AmountBase, entryPriceQuote: PriceQuote, positionMarginQuote: AmountQuote): PriceQuote {
  const price = entryPriceQuote - (side * positionMarginQuote) / sizeBase;
  return side === 1 ? Math.max(price, 0) : price;
}

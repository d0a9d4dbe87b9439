import type { AmountBase, AmountQuote, Fraction, PriceQuote, SideSign } from '@firesale/spec';

/** Inputs of the isolated liquidation price (linear USDT-margined contracts). */
export type IsolatedLiquidationInput = {
  readonly side: SideSign;
  readonly entryPriceQuote: PriceQuote;
  /** Absolute position size in base units (contracts x contract size). */
  readonly sizeBase: AmountBase;
  /** Isolated wallet balance (margin) of the position, in quote. */
  readonly walletBalanceQuote: AmountQuote;
  readonly maintenanceMarginRate: Fraction;
  /** Taker fee charged when the liquidation closes the position. */
  readonly takerFeeRate: Fraction;
};

/**
 * Isolated liquidation price, Gate/OKX formula as implemented by freqtrade
 * (`freqtrade/exchange/exchange.py` `Exchange.dry_run_liquidation_price`, commit c9ae5e1e):
 * `value = walletBalance / size`; long `LP = (EP - value) / (1 - (mmr + taker))`;
 * short `LP = (EP + value) / (1 + (mmr + taker))`.
 * A long whose LP is not positive cannot be liquidated and gets 0.
 */
export function isolatedLiquidationPrice(input: IsolatedLiquidationInput): PriceQuote {
  const value = input.walletBalanceQuote / input.sizeBase;
  const rate = input.maintenanceMarginRate + input.takerFeeRate;
  if (input.side === 1) {
    const price = (input.entryPriceQuote - value) / (1 - rate);
    return price > 0 && Number.isFinite(price) ? price : 0;
  }
  const price = (input.entryPriceQuote + value) / (1 + rate);
  return price > 0 && Number.isFinite(price) ? price : Infinity;
}

/** Bankruptcy price: where the isolated wallet balance is used up, `EP - side x walletBalance / size` (0 floor for longs). */
export function isolatedBankruptcyPrice(
  side: SideSign,
  entryPriceQuote: PriceQuote,
  sizeBase: AmountBase,
  walletBalanceQuote: AmountQuote,
): PriceQuote {
  const price = entryPriceQuote - (side * walletBalanceQuote) / sizeBase;
  return side === 1 ? Math.max(price, 0) : price;
}

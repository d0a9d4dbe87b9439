import type { AmountBase, AmountQuote, Fraction, PriceQuote, SideSign } from '@firesale/spec';
import { withinBracket, type ResolvedBrackets } from './leverage-brackets';

/** A USDⓈ-M position in one-way mode and the account around it. */
export type UsdmLiquidationInput = {
  readonly side: SideSign;
  /** Absolute position quantity in base units. */
  readonly sizeBase: AmountBase;
  readonly entryPriceQuote: PriceQuote;
  /** Wallet balance: the cross wallet balance, or the isolated wallet balance of this position (WB). */
  readonly walletBalanceQuote: AmountQuote;
  /** Cross only: maintenance margin of all OTHER positions at mark (TMM1); 0 in isolated mode. */
  readonly otherMaintenanceMarginQuote?: AmountQuote;
  /** Cross only: unrealized PnL of all OTHER positions at mark (UPNL1); 0 in isolated mode. */
  readonly otherUnrealizedPnlQuote?: AmountQuote;
};

/**
 * USDⓈ-M one-way liquidation price with a given bracket (Binance FAQ "How to Calculate Liquidation Price of
 * USDⓈ-M Futures Contracts"; freqtrade `Binance.dry_run_liquidation_price`):
 * `LP = (WB - TMM1 + UPNL1 + cumB - side*size*EP) / (size*MMR - side*size)`.
 * A long that cannot be liquidated gets 0; a short gets `Infinity`.
 */
export function usdmLiquidationPriceAt(
  input: UsdmLiquidationInput,
  maintenanceMarginRate: Fraction,
  maintenanceAmountQuote: AmountQuote,
): PriceQuote {
  const price = rawUsdmLiquidationPrice(input, maintenanceMarginRate, maintenanceAmountQuote);
  return clampTrigger(input.side, price);
}

/**
 * USDⓈ-M liquidation price with brackets: the FAQ formula with the bracket of the position's notional AT the
 * liquidation price ("if the bracket at LP differs from the bracket at entry, recompute with the bracket at LP").
 * Every bracket's solution is tried and the one inside its own bracket is kept; maintenance margin is continuous
 * in notional, so exactly one qualifies when the position can be liquidated.
 */
export function usdmLiquidationPrice(brackets: ResolvedBrackets, input: UsdmLiquidationInput): PriceQuote {
  const n = brackets.floors.length;
  for (let i = 0; i < n; i++) {
    const price = rawUsdmLiquidationPrice(input, brackets.rates[i]!, brackets.amounts[i]!);
    if (withinBracket(brackets, i, input.sizeBase * price)) return clampTrigger(input.side, price);
  }
  return input.side === 1 ? 0 : Infinity;
}

/** Isolated bankruptcy price: where the wallet balance is used up, `EP - side * WB / size`. */
export function usdmBankruptcyPrice(side: SideSign, sizeBase: AmountBase, entryPriceQuote: PriceQuote, walletBalanceQuote: AmountQuote): PriceQuote {
  return clampTrigger(side, entryPriceQuote - (side * walletBalanceQuote) / sizeBase);
}

function rawUsdmLiquidationPrice(input: UsdmLiquidationInput, rate: Fraction, amount: AmountQuote): number {
  const { side, sizeBase: size, entryPriceQuote: ep } = input;
  const numerator =
    input.walletBalanceQuote - (input.otherMaintenanceMarginQuote ?? 0) + (input.otherUnrealizedPnlQuote ?? 0) + amount - side * size * ep;
  return numerator / (size * rate - side * size);
}

function clampTrigger(side: SideSign, price: number): PriceQuote {
  if (side === 1) return price > 0 && Number.isFinite(price) ? price : 0;
  return price > 0 && Number.isFinite(price) ? price : Infinity;
}

import type { Fraction, PriceQuote, SideSign } from '@firesale/spec';
import { withinBracket, type ResolvedBrackets } from './leverage-brackets';

/** A COIN-M (inverse) position in one-way mode. */
export type CoinmLiquidationInput = {
  readonly side: SideSign;
  /** Position size in USD: contracts x contract size (100 USD for BTCUSD, 10 USD for most others). */
  readonly positionUsd: number;
  /** Entry price, USD per coin. */
  readonly entryPriceQuote: PriceQuote;
  /** Wallet balance in coin: cross wallet balance, or the isolated wallet balance of the position. */
  readonly walletBalanceCoin: number;
};

/**
 * COIN-M one-way liquidation price for a single position with a given bracket (Binance FAQ "How to Calculate
 * Liquidation Price of COIN-M Futures Contracts"): `LP = (P*MMR + side*P) / (WB + cum + side*P/EP)`, P in USD,
 * WB and cum in coin. A long that cannot be liquidated gets 0; a short gets `Infinity`.
 */
export function coinmLiquidationPriceAt(input: CoinmLiquidationInput, maintenanceMarginRate: Fraction, maintenanceAmountCoin: number): PriceQuote {
  return clampTrigger(input.side, rawCoinmLiquidationPrice(input, maintenanceMarginRate, maintenanceAmountCoin));
}

/**
 * COIN-M liquidation price with brackets by position value in coin (`P / price`): the bracket of the position
 * value AT the liquidation price, found by trying each bracket's solution (maintenance margin is continuous).
 */
export function coinmLiquidationPrice(brackets: ResolvedBrackets, input: CoinmLiquidationInput): PriceQuote {
  const n = brackets.floors.length;
  for (let i = 0; i < n; i++) {
    const price = rawCoinmLiquidationPrice(input, brackets.rates[i]!, brackets.amounts[i]!);
    if (!(price > 0) || !Number.isFinite(price)) continue;
    if (withinBracket(brackets, i, input.positionUsd / price)) return price;
  }
  return input.side === 1 ? 0 : Infinity;
}

/** COIN-M maintenance margin in coin: `contracts * contractSize / mark * MMR - cum`. */
export function coinmMaintenanceMargin(positionUsd: number, markPriceQuote: PriceQuote, maintenanceMarginRate: Fraction, maintenanceAmountCoin: number): number {
  return (positionUsd / markPriceQuote) * maintenanceMarginRate - maintenanceAmountCoin;
}

function rawCoinmLiquidationPrice(input: CoinmLiquidationInput, rate: Fraction, amount: number): number {
  const p = input.positionUsd;
  return (p * rate + input.side * p) / (input.walletBalanceCoin + amount + (input.side * p) / input.entryPriceQuote);
}

function clampTrigger(side: SideSign, price: number): PriceQuote {
  if (side === 1) return price > 0 && Number.isFinite(price) ? price : 0;
  return price > 0 && Number.isFinite(price) ? price : Infinity;
}

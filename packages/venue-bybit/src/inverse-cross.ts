import type { Fraction, PriceQuote, SideSign } from '@firesale/spec';

/** An inverse (coin-margined) position in cross margin, the account's only position, with no open orders. */
export type InverseCrossInput = {
  readonly side: SideSign;
  /** Position size in USD contracts (Q). */
  readonly contractsUsd: number;
  readonly entryPriceQuote: PriceQuote;
  /** Wallet balance in coin. */
  readonly balanceCoin: number;
  /** Margin held by open orders, in coin (0 with none). */
  readonly orderMarginCoin: number;
  readonly maintenanceMarginRate: Fraction;
  /** Taker fee rate charged on the closing order (Bybit's "fee to close"). */
  readonly takerFeeRate: Fraction;
};

/**
 * Inverse cross bankruptcy price (Bybit help "How to calculate Liquidation Price (Inverse Contract)"):
 * long `BP = (1 + fee) x Q / (Q/EP + available)`, short `BP = (1 - fee) x Q / (Q/EP - available)`, where
 * available = balance - order margin; the fee to close at BP is paid out of the balance. A short whose balance
 * covers any rise gets `Infinity`.
 */
export function inverseCrossBankruptcyPrice(input: InverseCrossInput): PriceQuote {
  const q = input.contractsUsd;
  const available = input.balanceCoin - input.orderMarginCoin;
  const price = ((1 + input.side * input.takerFeeRate) * q) / (q / input.entryPriceQuote + input.side * available);
  return price > 0 && Number.isFinite(price) ? price : input.side === 1 ? 0 : Infinity;
}

/**
 * Inverse cross liquidation price (same page): the price where the balance plus PnL equals the maintenance margin
 * plus the fee to close at the bankruptcy price, `side x Q x (1/EP - 1/LP) = -(available - Q/EP x MMR - Q x fee / BP)`.
 */
export function inverseCrossLiquidationPrice(input: InverseCrossInput): PriceQuote {
  const q = input.contractsUsd;
  const bankruptcy = inverseCrossBankruptcyPrice(input);
  const feeToClose = Number.isFinite(bankruptcy) && bankruptcy > 0 ? (q * input.takerFeeRate) / bankruptcy : 0;
  const cushion = input.balanceCoin - input.orderMarginCoin - (q / input.entryPriceQuote) * input.maintenanceMarginRate - feeToClose;
  const inverse = 1 / input.entryPriceQuote + (input.side * cushion) / q;
  const price = 1 / inverse;
  return price > 0 && Number.isFinite(price) ? price : input.side === 1 ? 0 : Infinity;
}

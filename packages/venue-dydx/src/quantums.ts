import { abs, pow10 } from './big-math';

/** Atomic resolution of USDC, the quote asset: 1 quote quantum = 1e-6 USDC. */
export const QUOTE_ATOMIC_RESOLUTION = -6;

/** An oracle price: `price * 10^exponent` USDC per whole coin (`x/prices` MarketPrice). */
export type MarketPrice = {
  readonly price: bigint;
  readonly exponent: number;
};

/** `value * 10^exp`, truncated toward zero when exp < 0. */
function scaleTruncated(value: bigint, exp: number): bigint {
  return exp >= 0 ? value * pow10(exp) : value / pow10(-exp);
}

/**
 * Net notional of `baseQuantums` in quote quantums: `q * price * 10^(exponent + atomicResolution + 6)`,
 * truncated toward zero (dydxprotocol/v4-chain `protocol/lib/quantums.go` BaseToQuoteQuantums, which divides
 * with `big.Int.Quo`). Longs are positive, shorts negative.
 */
export function baseToQuoteQuantums(baseQuantums: bigint, atomicResolution: number, marketPrice: MarketPrice): bigint {
  const exp = marketPrice.exponent + atomicResolution - QUOTE_ATOMIC_RESOLUTION;
  return scaleTruncated(baseQuantums * marketPrice.price, exp);
}

/**
 * Base quantums worth `quoteQuantums` at the oracle price, truncated toward zero
 * (`protocol/lib/quantums.go` QuoteToBaseQuantums: rounds the magnitude down, then restores the sign).
 */
export function quoteToBaseQuantums(quoteQuantums: bigint, atomicResolution: number, marketPrice: MarketPrice): bigint {
  if (marketPrice.price <= 0n) throw new RangeError('quoteToBaseQuantums: price must be positive');
  const exp = marketPrice.exponent + atomicResolution - QUOTE_ATOMIC_RESOLUTION;
  const magnitude = abs(quoteQuantums);
  // |quote| / price / 10^exp, rounded down.
  const absBase = exp >= 0 ? magnitude / (marketPrice.price * pow10(exp)) : (magnitude * pow10(-exp)) / marketPrice.price;
  return quoteQuantums < 0n ? -absBase : absBase;
}

/**
 * Quote quantums of a fill of `baseQuantums` at `subticks`: `floor(subticks * baseQuantums * 10^qce)`
 * (`protocol/x/clob/types/quantums.go` FillAmountToQuoteQuantums).
 */
export function fillAmountToQuoteQuantums(subticks: bigint, baseQuantums: bigint, quantumConversionExponent: number): bigint {
  return scaleTruncated(subticks * baseQuantums, quantumConversionExponent);
}

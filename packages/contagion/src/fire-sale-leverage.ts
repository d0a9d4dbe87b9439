import type { Fraction } from '@firesale/spec';

/**
 * lambda = (sum of marketable holdings + illiquid holdings) / equity (FinNetValu `leverageratio`). Infinity when the
 * equity is 0.
 */
export function leverageRatio(marketableQuote: number, illiquidQuote: number, equityQuote: number): number {
  if (equityQuote <= 0) return Infinity;
  return (marketableQuote + illiquidQuote) / equityQuote;
}

/**
 * Gamma: the share of its marketable holdings a bank sells this round (FinNetValu `delevprop`):
 * `min((Pi + I - lambda_target * C) / Pi, 1)` when its leverage is above `maxLeverage`, it holds marketable assets
 * and it may sell (solvent, or insolvent banks sell); otherwise 0. A bank with zero equity that sells sells all.
 */
export function sellFraction(
  marketableQuote: number,
  illiquidQuote: number,
  equityQuote: number,
  params: { readonly maxLeverage: number; readonly targetLeverage: number; readonly insolventBanksSell: boolean },
): Fraction {
  const leverage = leverageRatio(marketableQuote, illiquidQuote, equityQuote);
  const maySell = params.insolventBanksSell || equityQuote > 0;
  if (!(leverage > params.maxLeverage) || !(marketableQuote > 0) || !maySell) return 0;
  return Math.min((marketableQuote + illiquidQuote - params.targetLeverage * equityQuote) / marketableQuote, 1);
}

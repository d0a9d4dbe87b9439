/**
 * The Cont–Schaanning price-impact function (Cont & Schaanning 2017, eq. 6; FinNetValu `src/models/csmodel.jl`
 * `marketdepth`, `marketimpact`).
 */

/** D = c * ADV / sigma * sqrt(tau): the market depth of an asset (quote). */
export function marketDepthQuote(depthCoefficient: number, averageDailyVolumeQuote: number, dailyVolatility: number, liquidationHorizonDays: number): number {
  return ((depthCoefficient * averageDailyVolumeQuote) / dailyVolatility) * Math.sqrt(liquidationHorizonDays);
}

/** delta = (1 - B / S0) * D: the value sold that moves the price 1 - 1/e of the way to the floor (quote). */
export function impactDepthQuote(priceFloor: number, initialPrice: number, marketDepth: number): number {
  return (1 - priceFloor / initialPrice) * marketDepth;
}

/**
 * Psi = (1 - B / S) * (1 - exp(-q / delta)): the relative price fall when `valueSoldQuote` (q) is sold at current
 * price S. 0 when nothing is sold; the new price S * (1 - Psi) never goes below the floor B.
 */
export function priceImpactFraction(valueSoldQuote: number, impactDepth: number, priceFloor: number, price: number): number {
  if (valueSoldQuote <= 0) return 0;
  return (1 - priceFloor / price) * (1 - Math.exp(-valueSoldQuote / impactDepth));
}

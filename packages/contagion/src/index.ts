/**
 * Contagion for firesale: the Cont–Schaanning price-mediated fire-sale model (banks deleveraging into common
 * assets), lending liquidation spirals and their closed-form threshold, correlated multi-asset shocks (correlation
 * matrix or factor model, seeded), and contagion analytics over cascade reports (order and strength of reach, a
 * weighted contagion graph, systemic loss measures).
 *
 * @packageDocumentation
 */
export { simulateFireSale } from './fire-sale-contagion';
export type { FireSaleModelInput, FireSaleResult, FireSaleRound, FireSaleBankAccount } from './fire-sale-input';
export { marketDepthQuote, impactDepthQuote, priceImpactFraction } from './fire-sale-impact';
export { leverageRatio, sellFraction } from './fire-sale-leverage';
export { spiralThreshold } from './spiral-threshold';
export type { SpiralThreshold } from './spiral-threshold';
export { simulateLendingSpiral } from './lending-spiral';
export type { LendingSpiralInput, LendingSpiralStep, LendingSpiralResult } from './lending-spiral';
export { correlatedReturns, createCorrelatedSampler, impliedCorrelation, shocksFromReturns } from './correlated-returns';
export type { CorrelatedReturnsSpec, CorrelatedReturnsInput, CorrelatedReturnsSampler, ReturnModel } from './correlated-returns';
export { checkCorrelationMatrix, choleskyLower } from './correlation-matrix';
export { normalQuantile } from './normal-quantile';
export { symmetricEigen } from './symmetric-eigen';
export type { SymmetricEigen } from './symmetric-eigen';
export { analyzeContagion } from './contagion-analysis';
export type {
  ContagionOptions,
  ContagionAnalysis,
  ContagionNode,
  ContagionEdge,
  ContagionGraph,
  VenueContagion,
  SystemicMeasures,
} from './contagion-analysis';
export { VenueRuleError } from './venue-rule-error';

/**
 * Order book models for firesale: how far the price moves for a given sell or buy and how depth recovers.
 * Linear and power-law (square-root impact) books, books from observed L2 snapshots, constant-product and
 * concentrated-liquidity (Uniswap v3) AMM pools; exponential resilience (Obizhaeva–Wang) and a depth multiplier
 * for stress. Every factory returns an `OrderBookModelV1` from @firesale/spec; pass it to the engine explicitly.
 *
 * @packageDocumentation
 */
export { createLinearBook, linearBookCapabilities } from './linear-book';
export type { LinearBookOptions } from './linear-book';
export { createParametricBook, parametricBookCapabilities } from './parametric-book';
export type { ParametricBookOptions } from './parametric-book';
export { createL2Book, l2BookCapabilities } from './l2-book';
export type { L2BookOptions } from './l2-book';
export type { BeyondLastLevel } from './l2-shape';
export { checkL2Snapshot, parseL2SnapshotJson } from './l2-snapshot';
export type { BookProblem, BookProblemCode, L2Level, L2Snapshot } from './l2-snapshot';
export { createConstantProductPool, constantProductPoolCapabilities } from './constant-product-pool';
export type { ConstantProductPoolOptions } from './constant-product-pool';
export { createConcentratedLiquidityPool, concentratedLiquidityPoolCapabilities } from './concentrated-liquidity-pool';
export type { ConcentratedLiquidityPoolOptions, ConcentratedLiquidityRange } from './concentrated-liquidity-pool';
export type { ResilienceOptions } from './resilience';
export { createFill } from './create-fill';

// The testkit's OrderBookModelV1 conformance suite, run on every order book model of @firesale/orderbook (issue 5).
import { runOrderBookConformance } from '../src/index';
import { createConcentratedLiquidityPool, createConstantProductPool, createL2Book, createLinearBook, createParametricBook } from '@firesale/orderbook';

const bids = [[99, 1], [98, 2], [95, 5], [90, 10]] as const;
const asks = [[101, 1], [102, 2], [105, 5], [110, 10]] as const;

runOrderBookConformance({
  name: 'conformance: linear book with resilience',
  create: () => createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 50, resilience: { halfLifeSeconds: 10 } }),
});
runOrderBookConformance({
  name: 'conformance: power-law book (square-root impact) with resilience',
  create: () => createParametricBook({ midPriceQuote: 100_000, depthQuotePerPercent: 20_000_000, exponent: 2, resilience: { halfLifeSeconds: 30 } }),
});
runOrderBookConformance({
  name: 'conformance: L2 snapshot book with resilience',
  create: () => createL2Book({ bids, asks, resilience: { ratePerSecond: 0.1 } }),
});
runOrderBookConformance({
  name: 'conformance: L2 snapshot book without resilience, exhausting past the last level',
  create: () => createL2Book({ bids, asks, beyondLastLevel: 'exhaust' }),
});
runOrderBookConformance({
  name: 'conformance: constant-product pool',
  create: () => createConstantProductPool({ baseReserve: 1_000, quoteReserve: 2_000_000 }),
});
runOrderBookConformance({
  name: 'conformance: constant-product pool with a 0.3% fee',
  create: () => createConstantProductPool({ baseReserve: 1_000, quoteReserve: 2_000_000, feeRate: 0.003 }),
  expectedFailures: {
    'OB-MUST-006':
      'the pool keeps its fee out of the trade (src/constant-product-pool.ts: only input x (1 - feeRate) enters the curve), so a sell of 0.1003 base averages 1993.80, 0.3% under both the price before (2000) and after (1999.60) the trade',
    'OB-SHOULD-003':
      'depthToPriceBase counts the pool price (reserves), not the fill net of the fee: selling the 0.0502 base it reports for a limit of 1999.80 averages 1993.90 after the 0.3% fee',
  },
});

// Overlapping ranges around 2000 (summed), a gap from 2500 to 2600 and a thin range above it: swaps cross ranges,
// jump the gap, and the larger generated orders run the pool out of liquidity.
const concentratedRanges = [
  { lowerPriceQuote: 1500, upperPriceQuote: 2500, liquidity: 40_000 },
  { lowerPriceQuote: 1800, upperPriceQuote: 2200, liquidity: 120_000 },
  { lowerPriceQuote: 2600, upperPriceQuote: 3000, liquidity: 10_000 },
];
runOrderBookConformance({
  name: 'conformance: concentrated-liquidity pool',
  create: () => createConcentratedLiquidityPool({ initialPriceQuote: 2000, ranges: concentratedRanges }),
});
runOrderBookConformance({
  name: 'conformance: concentrated-liquidity pool with a 0.05% fee',
  create: () => createConcentratedLiquidityPool({ initialPriceQuote: 2000, ranges: concentratedRanges, feeRate: 0.0005 }),
  expectedFailures: {
    'OB-MUST-006':
      'as the constant-product pool, the pool keeps its fee out of the trade (src/concentrated-liquidity-pool.ts: only input x (1 - feeRate) moves the price), so a sell averages 0.05% under the prices before and after a small trade',
    'OB-SHOULD-003':
      'depthToPriceBase counts the pool price, not the fill net of the fee: selling the base it reports for a limit just under the mid averages below that limit after the fee',
  },
});

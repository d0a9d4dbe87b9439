import type { OrderBookCapabilitiesV1, OrderBookModelV1 } from '@firesale/spec';
import { createDisplacementModel } from './displacement-book';
import { createL2Shape } from './l2-shape';
import type { BeyondLastLevel } from './l2-shape';
import { checkL2Snapshot } from './l2-snapshot';
import type { BookProblem, L2Level } from './l2-snapshot';
import { DEFAULT_MIN_PRICE_FRACTION, requireNonNegativeFinite } from './option-checks';
import { resilienceRatePerSecond } from './resilience';
import type { ResilienceOptions } from './resilience';

/** Options of {@link createL2Book}. */
export type L2BookOptions = {
  /** Bid levels `[priceQuote, sizeBase]`, prices strictly descending (best first). */
  readonly bids: readonly L2Level[];
  /** Ask levels `[priceQuote, sizeBase]`, prices strictly ascending (best first). */
  readonly asks: readonly L2Level[];
  /** How the displacement recovers over simulated time; omitted: it never recovers. */
  readonly resilience?: ResilienceOptions;
  /**
   * Volume past the last level: `'extrapolate'` (default) continues with the side's average density
   * (total size over the last level's distance from the mid), `'exhaust'` stops filling (`exhausted: true`).
   */
  readonly beyondLastLevel?: BeyondLastLevel;
  /** Price floor in quote per base; volume that would push below it is not filled. Default `1e-9 × initial mid`. */
  readonly minPriceQuote?: number;
};

/** What an L2 snapshot book supports. */
export const l2BookCapabilities = {
  resilience: true,
  depthMultiplier: true,
  observedLevels: true,
  automatedMarketMaker: false,
} as const satisfies OrderBookCapabilitiesV1;

function describeProblem(problem: BookProblem): string {
  switch (problem.code) {
    case 'BOOK__CROSSED_LEVELS':
      return `best bid ${problem.context.bestBidQuote} is not below best ask ${problem.context.bestAskQuote}`;
    case 'BOOK__LEVELS_UNSORTED':
      return `${problem.context.side} are not sorted best first (bids descending, asks ascending)`;
    case 'BOOK__EMPTY_SIDE':
      return `${problem.context.side} has no levels`;
    case 'SCENARIO__PRICE_INVALID':
      return `price ${String(problem.value)} is invalid: ${problem.context.reason}`;
    case 'SCENARIO__SIZE_NOT_POSITIVE':
      return `size ${String(problem.value)} is not a positive number`;
  }
}

/**
 * A book built from an observed L2 snapshot. The initial mid is halfway between the best bid and ask; levels
 * are kept as distances from it, so they move with the reference price. Selling walks the bids: the average
 * fill is the VWAP of the consumed slices and the mid afterwards is the price of the best remaining level.
 * Depth multiplier and resilience act as in every displacement book.
 *
 * @throws RangeError naming the path of the first problem {@link checkL2Snapshot} finds (`bids[3][0]: …`);
 * check snapshots first to report every problem.
 * @example
 * ```ts
 * const fill = createFill();
 * const book = createL2Book({ bids: [[99, 1], [98, 2]], asks: [[101, 1], [102, 2]] }).doCreate();
 * book.quote('sell', 2, fill); // VWAP (99·1 + 98·1) / 2 = 98.5, mid after 98
 * ```
 */
export function createL2Book(options: L2BookOptions): OrderBookModelV1 {
  const problems = checkL2Snapshot({ bids: options.bids, asks: options.asks });
  const first = problems[0];
  if (first !== undefined) throw new RangeError(`createL2Book: ${first.path}: ${describeProblem(first)}`);
  const beyond = options.beyondLastLevel ?? 'extrapolate';
  if (beyond !== 'extrapolate' && beyond !== 'exhaust') {
    throw new RangeError(`createL2Book.beyondLastLevel: ${String(beyond)} is not 'extrapolate' or 'exhaust'`);
  }
  const bestBid = (options.bids[0] as L2Level)[0];
  const bestAsk = (options.asks[0] as L2Level)[0];
  const mid = (bestBid + bestAsk) / 2;
  const bid = createL2Shape(
    options.bids.map((level) => mid - level[0]),
    options.bids.map((level) => level[1]),
    beyond,
  );
  const ask = createL2Shape(
    options.asks.map((level) => level[0] - mid),
    options.asks.map((level) => level[1]),
    beyond,
  );
  return createDisplacementModel({
    modelId: 'l2-snapshot',
    capabilities: l2BookCapabilities,
    initialMidPriceQuote: mid,
    shapes: { bid, ask },
    ratePerSecond: resilienceRatePerSecond(options.resilience, 'createL2Book.resilience'),
    minPriceQuote:
      options.minPriceQuote === undefined
        ? DEFAULT_MIN_PRICE_FRACTION * mid
        : requireNonNegativeFinite(options.minPriceQuote, 'createL2Book.minPriceQuote'),
  });
}

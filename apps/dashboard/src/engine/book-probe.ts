import type { OrderBookCapabilitiesV1, OrderBookModelV1, OrderBookV1 } from '@firesale/spec';

/**
 * An order book model that hands the engine another model's books and keeps the last one it made, so the
 * dashboard can read the book's depth after each step. The wrapped model can be swapped between runs (a depth
 * or resilience change) without rebuilding the simulator's liquidation index, which does not depend on books.
 */
export class ProbedBookModel implements OrderBookModelV1 {
  readonly specificationVersion = 'v1' as const;
  /** The book the latest run trades against. */
  lastBook: OrderBookV1 | undefined;

  constructor(public inner: OrderBookModelV1) {}

  get modelId(): string {
    return this.inner.modelId;
  }

  get capabilities(): OrderBookCapabilitiesV1 {
    return this.inner.capabilities;
  }

  get initialMidPriceQuote(): number {
    return this.inner.initialMidPriceQuote;
  }

  doCreate(): OrderBookV1 {
    this.lastBook = this.inner.doCreate();
    return this.lastBook;
  }
}

/** Quote notional that a sell can trade before the price falls `fraction` below the current mid. */
export function bidDepthQuote(book: OrderBookV1, fraction: number): number {
  const mid = book.midPriceQuote();
  const limit = mid * (1 - fraction);
  // Average fill of a linear walk from mid to limit: a good enough notional for a depth readout.
  return book.depthToPriceBase('sell', limit) * (mid + limit) / 2;
}

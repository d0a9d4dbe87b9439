import type { CheckResult, ExpectedFailures } from './check-types';
import { evaluateCheck, unknownExpectedFailures } from './expected-failures';
import { orderBookChecks } from './order-book-checks';
import type { OrderBookCheckContext, OrderBookFactory } from './order-book-checks';

/** Options of {@link checkOrderBook} beyond the factory. */
export type CheckOrderBookOptions = {
  /** Seed passed to `create` and fast-check (default 1). */
  readonly seed?: number;
  /** fast-check runs per property (default 100). */
  readonly numRuns?: number;
  readonly expectedFailures?: ExpectedFailures;
};

/** Builds the context of one order-book check. */
export function createOrderBookContext(create: OrderBookFactory, options: CheckOrderBookOptions = {}): OrderBookCheckContext {
  const seed = options.seed ?? 1;
  return { create, model: create(seed), seed, numRuns: options.numRuns ?? 100 };
}

/**
 * Runs every OrderBookModelV1 check on the model `create` builds and returns one result per check, plus one
 * failing result per expected-failure id that names no check.
 */
export function checkOrderBook(create: OrderBookFactory, options: CheckOrderBookOptions = {}): CheckResult[] {
  const results = orderBookChecks.map((check) => evaluateCheck(check, () => createOrderBookContext(create, options), options.expectedFailures));
  results.push(...unknownExpectedFailures(orderBookChecks, options.expectedFailures));
  return results;
}

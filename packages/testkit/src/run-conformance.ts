import { describe, expect, it } from 'vitest';
import type { CheckResult, ConformanceCheck, ExpectedFailures } from './check-types';
import { isAcceptable } from './check-types';
import { createOrderBookContext } from './check-order-book';
import { liquidationEngineChecks } from './engine-checks';
import { createEngineContext } from './engine-context';
import type { EngineConformanceOptions } from './engine-context';
import { evaluateCheck, unknownExpectedFailures } from './expected-failures';
import { createGoldenContext, goldenChecks } from './golden-checks';
import type { GoldenOptions } from './golden-checks';
import { orderBookChecks } from './order-book-checks';
import type { OrderBookFactory } from './order-book-checks';

/** Turns a result into a vitest outcome: acceptable results pass, the rest fail with their message. */
function report(result: CheckResult): void {
  if (isAcceptable(result)) return;
  expect.fail(`${result.id} ${result.status}: ${result.message ?? result.title}`);
}

function registerSuite<Context>(
  name: string,
  checks: readonly ConformanceCheck<Context>[],
  makeContext: () => Context,
  expectedFailures: ExpectedFailures | undefined,
): void {
  describe(name, () => {
    for (const check of checks) {
      const listed = expectedFailures !== undefined && Object.hasOwn(expectedFailures, check.id);
      it(`${check.id} [${check.level}] ${check.title}${listed ? ' (expected failure)' : ''}`, () => {
        report(evaluateCheck(check, makeContext, expectedFailures));
      });
    }
    const unknown = unknownExpectedFailures(checks, expectedFailures);
    if (unknown.length > 0) {
      it('expected failures name only known check ids', () => {
        expect.fail(unknown.map((u) => u.message).join('\n'));
      });
    }
  });
}

/** Options of {@link runLiquidationEngineConformance}. */
export type LiquidationEngineConformanceOptions = EngineConformanceOptions & {
  /** Checks the plugin does not pass yet, with reasons (`loadExpectedFailures(path)` reads a file). */
  readonly expectedFailures?: ExpectedFailures;
  /** The describe block's name (default `LiquidationEngineModelV1 conformance: <venueId>`). */
  readonly name?: string;
};

/**
 * Registers a vitest `describe` with one `it` per LiquidationEngineModelV1 check (ids and titles in the
 * testkit README). Call it at the top level of a test file.
 *
 * @example
 * ```ts
 * runLiquidationEngineConformance({
 *   create: () => createGenericEngine(),
 *   expectedFailures: { 'LE-SHOULD-003': 'no ADL ranking yet' },
 * });
 * ```
 */
export function runLiquidationEngineConformance(options: LiquidationEngineConformanceOptions): void {
  let venue = 'plugin';
  try {
    venue = options.create(options.seed ?? 1).venueId;
  } catch {
    // The checks report the factory's error.
  }
  registerSuite(options.name ?? `LiquidationEngineModelV1 conformance: ${venue}`, liquidationEngineChecks, () => createEngineContext(options), options.expectedFailures);
}

/** Options of {@link runOrderBookConformance}. */
export type OrderBookConformanceOptions = {
  readonly create: OrderBookFactory;
  readonly expectedFailures?: ExpectedFailures;
  readonly name?: string;
  readonly seed?: number;
  readonly numRuns?: number;
};

/** Registers a vitest `describe` with one `it` per OrderBookModelV1 check. */
export function runOrderBookConformance(options: OrderBookConformanceOptions): void {
  let model = 'model';
  try {
    model = options.create(options.seed ?? 1).modelId;
  } catch {
    // The checks report the factory's error.
  }
  registerSuite(options.name ?? `OrderBookModelV1 conformance: ${model}`, orderBookChecks, () => createOrderBookContext(options.create, options), options.expectedFailures);
}

/**
 * Registers a vitest `describe` with the golden-scenario checks: a generic-compatible plugin must match the
 * recordings; any plugin must conserve value and be no worse with more depth.
 */
export function runGoldenScenarios(options: GoldenOptions & { readonly name?: string }): void {
  registerSuite(options.name ?? 'golden scenarios', goldenChecks, () => createGoldenContext(options), options.expectedFailures);
}

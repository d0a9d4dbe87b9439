import type { CheckResult, ExpectedFailures } from './check-types';
import { liquidationEngineChecks } from './engine-checks';
import { createEngineContext } from './engine-context';
import type { EngineConformanceOptions, EngineFactory } from './engine-context';
import { evaluateCheck, unknownExpectedFailures } from './expected-failures';

/** Options of {@link checkLiquidationEngine} beyond the factory. */
export type CheckLiquidationEngineOptions = Omit<EngineConformanceOptions, 'create'> & {
  readonly expectedFailures?: ExpectedFailures;
};

/**
 * Runs every LiquidationEngineModelV1 check on the plugin `create` builds and returns one result per check,
 * plus one failing result per expected-failure id that names no check. A fresh engine is built for each check.
 * The vitest wrapper `runLiquidationEngineConformance` reports the same results as tests.
 *
 * @example
 * ```ts
 * const results = checkLiquidationEngine(() => createGenericEngine());
 * results.filter((r) => !isAcceptable(r)); // []
 * ```
 */
export function checkLiquidationEngine(create: EngineFactory, options: CheckLiquidationEngineOptions = {}): CheckResult[] {
  const results = liquidationEngineChecks.map((check) =>
    evaluateCheck(check, () => createEngineContext({ ...options, create }), options.expectedFailures),
  );
  results.push(...unknownExpectedFailures(liquidationEngineChecks, options.expectedFailures));
  return results;
}

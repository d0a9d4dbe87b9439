import type { ConformanceCheck } from './check-types';
import { engineContractChecks } from './engine-contract-checks';
import type { EngineCheckContext } from './engine-context';
import { engineOrderChecks } from './engine-order-checks';
import { enginePriceChecks } from './engine-price-checks';
import { engineRunChecks } from './engine-run-checks';

/** Orders check ids: MUST before SHOULD, then by number. */
export function compareCheckIds(a: string, b: string): number {
  const rank = (id: string) => (id.includes('-MUST-') ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true });
}

/** Every LiquidationEngineModelV1 check, MUST first, in id order. Ids never change. */
export const liquidationEngineChecks: readonly ConformanceCheck<EngineCheckContext>[] = [
  ...engineContractChecks,
  ...enginePriceChecks,
  ...engineOrderChecks,
  ...engineRunChecks,
].sort((a, b) => compareCheckIds(a.id, b.id));

import { readFileSync } from 'node:fs';
import { recordHistory } from '../src';

/** The small cascade scenario used by the tests (1,500 positions, ADL after the fund empties). */
export function smallScenario(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('./fixtures/small-cascade.json', import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** The engine history of the small scenario, as lines. */
export function smallHistoryLines(): string[] {
  return [...recordHistory(smallScenario())];
}

/** Splits text into small chunks, as a stream would deliver it. */
export function chunked(text: string, size = 997): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** The small scenario with volatility-driven liquidity withdrawal on its market. */
export function withdrawalScenario(withdrawal: { windowSeconds: number; sensitivity: number; floorMultiplier: number }): Record<string, unknown> {
  const scenario = smallScenario() as { markets: Record<string, unknown>[] };
  scenario.markets[0]!.liquidityWithdrawal = withdrawal;
  return scenario;
}

/** The lowest withdrawal multiplier an engine history's mids drive the market to (the engine's formula, from the mids). */
export function lowestWithdrawalMultiplier(lines: readonly string[], withdrawal: { windowSeconds: number; sensitivity: number }): number {
  const mids = lines.map((l) => JSON.parse(l) as { type: string; priceQuote: number }).filter((r) => r.type === 'mid').map((r) => r.priceQuote);
  let lowest = 1;
  for (let k = 2; k < mids.length; k++) {
    let squares = 0;
    for (let j = Math.max(1, k - withdrawal.windowSeconds); j < k; j++) squares += Math.log(mids[j]! / mids[j - 1]!) ** 2;
    lowest = Math.min(lowest, Math.exp(-withdrawal.sensitivity * Math.sqrt(squares)));
  }
  return lowest;
}

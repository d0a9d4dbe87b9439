import type { VectorCaseV1, VectorHandlerV1 } from '@firesale/spec';
import { adlQueue, adlRankingFromValues, type AdlQueueEntry } from './adl-ranking';
import { VenueRuleError } from './venue-rule-error';

function num(value: unknown, field: string): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || Number.isNaN(n)) throw new VenueRuleError(`invalid input ${field}: ${String(value)}`);
  return n;
}

/** A position's ranking: given (`pnl_ranking`), or from its mark, average entry and bankrupt values. */
function rankingOf(p: Readonly<Record<string, unknown>>): number {
  const given = p['pnl_ranking'] ?? p['ranking'];
  if (given !== undefined) return num(given, 'positions.pnl_ranking');
  return adlRankingFromValues(
    num(p['mark_value'], 'positions.mark_value'),
    num(p['avg_entry_value'], 'positions.avg_entry_value'),
    num(p['bankrupt_value'], 'positions.bankrupt_value'),
  );
}

/** `adl_rank`: one side's queue order (highest ranking first) and each account's 20%-step indicator. */
function runAdlRank(testCase: VectorCaseV1): unknown {
  const positions = testCase.inputs['positions'];
  if (!Array.isArray(positions)) throw new VenueRuleError('invalid input positions');
  const entries: AdlQueueEntry[] = positions.map((p: Readonly<Record<string, unknown>>) => ({
    account: typeof p['account'] === 'number' ? p['account'] : String(p['account']),
    quantity: Math.abs(num(p['quantity'], 'positions.quantity')),
    ranking: rankingOf(p),
  }));
  const queue = adlQueue(entries);
  return { order: queue.order, percentile: queue.percentile };
}

/** Vector handlers of this package, for `firesale vectors` (vectors/perp-venues.json, venue `bitmex`). */
export const vectorHandlers: readonly VectorHandlerV1[] = [
  { specificationVersion: 'v1', kind: 'adl_rank', venue: 'bitmex', run: runAdlRank },
];

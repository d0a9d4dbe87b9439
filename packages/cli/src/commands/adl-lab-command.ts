import { DEFAULT_HORIZONS_SECONDS, runAdlLab, type AdlLabResult } from '@firesale/adl-lab';
import { ADL_POLICIES, FiresaleError, FiresaleErrors } from '@firesale/core';
import type { AdlPolicyV1 } from '@firesale/spec';
import { loadScenarioFile } from '@firesale/sdk/node';
import Table from 'cli-table3';
import { count, usd } from '../format';
import { venueFactories } from '../venues';

/** Options of `firesale adl-lab`. */
export type AdlLabCommandOptions = { horizon?: string; policies?: string; batching?: string; json?: boolean };

function list(text: string | undefined, path: string): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (items.length === 0) throw new FiresaleErrors([new FiresaleError('SCENARIO__INVALID_FIELD', { path, value: text, reason: 'must be a comma-separated list' })]);
  return items;
}

function horizons(text: string | undefined): number[] {
  const items = list(text, '--horizon');
  if (!items) return [...DEFAULT_HORIZONS_SECONDS];
  return items.map((item) => {
    const h = Number(item);
    if (!Number.isFinite(h) || h < 0) throw new FiresaleErrors([new FiresaleError('SCENARIO__INVALID_FIELD', { path: '--horizon', value: item, reason: 'must be seconds, 0 or more' })]);
    return h;
  });
}

function policies(text: string | undefined): AdlPolicyV1[] {
  const items = list(text, '--policies') ?? [...ADL_POLICIES];
  for (const p of items) {
    if (!(ADL_POLICIES as readonly string[]).includes(p)) {
      throw new FiresaleErrors([new FiresaleError('SCENARIO__INVALID_FIELD', { path: '--policies', value: p, reason: `must be one of ${ADL_POLICIES.join(', ')}` })]);
    }
  }
  return items as AdlPolicyV1[];
}

/**
 * `firesale adl-lab <scenario>`: runs the scenario once per ADL policy (same seed, same shock) and prints, per
 * policy, the shortfall ADL had to cover, what it covered, the overshoot in equity and in profit at each horizon,
 * the accounts hit and the largest hit (or the whole result as JSON).
 */
export function adlLabCommand(file: string, options: AdlLabCommandOptions, out: (text: string) => void): AdlLabResult {
  const prepared = loadScenarioFile(file, { venueFactories });
  const batching = options.batching;
  if (batching !== undefined && batching !== 'interleaved' && batching !== 'separate') {
    throw new FiresaleErrors([new FiresaleError('SCENARIO__INVALID_FIELD', { path: '--batching', value: batching, reason: 'must be interleaved or separate' })]);
  }
  const result = runAdlLab(prepared, {
    horizonsSeconds: horizons(options.horizon),
    policies: policies(options.policies),
    ...(batching === undefined ? {} : { batching }),
  });
  if (options.json) {
    out(JSON.stringify({ kind: 'firesale-adl-lab', scenario: file, ...result }, null, 2));
    return result;
  }
  const h = result.horizonsSeconds;
  const table = new Table({
    head: ['policy', 'shortfall', 'covered', 'overshoot (equity)', ...h.map((s) => `overshoot (profit ${s} s)`), 'accounts hit', 'largest hit', 'bad debt'],
    style: { head: [], border: [] },
  });
  for (const o of result.outcomes) {
    table.push([
      o.policy,
      usd(o.shortfallQuote),
      usd(o.coveredQuote),
      usd(o.overshootEquityQuote),
      ...o.overshootProfitQuote.map((v) => usd(v)),
      count(o.accountsHit),
      o.largestHit ? `${o.largestHit.accountId} ${usd(o.largestHit.takenEquityQuote)}` : '-',
      usd(o.badDebtQuote),
    ]);
  }
  out(`firesale adl-lab · ${prepared.scenario.name} (${file})`);
  out(table.toString());
  out('shortfall: loss beyond bankruptcy the insurance fund could not pay; overshoot: taken from winners beyond what it covered,');
  out('in equity at the mark when deleveraged, and in profit the deleveraged positions would have made by t + horizon.');
  return result;
}

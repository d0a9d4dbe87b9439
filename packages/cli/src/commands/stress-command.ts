import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { reverseStressTest, runSolvencyStresses, type NamedStress, type ReverseStressResult, type StressResult } from '@firesale/risk';
import Table from 'cli-table3';
import { percent, usd } from '../format';
import { venueFactories } from '../venues';
import { readScenarioJson } from './mc-command';

/** Options of `firesale stress`. */
export type StressCommandOptions = { stresses?: string; target?: string; badDebtThreshold?: string; maxDrop?: string; json?: boolean };

/** Default named stresses: the scenario's own shock, doubled, doubled on half depth, tripled on 30% depth. */
export function defaultStresses(scenario: unknown): NamedStress[] {
  const shocks = ((scenario as { shocks?: NamedStress['shocks'] }).shocks ?? []).map((s) => ({ ...s }));
  const scaled = (k: number) => shocks.map((s) => ({ ...s, returnPct: s.returnPct * k }));
  return [
    { name: 'scenario shock', shocks },
    { name: '2x shock', shocks: scaled(2) },
    { name: '2x shock, half depth', shocks: scaled(2), depthMultiplier: 0.5 },
    { name: '3x shock, 30% depth', shocks: scaled(3), depthMultiplier: 0.3 },
  ];
}

/**
 * `firesale stress <scenario>`: insurance-fund adequacy under named stresses (a JSON list via `--stresses`, or
 * the defaults) and a reverse stress test: the smallest fall that exhausts the fund or leaves bad debt.
 */
export function stressCommand(file: string, options: StressCommandOptions, out: (text: string) => void): { stresses: StressResult[]; reverse: ReverseStressResult } {
  const scenario = readScenarioJson(file);
  const folder = dirname(resolve(file));
  const prepare = { venueFactories, readTextFile: (path: string) => readFileSync(resolve(folder, path), 'utf8') };
  const stresses = options.stresses ? (readScenarioJson(options.stresses) as NamedStress[]) : defaultStresses(scenario);
  const results = runSolvencyStresses(scenario, stresses, prepare);
  const target = (options.target ?? 'either') as 'either' | 'bad-debt' | 'fund-exhaustion';
  const reverse = reverseStressTest(scenario, {
    ...prepare,
    target,
    ...(options.badDebtThreshold ? { badDebtAboveQuote: Number(options.badDebtThreshold) } : {}),
    ...(options.maxDrop ? { maxDropFraction: Number(options.maxDrop) } : {}),
  });
  if (options.json) {
    out(JSON.stringify({ kind: 'firesale-stress', scenario: file, stresses: results, reverse }));
    return { stresses: results, reverse };
  }
  const table = new Table({ head: ['stress', 'trough', 'liquidated', 'fund paid', 'fund low', 'coverage', 'bad debt', 'ADL'], style: { head: [], border: [] } });
  for (const r of results) {
    const f = r.funds[0];
    table.push([
      r.name,
      percent(-r.outcome.troughDropFraction),
      usd(r.outcome.liquidatedNotionalQuote),
      usd(f?.paidOutQuote ?? 0),
      `${usd(f?.minimumQuote ?? 0)}${f?.exhausted ? ' EXHAUSTED' : ''}`,
      f && Number.isFinite(f.coverageRatio) ? `${f.coverageRatio.toFixed(2)}x` : 'no shortfall',
      usd(r.outcome.badDebtQuote),
      String(r.outcome.adlCount),
    ]);
  }
  out(`firesale stress · ${file}`);
  out(table.toString());
  out(
    reverse.found
      ? `reverse stress (${target}): the smallest fall that breaks it is ${percent(reverse.dropFraction)} (bad debt ${usd(reverse.outcome.badDebtQuote)}${reverse.outcome.fundExhausted ? ', fund exhausted' : ''})`
      : `reverse stress (${target}): nothing breaks up to a ${percent(reverse.maxDropFraction)} fall`,
  );
  return { stresses: results, reverse };
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { findCriticalDepth, sweepGrid, type ScenarioOutcome, type SweepGrid } from '@firesale/risk';
import { FiresaleError, FiresaleErrors } from '@firesale/sdk';
import Table from 'cli-table3';
import { percent, usd } from '../format';
import { venueFactories } from '../venues';
import { readScenarioJson } from './mc-command';

/** Options of `firesale sweep`. */
export type SweepCommandOptions = {
  param?: string;
  values?: string;
  param2?: string;
  values2?: string;
  criticalDepth?: boolean;
  json?: boolean;
  csv?: string;
};

/** The JSON `firesale sweep --json` prints (and `firesale report --sweep` reads). */
export type SweepOutput = {
  readonly kind: 'firesale-sweep';
  readonly scenario: string;
  readonly grid: SweepGrid;
  readonly criticalDepthMultiplier: number | null;
};

function values(text: string | undefined, flag: string, fallback: number[]): number[] {
  if (text === undefined) return fallback;
  const list = text.split(',').map((v) => Number(v.trim()));
  const bad = list.findIndex((v) => !Number.isFinite(v));
  if (list.length === 0 || bad >= 0) throw new FiresaleErrors([new FiresaleError('SCENARIO__INVALID_FIELD', { path: flag, value: text, reason: 'expected comma-separated numbers such as 0.5,1,2' })]);
  return list;
}

/**
 * `firesale sweep <scenario>`: runs the scenario's shock over a parameter (default: book depth multiplier) or a
 * grid of two, and finds the critical depth where the cascade turns from runaway (amplification >= 1.5x) to
 * contained.
 */
export function sweepCommand(file: string, options: SweepCommandOptions, out: (text: string) => void): SweepOutput {
  const scenario = readScenarioJson(file);
  const folder = dirname(resolve(file));
  const prepare = { venueFactories, readTextFile: (path: string) => readFileSync(resolve(folder, path), 'utf8') };
  const x = { parameter: options.param ?? 'depthMultiplier', values: values(options.values, '--values', [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 4]) };
  const y = { parameter: options.param2 ?? 'shockScale', values: values(options.values2, '--values2', options.param2 ? [1] : [0.5, 1, 1.5, 2]) };
  const grid = sweepGrid(scenario, x, y, prepare);
  let critical: number | null = null;
  if (options.criticalDepth !== false) {
    const result = findCriticalDepth(scenario, { ...prepare, low: 0.01, high: 100, relativeTolerance: 1e-4 });
    critical = result.found ? result.depthMultiplier : null;
  }
  const output: SweepOutput = { kind: 'firesale-sweep', scenario: file, grid, criticalDepthMultiplier: critical };
  if (options.csv) {
    mkdirSync(options.csv, { recursive: true });
    const rows = [[x.parameter, y.parameter, 'trough_drop_fraction', 'amplification', 'liquidated_notional_quote', 'bad_debt_quote', 'insurance_fund_used_quote', 'fund_exhausted', 'adl_count', 'generations']];
    grid.cells.forEach((row, j) =>
      row.forEach((o, i) => rows.push([x.values[i], y.values[j], o.troughDropFraction, o.amplification, o.liquidatedNotionalQuote, o.badDebtQuote, o.insuranceFundUsedQuote, o.fundExhausted, o.adlCount, o.generations].map(String))),
    );
    writeFileSync(join(options.csv, 'sweep.csv'), rows.map((r) => r.join(',')).join('\n') + '\n');
  }
  if (options.json) {
    out(JSON.stringify(output));
    return output;
  }
  const table = new Table({ head: [`${y.parameter} \\ ${x.parameter}`, ...x.values.map(String)], style: { head: [], border: [] } });
  grid.cells.forEach((row, j) => table.push([String(y.values[j]), ...row.map(cell)]));
  out(`firesale sweep · ${file} · trough drop (amplification, bad debt) per cell`);
  out(table.toString());
  out(
    critical === null
      ? 'critical depth: not within depth multipliers 0.01–100 (runaway = amplification ≥ 1.5x)'
      : `critical depth: the scenario shock stays contained from ${critical.toPrecision(4)}x the scenario's book depth (runaway = amplification ≥ 1.5x)`,
  );
  if (options.csv) out(`CSV written to ${options.csv}/sweep.csv`);
  return output;
}

function cell(o: ScenarioOutcome): string {
  return `${percent(-o.troughDropFraction)} (${o.amplification.toFixed(1)}x${o.badDebtQuote > 0 ? `, ${usd(o.badDebtQuote)}` : ''})`;
}

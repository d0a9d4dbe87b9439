import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportToCsv, run, type ScenarioReport } from '@firesale/sdk';
import { loadScenarioFile } from '@firesale/sdk/node';
import Table from 'cli-table3';
import { count, percent, price, seconds, usd } from '../format';
import { venueFactories } from '../venues';

/** Options of `firesale run`. */
export type RunCommandOptions = { venue?: string; seed?: number; json?: boolean; csv?: string };

/** `firesale run <scenario>`: simulates the scenario and prints a summary (or JSON, or CSV files). */
export function runCommand(file: string, options: RunCommandOptions, out: (text: string) => void): ScenarioReport {
  const prepared = loadScenarioFile(file, { venueFactories, ...(options.venue ? { venueOverride: options.venue } : {}) });
  const report = run(prepared, { ...(options.seed === undefined ? {} : { seed: options.seed }), ...(options.venue ? { venueOverride: options.venue } : {}) });
  if (options.csv) {
    mkdirSync(options.csv, { recursive: true });
    for (const [name, text] of Object.entries(reportToCsv(report))) writeFileSync(join(options.csv, name), text);
  }
  if (options.json) out(JSON.stringify(report, null, 2));
  else out(formatSummary(report, file, options.csv));
  return report;
}

/** The human-readable cascade summary. */
export function formatSummary(report: ScenarioReport, file: string, csvDir?: string): string {
  const s = report.summary;
  const lines: string[] = [];
  lines.push(`firesale · ${report.scenario.name} (${file})`);
  if (report.scenario.description) lines.push(report.scenario.description);
  lines.push(`${count(s.positions)} positions · venue ${report.scenario.venues.map((v) => `${v.id} (${v.model})`).join(', ')} · seed ${report.seed}`);
  lines.push('');
  const markets = new Table({
    head: ['market', 'start', 'exogenous move', 'trough', 'final', 'trough drop', 'amplification', 'time to trough', 'half recovery'],
    style: { head: [], border: [] },
  });
  for (const m of report.markets) {
    markets.push([
      m.marketId,
      price(m.initialPriceQuote),
      `${percent(m.exogenousPriceQuote / m.initialPriceQuote - 1, true)} → ${price(m.exogenousPriceQuote)}`,
      price(m.troughPriceQuote),
      price(m.finalPriceQuote),
      percent(-m.troughDropFraction, true),
      `${m.amplification.toFixed(2)}x`,
      seconds(m.timeToTroughSeconds),
      seconds(m.halfRecoverySeconds),
    ]);
  }
  lines.push(markets.toString());
  const summary = new Table({ style: { head: [], border: [] } });
  const byGeneration = report.liquidationsByGeneration.map((n, g) => `${g + 1}: ${count(n)}`).join('  ');
  summary.push(
    { liquidations: `${count(s.liquidatedPositions)} positions in ${count(s.liquidations)} orders, ${usd(s.liquidatedNotionalQuote)} notional` },
    { generations: s.generations === 0 ? 'none: the shock liquidated nobody' : `${s.generations} (${byGeneration})` },
    ...report.insuranceFunds.map((f) => ({
      [`insurance fund ${f.venueId}`]: `${usd(f.initialQuote)} → ${usd(f.finalQuote)} (fees in ${usd(f.feesInQuote)}, paid out ${usd(f.paidOutQuote)}, low ${usd(f.minimumQuote)}${f.exhausted ? ', EXHAUSTED' : ''})`,
    })),
    { 'auto-deleveraging': s.adlCount === 0 ? 'none' : `${count(s.adlCount)} fills, ${usd(s.adlNotionalQuote)} notional` },
    { 'bad debt': usd(s.badDebtQuote) },
    { 'simulated time': seconds(s.durationSeconds) },
  );
  lines.push(summary.toString());
  const halts = report.containment.filter((c) => c.action === 'halt-started').length;
  const capped = report.containment.filter((c) => c.action === 'step-cap-reached').length;
  const disposals = report.containment.filter((c) => c.action === 'disposal-order').length;
  if (halts + capped + disposals > 0) {
    lines.push(`containment: ${halts} halts, ${capped} capped steps, ${disposals} disposal orders`);
  }
  const verdict = report.markets.some((m) => m.amplification >= 1.5)
    ? 'verdict: the shock cascaded (amplification ≥ 1.5x)'
    : 'verdict: contained (amplification < 1.5x)';
  lines.push(verdict);
  if (csvDir) lines.push(`CSV tables written to ${csvDir}/`);
  return lines.join('\n');
}

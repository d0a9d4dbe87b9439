import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportToCsv, run, type ScenarioReport } from '@firesale/sdk';
import { loadScenarioFile } from '@firesale/sdk/node';
import Table from 'cli-table3';
import { amplification, count, percent, price, seconds, usd } from '../format';
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
    head: ['market', 'start', 'exogenous move', 'trough', 'peak', 'final', 'trough drop', 'amplification', 'time to trough', 'half recovery'],
    style: { head: [], border: [] },
  });
  for (const m of report.markets) {
    markets.push([
      m.marketId,
      price(m.initialPriceQuote),
      `${percent(m.exogenousPriceQuote / m.initialPriceQuote - 1, true)} → ${price(m.exogenousPriceQuote)}`,
      price(m.troughPriceQuote),
      price(m.peakPriceQuote),
      price(m.finalPriceQuote),
      percent(-m.troughDropFraction, true),
      amplification(m),
      seconds(m.timeToTroughSeconds),
      seconds(m.halfRecoverySeconds),
    ]);
  }
  lines.push(markets.toString());
  const summary = new Table({ style: { head: [], border: [] } });
  // Long cascades (dYdX's per-block limits give dozens of generations) list the first ones, to keep the table readable;
  // every generation is in --json and the CSV tables.
  const shownGenerations = 12;
  const byGeneration =
    report.liquidationsByGeneration.slice(0, shownGenerations).map((n, g) => `${g + 1}: ${count(n)}`).join('  ') +
    (report.liquidationsByGeneration.length > shownGenerations ? `  … ${report.liquidationsByGeneration.length - shownGenerations} more` : '');
  summary.push(
    { liquidations: `${count(s.liquidatedPositions)} positions in ${count(s.liquidations)} orders, ${usd(s.liquidatedNotionalQuote)} notional` },
    { generations: s.generations === 0 ? 'none: the shock liquidated nobody' : `${s.generations} (${byGeneration})` },
    ...report.insuranceFunds.map((f) => {
      // The fund's other inflows (equity of positions the venue took over, profit of their disposal) are not
      // itemised in the report: shown as what makes the balance reconcile.
      const otherIn = f.finalQuote - f.initialQuote + f.paidOutQuote - f.feesInQuote;
      const other = Math.abs(otherIn) > 1e-9 * Math.max(1, f.initialQuote + f.paidOutQuote + f.feesInQuote) ? `, takeovers and disposals in ${usd(otherIn)}` : '';
      return {
        [`insurance fund ${f.venueId}`]: `${usd(f.initialQuote)} → ${usd(f.finalQuote)} (fees in ${usd(f.feesInQuote)}${other}, paid out ${usd(f.paidOutQuote)}, low ${usd(f.minimumQuote)}${f.exhausted ? ', EXHAUSTED' : ''})`,
      };
    }),
    ...(report.venuePositions ?? []).map((v) => ({
      [`held by ${v.venueId}`]: `${count(v.sizeBase)} ${v.marketId} from ${price(v.entryPriceQuote)}, mark ${price(v.markPriceQuote)}: unrealised ${usd(v.unrealisedPnlQuote)}`,
    })),
    { 'auto-deleveraging': s.adlCount === 0 ? 'none' : `${count(s.adlCount)} fills, ${usd(s.adlNotionalQuote)} notional` },
    ...(report.keepers ? keeperRows(report.keepers) : []),
    ...(report.batches && report.batches.summary.liquidationBatches > 0 ? [{ batches: batchLine(report.batches.summary) }] : []),
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
  const shocked = report.markets.filter((m) => m.exogenousMoveFraction > 0);
  const verdict = shocked.some((m) => m.amplification >= 1.5)
    ? 'verdict: the shock cascaded (amplification ≥ 1.5x)'
    : 'verdict: contained (amplification < 1.5x)';
  lines.push(verdict);
  // Amplification is a ratio over the market's own exogenous move: a market the shock never moved has none, so
  // liquidations there (contagion through collateral, oracles or arbitrage) are named on their own.
  const reached = report.markets.filter((m) => m.exogenousMoveFraction === 0 && m.liquidatedCount > 0);
  if (reached.length > 0) {
    const list = reached.map((m) => `${m.marketId} (${count(m.liquidatedCount)} liquidation orders, ${usd(m.liquidatedNotionalQuote)} notional, trough ${percent(-m.troughDropFraction, true)})`);
    lines.push(`contagion: liquidations in markets the shock did not move: ${list.join(', ')}`);
  }
  if (csvDir) lines.push(`CSV tables written to ${csvDir}/`);
  return lines.join('\n');
}

/** How the steps' fills were batched (the per-step counts are in the report's `batches`: --json). */
function batchLine(b: NonNullable<ScenarioReport['batches']>['summary']): string {
  const liquidations = `${count(b.liquidationBatches)} steps with a liquidation batch (max ${count(b.maxLiquidationFillsPerBatch)} fills)`;
  const adl = b.adlBatches === 0 ? '' : `, ${count(b.adlBatches)} with an ADL batch (max ${count(b.maxAdlFillsPerBatch)} fills)`;
  return b.batching === 'separate' ? `separate (liquidations, then ADL, per step): ${liquidations}${adl}` : `interleaved (ADL inside the liquidation batch): ${liquidations}${adl}`;
}

/** Keeper rows, only when keepers left something undone or declined work. */
function keeperRows(k: NonNullable<ScenarioReport['keepers']>): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  if (k.unprofitablePositions > 0) rows.push({ 'keepers declined': `${count(k.unprofitablePositions)} positions as unprofitable (${count(k.unprofitableSkips)} attempts)` });
  if (k.outageDeferredPositions > 0) rows.push({ 'keeper outage': `${count(k.outageDeferredPositions)} liquidations waited for the keepers` });
  if (k.openLiquidatablePositions > 0) {
    rows.push({ 'left liquidatable': `${count(k.openLiquidatablePositions)} positions, ${usd(k.openLiquidatableNotionalQuote)} notional, unbooked bad debt ${usd(k.unrealisedBadDebtQuote)}` });
  }
  return rows;
}

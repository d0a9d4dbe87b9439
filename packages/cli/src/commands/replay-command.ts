import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FiresaleError, FiresaleErrors } from '@firesale/sdk';
import type { ReplayComparison, ReplayResult, TotalComparison } from '@firesale/replay';
import { replayHistory } from '@firesale/replay';
import { readHistoryFile } from '@firesale/replay/node';
import { renderChartPage } from '../html-page';
import { venueFactories } from '../venues';
import { count, percent, price, seconds, usd } from '../format';
import { readScenarioJson } from './mc-command';

/** Options of `firesale replay`. */
export type ReplayCommandOptions = { scenario?: string; from?: string; to?: string; json?: boolean; html?: string };

/** Parses `--from` / `--to` (history seconds). */
export function secondsOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new FiresaleErrors([new FiresaleError('SCENARIO__INVALID_FIELD', { path: flag, value, reason: `"${value}" is not a number of seconds` })]);
  return n;
}

/** Shared by `replay` and `calibrate`: the scenario (from `--scenario`, files relative to it) and the window. */
export function replayInputs(file: string, options: { scenario?: string; from?: string; to?: string }) {
  const folder = dirname(resolve(options.scenario ?? file));
  return {
    ...(options.scenario === undefined ? {} : { scenario: readScenarioJson(options.scenario) }),
    ...(options.from === undefined ? {} : { fromSeconds: secondsOption(options.from, '--from') }),
    ...(options.to === undefined ? {} : { toSeconds: secondsOption(options.to, '--to') }),
    venueFactories,
    readTextFile: (p: string) => readFileSync(resolve(folder, p), 'utf8'),
  };
}

function total(c: TotalComparison, money: boolean): string {
  const f = money ? usd : count;
  if (c.kind === 'lower-bound') return `simulated ${f(c.simulated)} ${c.holds ? '>=' : '<'} observed lower bound ${f(c.observedLowerBound)}${c.holds ? '' : '  (FAILS)'}`;
  return `actual ${f(c.actual)}, simulated ${f(c.simulated)}${c.errorFraction === null ? '' : ` (${percent(c.errorFraction, true)})`}`;
}

/** The text summary of a replay comparison. */
export function formatComparison(c: ReplayComparison): string[] {
  const lines = [`window: t ${c.window.fromSeconds} to ${c.window.toSeconds} (engine started at the snapshot t ${c.window.snapshotSeconds}, steps of ${c.window.stepSeconds} s)`];
  for (const p of c.prices) {
    const lastA = p.actualPriceQuote.at(-1) ?? NaN;
    const lastS = p.simulatedPriceQuote.at(-1) ?? NaN;
    lines.push(
      `${p.marketId} price (${p.actualSource}): rms log error ${p.rmsLogError.toExponential(2)}, max ${percent(p.maxRelativeError)}; low actual ${price(Math.min(...p.actualPriceQuote.filter((x) => x > 0)))} vs simulated ${price(Math.min(...p.simulatedPriceQuote))}; end ${price(lastA)} vs ${price(lastS)}`,
    );
  }
  lines.push(`liquidations: ${count(c.liquidations.actualCount)} actual, ${count(c.liquidations.simulatedCount)} simulated; notional ${total(c.liquidations.notional, true)}`);
  lines.push(
    `liquidated per minute (actual / simulated): ${c.liquidations.actualPerMinuteQuote.map((a, m) => `${usd(a)}/${usd(c.liquidations.simulatedPerMinuteQuote[m]!)}`).slice(0, 15).join('  ')}${c.liquidations.actualPerMinuteQuote.length > 15 ? ' …' : ''}`,
  );
  lines.push(`ADL: count ${total(c.adl.count, false)}; notional ${total(c.adl.notional, true)}`);
  const gap = c.firstLiquidationToFirstAdlSeconds;
  lines.push(`first liquidation to first ADL: actual ${seconds(gap.actual)}, simulated ${seconds(gap.simulated)}`);
  if (c.events.compared) {
    lines.push(
      c.events.identical
        ? `events: identical (${count(c.events.actualCount)} liquidation and ADL events)`
        : `events: differ from #${c.events.firstMismatch!.index} (actual ${count(c.events.actualCount)}, simulated ${count(c.events.simulatedCount)})`,
    );
  }
  return lines;
}

const PAGE_SCRIPT = `
const D = window.FIRESALE;
const W = Math.min(1100, document.body.clientWidth - 40);
function el(tag, text) { const e = document.createElement(tag); if (text) e.textContent = text; document.getElementById('charts').appendChild(e); return e; }
for (const p of D.prices) {
  el('h2', 'Price: ' + p.marketId + ' (actual ' + p.actualSource + ' vs simulated mid)');
  new uPlot({ width: W, height: 320, scales: { x: { time: false } }, axes: [{ label: 'history time, s' }, { label: 'price' }],
    series: [{}, { label: 'actual', stroke: '#000', width: 2 }, { label: 'simulated', stroke: '#d33', width: 1.5 }] },
    [p.timeSeconds, p.actualPriceQuote.map((x) => (x > 0 ? x : null)), p.simulatedPriceQuote], el('div'));
}
const L = D.liquidations;
el('h2', 'Liquidated notional per minute (quote)');
new uPlot({ width: W, height: 260, scales: { x: { time: false } }, axes: [{ label: 'minute start, s' }, { label: 'quote' }],
  series: [{}, { label: 'actual' + (L.notional.kind === 'lower-bound' ? ' (lower bound)' : ''), stroke: '#000', width: 2, paths: uPlot.paths.stepped({ align: 1 }) },
    { label: 'simulated', stroke: '#d33', width: 1.5, paths: uPlot.paths.stepped({ align: 1 }) }] },
  [L.minuteStartSeconds, L.actualPerMinuteQuote, L.simulatedPerMinuteQuote], el('div'));
`;

/** Writes the replay as one self-contained HTML page (uPlot inline, like `firesale report`). */
export function writeReplayHtml(result: ReplayResult, target: string, title: string, summary: readonly string[]): void {
  const data = { prices: result.comparison.prices, liquidations: result.comparison.liquidations };
  writeFileSync(target, renderChartPage({ title, summaryText: summary.join('\n'), data, pageScript: PAGE_SCRIPT }));
}

/**
 * `firesale replay <history>`: runs the engine along a history (its exogenous price as the shock path, the crowd
 * from the header's scenario or `--scenario`) over the window `--from`/`--to`, and prints simulated against actual.
 * Resolves to the exit code: 1 when the history broke off at a bad line (what was read before it is still reported).
 */
export async function replayCommand(file: string, options: ReplayCommandOptions, out: (text: string) => void): Promise<number> {
  const result = await replayHistory(readHistoryFile(file), replayInputs(file, options));
  const summary = [
    `firesale replay · ${result.history.name ?? file} · ${count(result.history.recordsRead)} records (scenario from ${result.history.scenarioSource})`,
    ...formatComparison(result.comparison),
  ];
  if (result.inputError) summary.push(`input broke off: ${result.inputError.message}; the replay covers the records before it`);
  if (options.html) {
    writeReplayHtml(result, options.html, `firesale replay · ${result.history.name ?? file}`, summary);
    summary.push(`HTML report written to ${options.html}`);
  }
  if (options.json) out(JSON.stringify({ history: result.history, comparison: result.comparison, inputError: result.inputError }, null, 2));
  else out(summary.join('\n'));
  return result.inputError ? 1 : 0;
}

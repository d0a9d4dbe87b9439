import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FAN_INTERVALS, leverageConcentration, sketchBuckets, sketchQuantile, type MonteCarloSummary } from '@firesale/risk';
import { FiresaleError, FiresaleErrors, prepareScenario } from '@firesale/sdk';
import { escapeHtml, renderChartPage } from '../html-page';
import { venueFactories } from '../venues';
import { formatMcSummary, readScenarioJson } from './mc-command';
import type { SweepOutput } from './sweep-command';

/** Options of `firesale report`. */
export type ReportCommandOptions = { out?: string; sweep?: string; scenario?: string; title?: string };

/** Data the HTML page draws (embedded as JSON). */
type ReportData = {
  title: string;
  fan: { marketId: string; times: number[]; bands: Record<string, number[]> }[];
  losses: { name: string; values: number[]; cdf: number[] }[];
  heatmaps: { marketId: string; lower: number[]; long: number[]; short: number[] }[];
  sweep: { x: string; y: string; xs: number[]; ys: number[]; z: number[][]; critical: number | null } | null;
  metrics: { name: string; value: number; unit: string }[];
  manifest: unknown;
};

function cdfOf(summaryPart: MonteCarloSummary['liquidatedNotionalQuote']): { values: number[]; cdf: number[] } {
  const values: number[] = [];
  const cdf: number[] = [];
  let seen = 0;
  for (const b of sketchBuckets(summaryPart)) {
    seen += b.count;
    values.push(b.value);
    cdf.push(seen / summaryPart.count);
  }
  return { values, cdf };
}

/** Builds the report's data from a Monte Carlo summary (and optionally a sweep and the scenario). */
export function reportData(summary: MonteCarloSummary, sweep: SweepOutput | undefined, scenarioFile: string | undefined, title: string): ReportData {
  const fan = summary.markets.map((m) => {
    const times = m.fan.map((_, j) => (summary.horizonSeconds * j) / FAN_INTERVALS);
    const bands: Record<string, number[]> = {};
    for (const q of [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]) bands[`p${Math.round(q * 100)}`] = m.fan.map((s) => sketchQuantile(s, q) * 100);
    return { marketId: m.marketId, times, bands };
  });
  const losses = [
    { name: 'liquidated notional (quote)', ...cdfOf(summary.liquidatedNotionalQuote) },
    { name: 'bad debt (quote)', ...cdfOf(summary.badDebtQuote) },
  ];
  let heatmaps: ReportData['heatmaps'] = [];
  if (scenarioFile) {
    const folder = dirname(resolve(scenarioFile));
    const prepared = prepareScenario(readScenarioJson(scenarioFile), { venueFactories, readTextFile: (p) => readFileSync(resolve(folder, p), 'utf8') });
    heatmaps = leverageConcentration(prepared).heatmaps.map((h) => ({
      marketId: h.marketId,
      lower: h.bands.map((b) => b.lowerPriceQuote),
      long: h.bands.map((b) => b.longNotionalQuote),
      short: h.bands.map((b) => b.shortNotionalQuote),
    }));
  }
  return {
    title,
    fan,
    losses,
    heatmaps,
    sweep: sweep
      ? {
          x: sweep.grid.x.parameter,
          y: sweep.grid.y.parameter,
          xs: [...sweep.grid.x.values],
          ys: [...sweep.grid.y.values],
          z: sweep.grid.cells.map((row) => row.map((c) => c.troughDropFraction * 100)),
          critical: sweep.criticalDepthMultiplier,
        }
      : null,
    metrics: summary.metrics.map((m) => ({ name: m.name, value: m.value, unit: m.unit })),
    manifest: summary.manifest,
  };
}

const PAGE_SCRIPT = `
const D = window.FIRESALE;
const W = Math.min(1100, document.body.clientWidth - 40);
function el(tag, text) { const e = document.createElement(tag); if (text) e.textContent = text; document.getElementById('charts').appendChild(e); return e; }
for (const f of D.fan) {
  el('h2', 'Price fan: ' + f.marketId + ' (mid vs start, %)');
  const keys = ['p1','p5','p25','p50','p75','p95','p99'];
  const colors = ['#fbb','#f88','#e55','#000','#e55','#f88','#fbb'];
  new uPlot({ width: W, height: 320, scales: { x: { time: false } }, axes: [{ label: 'seconds' }, { label: '% from start' }],
    series: [{}].concat(keys.map((k, i) => ({ label: k, stroke: colors[i], width: k === 'p50' ? 2 : 1 }))) },
    [f.times].concat(keys.map((k) => f.bands[k])), el('div'));
}
for (const l of D.losses) {
  el('h2', 'Loss distribution: ' + l.name + ' (cumulative share of paths)');
  if (l.values.length === 0) { el('p', 'no paths'); continue; }
  new uPlot({ width: W, height: 260, scales: { x: { time: false } }, axes: [{ label: l.name }, { label: 'P(loss ≤ x)' }],
    series: [{}, { label: 'CDF', stroke: '#36c', width: 2, paths: uPlot.paths.stepped({ align: 1 }) }] }, [l.values, l.cdf], el('div'));
}
function heat(canvas, z, xs, ys) {
  const ctx = canvas.getContext('2d'); const cw = canvas.width / xs.length, ch = canvas.height / ys.length;
  let max = 0; for (const r of z) for (const v of r) max = Math.max(max, v);
  z.forEach((row, j) => row.forEach((v, i) => { const t = max > 0 ? v / max : 0;
    ctx.fillStyle = 'rgb(' + Math.round(255) + ',' + Math.round(255 * (1 - t)) + ',' + Math.round(255 * (1 - t)) + ')';
    ctx.fillRect(i * cw, (ys.length - 1 - j) * ch, cw - 1, ch - 1);
    ctx.fillStyle = '#000'; ctx.font = '11px sans-serif'; ctx.fillText(v.toFixed(1) + '%', i * cw + 4, (ys.length - 1 - j) * ch + ch / 2); }));
}
for (const h of D.heatmaps) {
  el('h2', 'Liquidation heatmap: ' + h.marketId + ' (notional by liquidation price band; long red, short blue)');
  const c = el('canvas'); c.width = W; c.height = 260; const ctx = c.getContext('2d');
  const max = Math.max(1, ...h.long, ...h.short); const bw = W / Math.max(1, h.lower.length);
  h.lower.forEach((p, i) => { const lh = 120 * h.long[i] / max, sh = 120 * h.short[i] / max;
    ctx.fillStyle = '#d33'; ctx.fillRect(i * bw, 130 - lh, bw - 1, lh); ctx.fillStyle = '#36c'; ctx.fillRect(i * bw, 130, bw - 1, sh);
    if (i % Math.ceil(h.lower.length / 10) === 0) { ctx.fillStyle = '#000'; ctx.font = '10px sans-serif'; ctx.fillText(Math.round(p).toLocaleString(), i * bw, 255); } });
}
if (D.sweep) {
  const s = D.sweep;
  el('h2', 'Sweep heatmap: trough drop % by ' + s.x + ' (columns: ' + s.xs.join(', ') + ') and ' + s.y + ' (rows, bottom to top: ' + s.ys.join(', ') + ')');
  const c = el('canvas'); c.width = W; c.height = Math.max(120, 40 * s.ys.length); heat(c, s.z, s.xs, s.ys);
  el('p', s.critical === null ? 'critical depth: not found in range' : 'critical depth multiplier: ' + s.critical.toPrecision(4));
}
`;

/**
 * `firesale report <summary.json>`: writes one self-contained HTML file (uPlot and the data inline) with the
 * price fan chart, loss distributions, the liquidation heatmap (`--scenario`) and a sweep heatmap (`--sweep`).
 * The input is the JSON of `firesale mc --json`.
 */
export function reportCommand(file: string, options: ReportCommandOptions, out: (text: string) => void): string {
  const summary = readScenarioJson(file) as MonteCarloSummary;
  if (typeof summary !== 'object' || summary === null || (summary as { summaryVersion?: unknown }).summaryVersion !== 1) {
    throw new FiresaleErrors([new FiresaleError('SCENARIO__INVALID_FIELD', { path: file, reason: 'not a Monte Carlo summary (write one with `firesale mc <scenario> --json > summary.json`)' })]);
  }
  const sweep = options.sweep ? (readScenarioJson(options.sweep) as SweepOutput) : undefined;
  const title = options.title ?? `firesale report · ${file}`;
  const data = reportData(summary, sweep, options.scenario, title);
  const html = renderChartPage({
    title,
    summaryText: formatMcSummary(summary, file, 'report'),
    data,
    pageScript: PAGE_SCRIPT,
    footerHtml: `<h2>Run manifest</h2><pre>${escapeHtml(JSON.stringify(summary.manifest, null, 2))}</pre>`,
  });
  const target = options.out ?? 'firesale-report.html';
  writeFileSync(target, html);
  out(`report written to ${target}`);
  return target;
}

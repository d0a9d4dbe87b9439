import 'uplot/dist/uPlot.min.css';
import './style.css';
import { fundChartSpec } from './charts/fund-chart';
import { LiquidationHeatmapView } from './charts/liquidation-heatmap-view';
import { liquidationsChartSpec } from './charts/liquidations-chart';
import { priceChartSpec } from './charts/price-chart';
import { TimeChart, type LiveResult } from './charts/time-chart';
import { AnalysisClient } from './analysis/analysis-client';
import { applyControls, controlsFromScenario, type Controls, type VenueOverride } from './controls';
import { EngineClient } from './engine/engine-client';
import type { SimulationProblem, SimulationResult } from './engine/simulation-result';
import { readScenarioFile } from './file-loading';
import { formatCount } from './format';
import { bundledScenarios, defaultScenarioId } from './scenario-catalog';
import { decodeUrlState, encodeUrlState } from './url-state';
import { venueParamsFor } from './venue-presets';
import { renderAdlTable } from './views/adl-table';
import { ControlsPanel } from './views/controls-panel';
import { MonteCarloPanel, type AnalysisInput } from './views/monte-carlo-panel';
import { Playback } from './views/playback';
import { renderProblems } from './views/problems-view';
import { renderMarkets } from './views/markets-view';
import { renderSummary } from './views/summary-view';
import { SweepPanel } from './views/sweep-panel';

type Source = { id: string; label: string; json: unknown; files?: Readonly<Record<string, string>> };

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const engine = new EngineClient();
const chartHeight = (): number => (window.innerWidth < 600 ? 220 : 280);
const priceChart = new TimeChart($('price-chart'), chartHeight);
const liquidationsChart = new TimeChart($('liquidations-chart'), chartHeight);
const fundChart = new TimeChart($('fund-chart'), chartHeight);
const heatmap = new LiquidationHeatmapView($('heatmap'));
const problemsEl = $('problems');
const statusEl = $('status');
const select = $<HTMLSelectElement>('scenario-select');

let source: Source;
let base: Controls;
let controls: Controls;
let inputAt: number | undefined;
let runs = 0;
let last: SimulationResult | undefined;
/** What the cascade charts' options read when they draw (see {@link LiveResult}). */
let live: { result: SimulationResult } | undefined;

const panel = new ControlsPanel($('controls'), (next) => {
  inputAt = performance.now();
  controls = next;
  history.replaceState(null, '', encodeUrlState(source.id, base, controls));
  monteCarlo.controlsChanged();
  sweep.controlsChanged();
  void simulate();
});

const playback = new Playback($('playback'), (index) => {
  const seconds = index === undefined || !last ? undefined : last.timeSeconds[index];
  for (const chart of [priceChart, liquidationsChart, fundChart]) chart.setPlayhead(seconds);
  heatmap.setPlayhead(seconds);
});

/** The current scenario with the controls applied, for the analyses (undefined while the venue has no table). */
function analysisInput(): AnalysisInput {
  const venue = controls.venue === 'scenario' ? undefined : venueOverride();
  if (venue && 'message' in venue) throw new Error(venue.message);
  const scenario = applyControls(source.json, base, controls, venue);
  return {
    scenario,
    ...(source.files ? { files: source.files } : {}),
    shockPct: controls.shockPct,
    quoteAsset: last?.quoteAsset ?? 'USD',
    baseAsset: last?.baseAsset ?? 'BTC',
  };
}

const analyses = new AnalysisClient();
const monteCarlo = new MonteCarloPanel($('monte-carlo-body'), analyses, analysisInput);
const sweep = new SweepPanel($('sweep-body'), analyses, analysisInput);

for (const s of bundledScenarios) select.append(new Option(s.label, s.id));

function useSource(next: Source, initial?: Controls): void {
  source = next;
  base = controlsFromScenario(next.json);
  controls = initial ?? { ...base };
  if (![...select.options].some((o) => o.value === next.id)) select.append(new Option(next.label, next.id));
  select.value = next.id;
  panel.set(controls, base.positions === 0 ? ['positions'] : []);
  const description = (next.json as { description?: unknown }).description;
  $('description').textContent = typeof description === 'string' ? description : '';
  history.replaceState(null, '', encodeUrlState(source.id, base, controls));
  monteCarlo.controlsChanged();
  sweep.controlsChanged();
}

function venueOverride(): VenueOverride | SimulationProblem {
  const markets = ((source.json as { markets?: { id?: unknown; baseAsset?: unknown }[] }).markets ?? []).map((m) => ({
    marketId: String(m.id),
    baseAsset: String(m.baseAsset),
  }));
  const preset = venueParamsFor(controls.venue, markets);
  if (!preset) {
    return { code: 'SCENARIO__UNKNOWN_TIER', path: 'venue', message: `venue: ${controls.venue} publishes no margin table for ${markets.map((m) => m.baseAsset).join(', ')}` };
  }
  return { model: controls.venue, ...preset };
}

async function simulate(): Promise<void> {
  document.body.dataset.state = 'running';
  statusEl.textContent = 'Simulating…';
  let venue: VenueOverride | undefined;
  if (controls.venue !== 'scenario') {
    const v = venueOverride();
    if ('message' in v) return showProblems([v]);
    venue = v;
  }
  const scenario = applyControls(source.json, base, controls, venue);
  const started = inputAt ?? performance.now();
  const postedAt = performance.now();
  const outcome = await engine.simulate({ scenario, ...(source.files ? { files: source.files } : {}) });
  if (!outcome) return; // replaced by a newer request
  if (!outcome.ok) return showProblems(outcome.problems);
  show(outcome, started, postedAt);
}

function showProblems(problems: readonly SimulationProblem[]): void {
  renderProblems(problemsEl, `The scenario "${source.label}" has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:`, problems);
  statusEl.textContent = last ? 'Fix the scenario or the controls to run it; the charts below (greyed) are the last run that worked.' : 'Fix the scenario or the controls to run it.';
  document.body.dataset.state = 'error';
  runs++;
  document.body.dataset.runs = String(runs);
}

function show(r: SimulationResult, started: number, postedAt: number): void {
  const receivedAt = performance.now();
  last = r;
  renderProblems(problemsEl, '', []);
  renderSummary($('summary'), r);
  renderMarkets($('markets'), r);
  if (live) live.result = r;
  else live = { result: r };
  const shown: LiveResult = live;
  priceChart.show(priceChartSpec(shown));
  liquidationsChart.show(liquidationsChartSpec(shown));
  fundChart.show(fundChartSpec(shown));
  heatmap.show(r);
  renderAdlTable($('adl'), r);
  playback.load(r.timeSeconds);
  const shownAt = performance.now();
  // Measure input → painted: the frame after this one has painted the charts.
  requestAnimationFrame(() =>
    setTimeout(() => {
      const total = performance.now() - started;
      inputAt = undefined;
      const t = r.timings;
      statusEl.textContent = `${formatCount(r.positionCount)} positions, venue ${r.venueModels.join(', ')}: input to chart ${total.toFixed(0)} ms (validate ${t.prepareMs.toFixed(0)} ms, ${t.reused === 'index' ? 'index reused' : `${t.reused === 'positions' ? 'positions reused, ' : ''}build ${t.buildMs.toFixed(0)} ms`}, cascade ${t.runMs.toFixed(0)} ms).`;
      runs++;
      document.body.dataset.lastPaintMs = total.toFixed(1);
      document.body.dataset.lastRunMs = t.runMs.toFixed(1);
      const clock = (at: number): number => at - performance.timeOrigin;
      document.body.dataset.lastBreakdown = JSON.stringify({
        controlsMs: postedAt - started,
        queueMs: clock(t.startedAt) - postedAt,
        prepareMs: t.prepareMs,
        buildMs: t.buildMs,
        runMs: t.runMs,
        packMs: t.packMs,
        transferMs: receivedAt - clock(t.finishedAt),
        renderMs: shownAt - receivedAt,
        paintMs: performance.now() - shownAt,
      }, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v));
      document.body.dataset.runs = String(runs);
      document.body.dataset.state = 'ready';
    }, 0),
  );
}

select.addEventListener('change', () => {
  const bundled = bundledScenarios.find((s) => s.id === select.value);
  if (!bundled) return;
  inputAt = performance.now();
  useSource({ id: bundled.id, label: bundled.label, json: bundled.json });
  void simulate();
});

$<HTMLInputElement>('file-input').addEventListener('change', async (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  const loaded = await readScenarioFile(file, source.json);
  if ('problems' in loaded) {
    source = { ...source, label: file.name };
    return showProblems(loaded.problems);
  }
  useSource({ id: 'file', label: loaded.label, json: loaded.json, ...(loaded.files ? { files: loaded.files } : {}) });
  void simulate();
});

$('share').addEventListener('click', () => {
  const url = location.href;
  void navigator.clipboard?.writeText(url).then(
    () => (statusEl.textContent = 'Link copied: it opens this scenario with these controls.'),
    () => (statusEl.textContent = url),
  );
});

// Start from the URL: a bundled scenario and any controls moved away from it.
const fromUrl = decodeUrlState(location.search, controlsFromScenario(bundledScenarios[0]!.json));
const start = bundledScenarios.find((s) => s.id === fromUrl.scenarioId) ?? bundledScenarios.find((s) => s.id === defaultScenarioId)!;
const startBase = controlsFromScenario(start.json);
useSource({ id: start.id, label: start.label, json: start.json }, decodeUrlState(location.search, startBase).controls);
if (fromUrl.scenarioId === 'file') statusEl.textContent = 'A loaded file cannot travel in a link; showing the default scenario with the linked controls.';
void simulate();

import type { AnalysisClient } from '../analysis/analysis-client';
import type { MonteCarloRequest } from '../analysis/monte-carlo';
import { fanChartSpec } from '../charts/fan-chart';
import { TimeChart } from '../charts/time-chart';
import { formatCount, formatMoney, formatPercent } from '../format';
import { RunBar } from './run-bar';

/** The scenario and controls the Monte Carlo runs on, read when the run button is pressed. */
export type AnalysisInput = {
  readonly scenario: unknown;
  readonly files?: Readonly<Record<string, string>>;
  readonly shockPct: number;
  readonly quoteAsset: string;
  readonly baseAsset: string;
};

type Setting = { key: 'paths' | 'volatilityAnnual' | 'jumpsPerHorizon' | 'depthSigma'; label: string; options: readonly [number, string][]; initial: number };

const settings: readonly Setting[] = [
  { key: 'paths', label: 'Paths', options: [[50, '50'], [100, '100'], [200, '200'], [500, '500'], [1000, '1,000'], [2000, '2,000']], initial: 100 },
  { key: 'volatilityAnnual', label: 'Volatility (a year)', options: [[0.4, '40%'], [0.8, '80%'], [1.5, '150%'], [3, '300%']], initial: 0.8 },
  { key: 'jumpsPerHorizon', label: 'Shock jumps per run (mean)', options: [[0, 'none'], [0.5, '0.5'], [1, '1'], [2, '2']], initial: 1 },
  { key: 'depthSigma', label: 'Depth uncertainty (log σ)', options: [[0, 'none'], [0.25, '0.25'], [0.5, '0.5']], initial: 0.25 },
];

/**
 * The Monte Carlo panel: path-model settings, run/cancel with progress, the fan chart of mid-price quantiles
 * and a line of headline metrics. The paths run in the analysis worker with `@firesale/risk`'s inline runner.
 */
export class MonteCarloPanel {
  private readonly chart: TimeChart;
  private readonly bar: RunBar;
  private readonly selects = new Map<Setting['key'], HTMLSelectElement>();
  private readonly metrics: HTMLElement;

  constructor(
    container: HTMLElement,
    private readonly client: AnalysisClient,
    private readonly input: () => AnalysisInput,
  ) {
    const form = document.createElement('div');
    form.className = 'analysis-settings';
    for (const s of settings) {
      const label = document.createElement('label');
      label.textContent = s.label;
      const select = document.createElement('select');
      select.dataset.testid = `mc-${s.key}`;
      for (const [value, text] of s.options) select.append(new Option(text, String(value), value === s.initial, value === s.initial));
      label.append(select);
      form.append(label);
      this.selects.set(s.key, select);
    }
    this.bar = new RunBar('mc', 'Run Monte Carlo', () => void this.run(), () => client.cancel('monteCarlo'));
    this.metrics = document.createElement('p');
    this.metrics.className = 'legend-note analysis-metrics';
    this.metrics.dataset.testid = 'mc-metrics';
    const chartEl = document.createElement('div');
    chartEl.className = 'chart';
    chartEl.id = 'fan-chart';
    container.append(form, this.bar.element, chartEl, this.metrics);
    this.chart = new TimeChart(chartEl, () => (window.innerWidth < 600 ? 240 : 300));
  }

  /** The controls moved: the fan shown is for the old ones. */
  controlsChanged(): void {
    this.bar.stale('The controls changed since this fan was drawn: run again to update it.');
  }

  private value(key: Setting['key']): number {
    return Number(this.selects.get(key)!.value);
  }

  private async run(): Promise<void> {
    let input: AnalysisInput;
    try {
      input = this.input();
    } catch (error) {
      return this.bar.finished('error', `Could not run: ${error instanceof Error ? error.message : String(error)}`);
    }
    const raw = input.scenario as { seed?: unknown };
    const request: MonteCarloRequest = {
      scenario: input.scenario,
      ...(input.files ? { files: input.files } : {}),
      paths: this.value('paths'),
      volatilityAnnual: this.value('volatilityAnnual'),
      jumpsPerHorizon: this.value('jumpsPerHorizon'),
      jumpPct: input.shockPct,
      depthSigma: this.value('depthSigma'),
      seed: typeof raw.seed === 'number' ? raw.seed >>> 0 : 1,
    };
    this.bar.started(`Building the scenario for ${formatCount(request.paths)} paths…`);
    const outcome = await this.client.monteCarlo(request, (p) =>
      this.bar.update(p.pathsDone, p.pathsTotal, `${formatCount(p.pathsDone)} of ${formatCount(p.pathsTotal)} paths (${(p.elapsedMs / 1000).toFixed(1)} s)`),
    );
    if (!outcome.ok) {
      if ('cancelled' in outcome) return this.bar.finished('cancelled', 'Cancelled: the fan below (if any) is the last finished run.');
      return this.bar.finished('error', `Could not run: ${outcome.problems.map((p) => p.message).join('; ')}`);
    }
    this.chart.show(fanChartSpec(outcome, input.quoteAsset, input.baseAsset));
    const s = outcome.summary;
    const metric = (prefix: string): number => s.metrics.find((m) => m.name.startsWith(prefix))?.value ?? NaN;
    const q = input.quoteAsset;
    this.metrics.textContent =
      `Over ${s.horizonSeconds} s: ${formatPercent(metric('probabilityOfLiquidation_'), 0)} of paths liquidate; ` +
      `99% price-drop VaR ${formatPercent(metric('priceDropVaR_99_'), 1)}; liquidation-at-risk (99%) ${formatMoney(metric('liquidationAtRisk_99_'), q)}; ` +
      `bad-debt VaR (99%) ${formatMoney(metric('badDebtVaR_99_'), q)}; fund exhausted on ${formatPercent(metric('probabilityOfFundExhaustion_'), 0)} of paths.`;
    this.bar.finished(
      'done',
      `${formatCount(s.pathCount)} paths, Merton jumps of ${request.jumpPct}% (mean ${request.jumpsPerHorizon} per run), volatility ${formatPercent(request.volatilityAnnual, 0)} a year, seed ${request.seed}: ${(outcome.elapsedMs / 1000).toFixed(1)} s.`,
    );
  }
}

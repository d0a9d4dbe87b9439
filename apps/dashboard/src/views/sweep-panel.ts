import type { AnalysisClient } from '../analysis/analysis-client';
import { SweepHeatmapView, sweepMetrics, type SweepMetric } from '../charts/sweep-heatmap-view';
import { formatCount } from '../format';
import type { AnalysisInput } from './monte-carlo-panel';
import { RunBar } from './run-bar';

/**
 * The depth-by-shock sweep panel: run/cancel with progress, a choice of what the colour shows, and the sweep
 * heatmap. The grid runs in the analysis worker, one deterministic cascade per cell.
 */
export class SweepPanel {
  private readonly view: SweepHeatmapView;
  private readonly bar: RunBar;

  constructor(
    container: HTMLElement,
    private readonly client: AnalysisClient,
    private readonly input: () => AnalysisInput,
  ) {
    const form = document.createElement('div');
    form.className = 'analysis-settings';
    const label = document.createElement('label');
    label.textContent = 'Colour shows';
    const select = document.createElement('select');
    select.dataset.testid = 'sweep-metric';
    for (const [key, m] of Object.entries(sweepMetrics)) select.append(new Option(m.label, key));
    select.addEventListener('change', () => this.view.setMetric(select.value as SweepMetric));
    label.append(select);
    form.append(label);
    this.bar = new RunBar('sweep', 'Run sweep', () => void this.run(), () => client.cancel('sweep'));
    const heat = document.createElement('div');
    heat.className = 'heatmap';
    heat.id = 'sweep-heatmap';
    container.append(form, this.bar.element, heat);
    this.view = new SweepHeatmapView(heat);
  }

  /** The controls moved: the grid shown is for the old ones. */
  controlsChanged(): void {
    this.bar.stale('The controls changed since this sweep: run again to update it.');
  }

  private async run(): Promise<void> {
    let input: AnalysisInput;
    try {
      input = this.input();
    } catch (error) {
      return this.bar.finished('error', `Could not run: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.bar.started('Building the scenario…');
    const outcome = await this.client.sweep({ scenario: input.scenario, ...(input.files ? { files: input.files } : {}) }, (p) =>
      this.bar.update(p.cellsDone, p.cellsTotal, `${p.cellsDone} of ${p.cellsTotal} cascades (${(p.elapsedMs / 1000).toFixed(1)} s)`),
    );
    if (!outcome.ok) {
      if ('cancelled' in outcome) return this.bar.finished('cancelled', 'Cancelled: the grid below (if any) is the last finished sweep.');
      return this.bar.finished('error', `Could not run: ${outcome.problems.map((p) => p.message).join('; ')}`);
    }
    this.view.show(outcome);
    const cells = outcome.grid.x.values.length * outcome.grid.y.values.length;
    this.bar.finished('done', `${formatCount(cells)} cascades in ${(outcome.elapsedMs / 1000).toFixed(1)} s. Outlined: the current controls.`);
  }
}

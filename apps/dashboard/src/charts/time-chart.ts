import uPlot from 'uplot';
import type { SimulationResult } from '../engine/simulation-result';
import { playheadPlugin } from './chart-theme';

/** What a chart shows for one result: its series and axes (options) and the columns (data). */
export type ChartSpec = {
  readonly signature: string;
  readonly options: Omit<uPlot.Options, 'width' | 'height' | 'plugins'>;
  readonly data: uPlot.AlignedData;
};

/**
 * The result a cascade chart shows now. Chart options are built once per series layout and outlive the result
 * they were built for, so anything they read at draw time (zoom, legend values) goes through this holder.
 */
export type LiveResult = { readonly result: SimulationResult };

/**
 * A uPlot chart over simulated time that follows its container's width, keeps its series when only the data
 * changes (setData, no rebuild) and draws the playback line.
 */
export class TimeChart {
  private plot: uPlot | undefined;
  private signature = '';
  private playheadSeconds: number | undefined;
  private readonly observer: ResizeObserver;

  constructor(
    private readonly container: HTMLElement,
    private readonly height: () => number,
  ) {
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(container);
  }

  /** Shows `spec`: new data on the same series, or a new chart when the series changed. */
  show(spec: ChartSpec): void {
    if (this.plot && spec.signature === this.signature) {
      this.plot.setData(spec.data);
      return;
    }
    this.plot?.destroy();
    this.signature = spec.signature;
    this.plot = new uPlot(
      { ...spec.options, width: this.width(), height: this.height(), plugins: [playheadPlugin(() => this.playheadSeconds)] },
      spec.data,
      this.container,
    );
  }

  /** Moves the playback line (simulated seconds), or hides it. */
  setPlayhead(seconds: number | undefined): void {
    if (seconds === this.playheadSeconds) return;
    this.playheadSeconds = seconds;
    this.plot?.redraw(false, false);
  }

  private width(): number {
    return Math.max(260, Math.floor(this.container.clientWidth));
  }

  private resize(): void {
    if (!this.plot) return;
    const width = this.width();
    if (Math.abs(width - this.plot.width) > 1) this.plot.setSize({ width, height: this.height() });
  }
}

import type { ScenarioOutcome } from '@firesale/risk';
import type { SweepResult } from '../analysis/depth-shock-sweep';
import { formatCount, formatMoney, formatPercent } from '../format';
import { heatCss } from './color-scale';

/** What the sweep's colour shows. */
export type SweepMetric = 'troughDropFraction' | 'liquidatedNotionalQuote' | 'badDebtQuote';

/** Label and formatting of each metric the colour can show. */
export const sweepMetrics: Readonly<Record<SweepMetric, { label: string; format: (v: number, quote: string) => string }>> = {
  troughDropFraction: { label: 'Trough drop', format: (v) => formatPercent(v, 1) },
  liquidatedNotionalQuote: { label: 'Liquidated notional', format: (v, q) => formatMoney(v, q) },
  badDebtQuote: { label: 'Bad debt', format: (v, q) => formatMoney(v, q) },
};

const margin = { left: 64, right: 16, top: 8, bottom: 92 };

/** `-3` × 1.5 → `-4.5%`. */
function shockLabel(shockPct: number, scale: number): string {
  return Number.isFinite(shockPct) ? `${Math.round(shockPct * scale * 100) / 100}%` : `${scale}×`;
}

/**
 * The depth-by-shock sweep as a canvas grid: columns are book depth multipliers, rows shock sizes (largest at
 * the top), colour the chosen metric (legend bar below with its range), each cell labelled when there is
 * room, the current controls' cell outlined, and a tooltip with every number of the cell.
 */
export class SweepHeatmapView {
  private result: SweepResult | undefined;
  private metric: SweepMetric = 'troughDropFraction';
  private readonly canvas: HTMLCanvasElement;
  private readonly tooltip: HTMLDivElement;

  constructor(private readonly container: HTMLElement) {
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Depth-by-shock sweep: outcome by book depth multiplier and shock size');
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'heatmap-tooltip';
    this.tooltip.hidden = true;
    container.append(this.canvas, this.tooltip);
    new ResizeObserver(() => this.draw()).observe(container);
    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => (this.tooltip.hidden = true));
  }

  show(result: SweepResult): void {
    this.result = result;
    this.draw();
  }

  setMetric(metric: SweepMetric): void {
    this.metric = metric;
    this.draw();
  }

  private geometry() {
    const width = Math.max(260, this.container.clientWidth);
    const height = width < 600 ? 340 : 380;
    return { width, height, plotW: width - margin.left - margin.right, plotH: height - margin.top - margin.bottom };
  }

  private range(): { min: number; max: number } {
    let min = Infinity;
    let max = -Infinity;
    for (const row of this.result!.grid.cells) {
      for (const cell of row) {
        min = Math.min(min, cell[this.metric]);
        max = Math.max(max, cell[this.metric]);
      }
    }
    return { min, max };
  }

  private draw(): void {
    const r = this.result;
    if (!r) return;
    const { x, y, cells } = r.grid;
    const { width, height, plotW, plotH } = this.geometry();
    const dpr = devicePixelRatio || 1;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const { min, max } = this.range();
    // Square-root scale: one runaway corner does not wash out the differences elsewhere.
    const t = (v: number): number => (max > min ? Math.sqrt((v - min) / (max - min)) : 0);
    const cw = plotW / x.values.length;
    const ch = plotH / y.values.length;
    const format = sweepMetrics[this.metric].format;
    ctx.font = `${cw < 48 ? 10 : 11}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let j = 0; j < y.values.length; j++) {
      const top = margin.top + (y.values.length - 1 - j) * ch;
      for (let i = 0; i < x.values.length; i++) {
        const v = cells[j]![i]![this.metric];
        const left = margin.left + i * cw;
        ctx.fillStyle = heatCss(t(v));
        ctx.fillRect(left, top, cw - 1, ch - 1);
        if (cw >= 34 && ch >= 16) {
          ctx.fillStyle = t(v) > 0.55 ? '#ffffff' : '#1f2937';
          ctx.fillText(format(v, r.quoteAsset), left + cw / 2, top + ch / 2);
        }
        if (x.values[i] === 1 && y.values[j] === 1) {
          ctx.strokeStyle = '#111827';
          ctx.lineWidth = 2;
          ctx.strokeRect(left + 1, top + 1, cw - 3, ch - 3);
        }
      }
    }
    // Axes.
    ctx.fillStyle = '#374151';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'right';
    for (let j = 0; j < y.values.length; j++) ctx.fillText(shockLabel(r.shockPct, y.values[j]!), margin.left - 6, margin.top + (y.values.length - 1 - j + 0.5) * ch);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (let i = 0; i < x.values.length; i++) ctx.fillText(cw < 44 ? `${x.values[i]}` : `${x.values[i]}×`, margin.left + (i + 0.5) * cw, margin.top + plotH + 4);
    ctx.fillText('Book depth (× the depth the controls set)', margin.left + plotW / 2, margin.top + plotH + 20);
    ctx.save();
    ctx.translate(12, margin.top + plotH / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText('Shock size', 0, -6);
    ctx.restore();
    // Colour legend: a bar with the range's ends.
    const barTop = margin.top + plotH + 42;
    const barW = Math.min(260, plotW * 0.6);
    const barLeft = margin.left + (plotW - barW) / 2;
    for (let k = 0; k < barW; k++) {
      ctx.fillStyle = heatCss(k / (barW - 1));
      ctx.fillRect(barLeft + k, barTop, 1.5, 10);
    }
    ctx.textBaseline = 'top';
    ctx.textAlign = 'right';
    ctx.fillText(format(min, r.quoteAsset), barLeft - 6, barTop - 1);
    ctx.textAlign = 'left';
    ctx.fillText(format(max, r.quoteAsset), barLeft + barW + 6, barTop - 1);
    ctx.textAlign = 'center';
    ctx.fillStyle = '#374151';
    ctx.fillRect(barLeft + barW / 2 - 0.5, barTop + 10, 1, 3);
    ctx.fillText(format(min + (max - min) / 4, r.quoteAsset), barLeft + barW / 2, barTop + 14);
    ctx.fillText(`${sweepMetrics[this.metric].label} (square-root scale)`, barLeft + barW / 2, barTop + 28);
  }

  private hover(event: MouseEvent): void {
    const r = this.result;
    if (!r) return;
    const { x, y, cells } = r.grid;
    const { plotW, plotH } = this.geometry();
    const rect = this.canvas.getBoundingClientRect();
    const mx = event.clientX - rect.left - margin.left;
    const my = event.clientY - rect.top - margin.top;
    if (mx < 0 || my < 0 || mx >= plotW || my >= plotH) {
      this.tooltip.hidden = true;
      return;
    }
    const i = Math.min(x.values.length - 1, Math.floor((mx / plotW) * x.values.length));
    const j = y.values.length - 1 - Math.min(y.values.length - 1, Math.floor((my / plotH) * y.values.length));
    this.tooltip.textContent = cellText(cells[j]![i]!, x.values[i]!, shockLabel(r.shockPct, y.values[j]!), r.quoteAsset);
    this.tooltip.hidden = false;
    this.tooltip.style.left = `${Math.max(0, Math.min(event.clientX - rect.left + 12, rect.width - 260))}px`;
    this.tooltip.style.top = `${event.clientY - rect.top + 12}px`;
  }
}

function cellText(o: ScenarioOutcome, depth: number, shock: string, quote: string): string {
  return `depth ${depth}× · shock ${shock} · trough drop ${formatPercent(o.troughDropFraction)} · amplification ${o.amplification.toFixed(2)}× · liquidated ${formatMoney(o.liquidatedNotionalQuote, quote)} (${formatCount(o.liquidatedPositions)} positions, ${o.generations} gen.) · bad debt ${formatMoney(o.badDebtQuote, quote)} · fund used ${formatMoney(o.insuranceFundUsedQuote, quote)}${o.fundExhausted ? ' (exhausted)' : ''} · ADL ${formatCount(o.adlCount)}`;
}

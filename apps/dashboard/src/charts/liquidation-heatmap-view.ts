import type { SimulationResult } from '../engine/simulation-result';
import { formatMoney, formatPrice } from '../format';
import { colors } from './chart-theme';
import { heatColorAt } from './color-scale';

const margin = { left: 74, right: 78, top: 8, bottom: 38 };

/**
 * The liquidation heatmap on a canvas: rows are liquidation prices, columns simulated time, colour the open
 * notional whose liquidation price is in the row (it fades as those positions are liquidated). The mid price is
 * drawn over it; the right strip is the notional at entry by liquidation price (longs orange, shorts blue).
 */
export class LiquidationHeatmapView {
  private result: SimulationResult | undefined;
  private playheadSeconds: number | undefined;
  private readonly canvas: HTMLCanvasElement;
  private readonly tooltip: HTMLDivElement;
  /** The cells at one pixel each, scaled onto the plot; kept with its image between draws. */
  private readonly cells = document.createElement('canvas');
  private image: ImageData | undefined;
  /** The container's width as last laid out (read when the layout is fresh: never forces a layout in a draw). */
  private containerWidth: number | undefined;

  constructor(private readonly container: HTMLElement) {
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Liquidation heatmap: open notional by liquidation price over time');
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'heatmap-tooltip';
    this.tooltip.hidden = true;
    container.append(this.canvas, this.tooltip);
    new ResizeObserver(() => {
      const width = this.container.clientWidth;
      if (width === this.containerWidth) return;
      this.containerWidth = width;
      this.draw();
    }).observe(container);
    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => (this.tooltip.hidden = true));
  }

  show(result: SimulationResult): void {
    this.result = result;
    this.draw();
  }

  setPlayhead(seconds: number | undefined): void {
    if (seconds === this.playheadSeconds) return;
    this.playheadSeconds = seconds;
    this.draw();
  }

  private geometry() {
    this.containerWidth ??= this.container.clientWidth;
    const width = Math.max(260, this.containerWidth);
    const height = width < 600 ? 260 : 320;
    return { width, height, plotW: width - margin.left - margin.right, plotH: height - margin.top - margin.bottom };
  }

  private draw(): void {
    const r = this.result;
    if (!r) return;
    const h = r.heatmap;
    const { width, height, plotW, plotH } = this.geometry();
    const dpr = devicePixelRatio || 1;
    const pixelWidth = Math.round(width * dpr);
    const pixelHeight = Math.round(height * dpr);
    // Resizing a canvas reallocates and clears it: only when the size changed.
    if (this.canvas.width !== pixelWidth || this.canvas.height !== pixelHeight) {
      this.canvas.width = pixelWidth;
      this.canvas.height = pixelHeight;
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${height}px`;
    }
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);

    let max = 0;
    for (let i = 0; i < h.openNotionalQuote.length; i++) max = Math.max(max, h.openNotionalQuote[i]!);
    if (!this.image || this.image.width !== h.columns || this.image.height !== h.rows) {
      this.image = new ImageData(h.columns, h.rows);
      this.cells.width = h.columns;
      this.cells.height = h.rows;
    }
    const image = this.image;
    for (let row = 0; row < h.rows; row++) {
      for (let c = 0; c < h.columns; c++) {
        const v = h.openNotionalQuote[row * h.columns + c]!;
        const o = (row * h.columns + c) * 4;
        if (v <= 0 || max <= 0) {
          image.data[o + 3] = 0;
          continue;
        }
        heatColorAt(Math.sqrt(v / max), image.data, o);
      }
    }
    const cells = this.cells;
    cells.getContext('2d')!.putImageData(image, 0, 0);
    ctx.fillStyle = '#fafafa';
    ctx.fillRect(margin.left, margin.top, plotW, plotH);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(cells, margin.left, margin.top, plotW, plotH);

    const duration = r.timeSeconds[r.timeSeconds.length - 1] || 1;
    const x = (t: number): number => margin.left + (t / duration) * plotW;
    const y = (p: number): number => margin.top + ((h.priceHighQuote - p) / (h.priceHighQuote - h.priceLowQuote)) * plotH;

    // Mid price over the heat.
    ctx.strokeStyle = colors.mid;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (let i = 0; i < r.timeSeconds.length; i++) {
      const px = x(r.timeSeconds[i]!);
      const py = Math.max(margin.top, Math.min(margin.top + plotH, y(r.midPriceQuote[i]!)));
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.stroke();

    // Profile: notional at entry by liquidation price.
    let profileMax = 0;
    for (let row = 0; row < h.rows; row++) profileMax = Math.max(profileMax, h.initialLongQuote[row]! + h.initialShortQuote[row]!);
    const rowH = plotH / h.rows;
    const px0 = margin.left + plotW + 6;
    const pw = margin.right - 10;
    for (let row = 0; row < h.rows && profileMax > 0; row++) {
      const long = (h.initialLongQuote[row]! / profileMax) * pw;
      const short = (h.initialShortQuote[row]! / profileMax) * pw;
      ctx.fillStyle = generationLong;
      ctx.fillRect(px0, margin.top + row * rowH, long, Math.max(1, rowH - 0.5));
      ctx.fillStyle = generationShort;
      ctx.fillRect(px0 + long, margin.top + row * rowH, short, Math.max(1, rowH - 0.5));
    }

    if (this.playheadSeconds !== undefined) {
      ctx.strokeStyle = colors.playhead;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x(this.playheadSeconds), margin.top);
      ctx.lineTo(x(this.playheadSeconds), margin.top + plotH);
      ctx.stroke();
    }

    // Axes.
    ctx.fillStyle = '#374151';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const p of niceTicks(h.priceLowQuote, h.priceHighQuote, 6)) ctx.fillText(formatPrice(p, r.quoteAsset), margin.left - 6, y(p));
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of niceTicks(0, duration, width < 600 ? 4 : 8)) ctx.fillText(`${t}`, x(t), margin.top + plotH + 4);
    ctx.fillText('Simulated time (s)', margin.left + plotW / 2, margin.top + plotH + 20);
    ctx.fillText('at entry', px0 + pw / 2, margin.top + plotH + 4);
    ctx.save();
    ctx.translate(10, margin.top + plotH / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText('Liquidation price', 0, -4);
    ctx.restore();
  }

  private hover(event: MouseEvent): void {
    const r = this.result;
    if (!r) return;
    const h = r.heatmap;
    const { plotW, plotH } = this.geometry();
    const rect = this.canvas.getBoundingClientRect();
    const mx = event.clientX - rect.left - margin.left;
    const my = event.clientY - rect.top - margin.top;
    if (mx < 0 || my < 0 || mx >= plotW || my >= plotH) {
      this.tooltip.hidden = true;
      return;
    }
    const c = Math.min(h.columns - 1, Math.floor((mx / plotW) * h.columns));
    const row = Math.min(h.rows - 1, Math.floor((my / plotH) * h.rows));
    const span = (h.priceHighQuote - h.priceLowQuote) / h.rows;
    const top = h.priceHighQuote - row * span;
    const open = h.openNotionalQuote[row * h.columns + c]!;
    this.tooltip.textContent = `t ≤ ${Math.round(h.columnEndSeconds[c]!)} s · liq. price ${formatPrice(top - span, r.quoteAsset)}–${formatPrice(top, r.quoteAsset)} · open ${formatMoney(open, r.quoteAsset)} (at entry: longs ${formatMoney(h.initialLongQuote[row]!, r.quoteAsset)}, shorts ${formatMoney(h.initialShortQuote[row]!, r.quoteAsset)})`;
    this.tooltip.hidden = false;
    this.tooltip.style.left = `${Math.min(event.clientX - rect.left + 12, rect.width - 260)}px`;
    this.tooltip.style.top = `${event.clientY - rect.top + 12}px`;
  }
}

const generationLong = '#f59e0b';
const generationShort = '#3b82f6';

/** Round tick values (1, 2, 2.5 or 5 × 10^k apart) inside [low, high]. */
function niceTicks(low: number, high: number, count: number): number[] {
  const raw = (high - low) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(low / step) * step; v <= high + 1e-9 * step; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

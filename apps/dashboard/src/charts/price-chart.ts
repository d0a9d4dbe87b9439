import type uPlot from 'uplot';
import { formatMoney, formatPrice } from '../format';
import { colors, generationColors, timeAxis, valueAxis } from './chart-theme';
import type { ChartSpec, LiveResult } from './time-chart';

/** Mid and mark price, the book's bid depth within 1% (right axis) and liquidation fills by generation. */
export function priceChartSpec(live: LiveResult): ChartSpec {
  const r = live.result;
  const q = r.quoteAsset;
  const price = (_u: uPlot, v: number | null): string => (v === null ? '–' : formatPrice(v, q));
  const generations: uPlot.Series[] = r.generationLabels.map((label, g) => ({
    label: `liquidations ${label}`,
    stroke: generationColors[g % generationColors.length]!,
    width: 0,
    paths: () => null,
    points: { show: true, size: 7, fill: generationColors[g % generationColors.length]!, stroke: '#ffffff', width: 1 },
    value: price,
  }));
  return {
    signature: `price:${r.generationLabels.join(',')}:${q}`,
    options: {
      scales: { x: { time: false }, depth: { range: (_u, _min, max) => [0, max * 1.1 || 1] } },
      legend: { live: true },
      cursor: { points: { size: 6 } },
      series: [
        { label: 'time (s)', value: (_u, v) => (v === null ? '–' : `${v} s`) },
        { label: `mid price (${q}/${r.baseAsset})`, stroke: colors.mid, width: 2, value: price },
        { label: 'mark (oracle)', stroke: colors.mark, width: 1, dash: [4, 4], value: price },
        { label: 'bid depth within 1%', stroke: colors.depth, width: 1.5, scale: 'depth', value: (_u, v) => (v === null ? '–' : formatMoney(v, q)) },
        ...generations,
      ],
      axes: [timeAxis(), valueAxis(`Price (${q} per ${r.baseAsset})`, (v) => formatPrice(v, q)), valueAxis('Bid depth within 1%', (v) => formatMoney(v, q), 1, 'depth')],
    },
    // uPlot reads null (not NaN) as "no point": steps without fills of a generation.
    data: [r.timeSeconds, r.midPriceQuote, r.markPriceQuote, r.bidDepthQuote, ...r.generationPriceQuote.map((a) => Array.from(a, (v) => (Number.isNaN(v) ? null : v)))] as uPlot.AlignedData,
  };
}

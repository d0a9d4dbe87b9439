import type uPlot from 'uplot';
import type { MonteCarloResult } from '../analysis/monte-carlo';
import { formatPrice } from '../format';
import { colors, timeAxis, valueAxis } from './chart-theme';
import type { ChartSpec } from './time-chart';

const band = { outer: 'rgba(220, 38, 38, 0.14)', inner: 'rgba(220, 38, 38, 0.30)', median: '#b91c1c', quantile: 'rgba(185, 28, 28, 0.55)' };

/**
 * The Monte Carlo fan: the 5/25/50/75/95% quantiles of the mid price across paths at each point of the horizon,
 * the 5–95% and 25–75% bands shaded, the median drawn, and the initial price dashed for reference.
 */
export function fanChartSpec(r: MonteCarloResult, quoteAsset: string, baseAsset: string): ChartSpec {
  const f = r.fan;
  const price = (_u: uPlot, v: number | null): string => (v === null ? '–' : formatPrice(v, quoteAsset));
  const pct = (q: number): string => `${Math.round(q * 100)}%`;
  const quantileSeries: uPlot.Series[] = f.quantiles.map((q) => ({
    label: q === 0.5 ? 'median' : `${pct(q)} quantile`,
    stroke: q === 0.5 ? band.median : band.quantile,
    width: q === 0.5 ? 2.5 : 1,
    points: { show: false },
    value: price,
  }));
  const initial = new Float64Array(f.timeSeconds.length).fill(f.initialPriceQuote);
  const n = f.quantiles.length;
  return {
    signature: `fan:${n}:${quoteAsset}:${baseAsset}`,
    options: {
      scales: { x: { time: false } },
      // Bands between quantile series (1-based): 95% over 5%, 75% over 25%.
      bands: [
        { series: [n, 1], fill: band.outer },
        { series: [n - 1, 2], fill: band.inner },
      ],
      series: [
        { label: 'time (s)', value: (_u, v) => (v === null ? '–' : `${v} s`) },
        ...quantileSeries,
        { label: 'initial price', stroke: colors.mark, width: 1, dash: [5, 5], points: { show: false }, value: price },
      ],
      axes: [timeAxis(), valueAxis(`Mid price (${quoteAsset} per ${baseAsset})`, (v) => formatPrice(v, quoteAsset))],
    },
    data: [f.timeSeconds, ...f.priceQuote, initial] as uPlot.AlignedData,
  };
}

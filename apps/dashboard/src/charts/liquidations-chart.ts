import uPlot from 'uplot';
import type { SimulationResult } from '../engine/simulation-result';
import { formatMoney } from '../format';
import { generationColors, timeAxis, valueAxis, zoomedTimeLabel, zoomedTimeScale, type TimeWindow } from './chart-theme';
import type { ChartSpec, LiveResult } from './time-chart';

/**
 * Liquidated notional per step, stacked by generation: series k draws the sum of generations 1…k, the tallest
 * first, so each colour band is one generation; the legend shows each generation's own value.
 */
export function liquidationsChartSpec(live: LiveResult): ChartSpec {
  const r = live.result;
  const G = r.generationNotionalQuote.length;
  const T = r.timeSeconds.length;
  const stacked: Float64Array[] = [];
  let running = new Float64Array(T);
  for (let g = 0; g < G; g++) {
    const next = new Float64Array(T);
    const own = r.generationNotionalQuote[g]!;
    for (let i = 0; i < T; i++) next[i] = running[i]! + own[i]!;
    stacked.push(next);
    running = next;
  }
  const bars = uPlot.paths.bars!({ size: [0.9, 40], align: 0 });
  const series: uPlot.Series[] = [];
  const data: (Float64Array | (number | null)[])[] = [];
  for (let g = G - 1; g >= 0; g--) {
    series.push({
      label: r.generationLabels[g]!,
      stroke: generationColors[g % generationColors.length]!,
      fill: generationColors[g % generationColors.length]!,
      width: 0,
      paths: bars,
      points: { show: false },
      // The generation's own value, from the result shown now (the options outlive the result they were built for).
      value: (_u, _v, _si, idx) => (idx === null || idx === undefined ? '–' : formatMoney(live.result.generationNotionalQuote[g]?.[idx] ?? 0, r.quoteAsset)),
    });
    data.push(stacked[g]!);
  }
  const window: TimeWindow = () => ({ until: live.result.activeUntilSeconds, duration: duration(live.result) });
  return {
    signature: `liquidations:${r.generationLabels.join(',')}:${r.quoteAsset}`,
    options: {
      scales: { x: zoomedTimeScale(window), y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.05 : 1] } },
      series: [{ label: 'time (s)', value: (_u, v) => (v === null ? '–' : `${v} s`) }, ...series],
      axes: [timeAxis(zoomedTimeLabel(window)), valueAxis('Liquidated per step', (v) => formatMoney(v, r.quoteAsset))],
    },
    data: [r.timeSeconds, ...data] as uPlot.AlignedData,
  };
}

function duration(r: SimulationResult): number {
  return r.timeSeconds[r.timeSeconds.length - 1] ?? 0;
}

import uPlot from 'uplot';
import type { SimulationResult } from '../engine/simulation-result';
import { formatCount, formatMoney } from '../format';
import { colors, timeAxis, valueAxis, zoomedTimeLabel, zoomedTimeScale, type TimeWindow } from './chart-theme';
import type { ChartSpec, LiveResult } from './time-chart';

/**
 * Insurance fund balance and bad debt so far (left axis), ADL fills per step (right axis, bars). Options read
 * `live.result` when drawn, so a new result of the same shape only swaps the data.
 */
export function fundChartSpec(live: LiveResult): ChartSpec {
  const r = live.result;
  const money = (_u: uPlot, v: number | null): string => (v === null ? '–' : formatMoney(v, r.quoteAsset));
  const window: TimeWindow = () => ({ until: live.result.activeUntilSeconds, duration: duration(live.result) });
  return {
    signature: `fund:${r.quoteAsset}`,
    options: {
      scales: { x: zoomedTimeScale(window), y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] }, adl: { range: (_u, _min, max) => [0, max > 0 ? max * 1.2 : 1] } },
      series: [
        { label: 'time (s)', value: (_u, v) => (v === null ? '–' : `${v} s`) },
        { label: 'insurance fund', stroke: colors.fund, width: 2, value: money },
        { label: 'bad debt so far', stroke: colors.badDebt, width: 2, value: money },
        {
          label: 'ADL fills per step',
          stroke: colors.adl,
          fill: 'rgba(124, 58, 237, 0.35)',
          width: 0,
          scale: 'adl',
          paths: uPlot.paths.bars!({ size: [0.9, 40], align: 0 }),
          points: { show: false },
          value: (_u, v) => (v === null ? '–' : formatCount(v)),
        },
      ],
      axes: [timeAxis(zoomedTimeLabel(window)), valueAxis(`Fund and bad debt (${r.quoteAsset})`, (v) => formatMoney(v, r.quoteAsset)), valueAxis('ADL fills per step', (v) => formatCount(v), 1, 'adl')],
    },
    data: [r.timeSeconds, r.fundQuote, r.badDebtQuote, r.adlPerStep] as uPlot.AlignedData,
  };
}

function duration(r: SimulationResult): number {
  return r.timeSeconds[r.timeSeconds.length - 1] ?? 0;
}

import uPlot from 'uplot';
import type { SimulationResult } from '../engine/simulation-result';
import { formatCount, formatMoney } from '../format';
import { colors, timeAxis, valueAxis, zoomedTimeLabel, zoomedTimeScale } from './chart-theme';
import type { ChartSpec } from './time-chart';

/** Insurance fund balance and bad debt so far (left axis), ADL fills per step (right axis, bars). */
export function fundChartSpec(r: SimulationResult): ChartSpec {
  const money = (_u: uPlot, v: number | null): string => (v === null ? '–' : formatMoney(v, r.quoteAsset));
  return {
    signature: `${r.activeUntilSeconds}:fund:${r.quoteAsset}`,
    options: {
      scales: { x: zoomedTimeScale(r.activeUntilSeconds, duration(r)), y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] }, adl: { range: (_u, _min, max) => [0, max > 0 ? max * 1.2 : 1] } },
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
      axes: [timeAxis(zoomedTimeLabel(r.activeUntilSeconds, duration(r))), valueAxis(`Fund and bad debt (${r.quoteAsset})`, (v) => formatMoney(v, r.quoteAsset)), valueAxis('ADL fills per step', (v) => formatCount(v), 1, 'adl')],
    },
    data: [r.timeSeconds, r.fundQuote, r.badDebtQuote, r.adlPerStep] as uPlot.AlignedData,
  };
}

function duration(r: SimulationResult): number {
  return r.timeSeconds[r.timeSeconds.length - 1] ?? 0;
}

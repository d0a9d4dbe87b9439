import type uPlot from 'uplot';

/** Colours of cascade generations 1…6+ (colour-blind friendly, dark to light). */
export const generationColors = ['#e6550d', '#fd8d3c', '#d6a21e', '#31a354', '#3182bd', '#756bb1'];

export const colors = {
  mid: '#1f2937',
  mark: '#9ca3af',
  depth: '#0ea5e9',
  fund: '#16a34a',
  badDebt: '#dc2626',
  adl: '#7c3aed',
  playhead: 'rgba(220, 38, 38, 0.75)',
  grid: 'rgba(0,0,0,0.07)',
};

/** A uPlot plugin drawing a vertical line at the playback time. */
export function playheadPlugin(getTime: () => number | undefined): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u) => {
          const t = getTime();
          if (t === undefined) return;
          const x = Math.round(u.valToPos(t, 'x', true));
          const { top, height } = u.bbox;
          const ctx = u.ctx;
          ctx.save();
          ctx.strokeStyle = colors.playhead;
          ctx.lineWidth = 2 * devicePixelRatio;
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, top + height);
          ctx.stroke();
          ctx.restore();
        },
      ],
    },
  };
}

/** Common x axis: simulated seconds; the label may be read at each draw (it follows the shown result). */
export function timeAxis(label: string | (() => string) = 'Simulated time (s)'): uPlot.Axis {
  return { label: typeof label === 'string' ? label : () => label(), labelSize: 18, grid: { stroke: colors.grid }, ticks: { stroke: colors.grid }, size: 36 };
}

/** A y axis whose ticks go through `format`. */
export function valueAxis(label: string, format: (v: number) => string, side: 1 | 3 = 3, scale = 'y'): uPlot.Axis {
  return {
    scale,
    side,
    label,
    labelSize: 18,
    size: 64,
    grid: { show: side === 3, stroke: colors.grid },
    ticks: { stroke: colors.grid },
    values: (_u, splits) => splits.map((v) => (v === null || v === undefined ? '' : format(v))),
  };
}

/** What the zoomed time axis reads at each draw: the end of the active part and of the whole run (seconds). */
export type TimeWindow = () => { readonly until: number; readonly duration: number };

/**
 * x scale fixed to [0, until] seconds (the active part of a long run), or the whole run when until reaches its
 * end. Read at each draw, so a new result re-zooms with `setData` instead of a rebuilt chart.
 */
export function zoomedTimeScale(window: TimeWindow): uPlot.Scale {
  return {
    time: false,
    range: (_u, min, max) => {
      const { until, duration } = window();
      return until < duration ? [0, until] : [min, max];
    },
  };
}

/** Axis label for a zoomed time axis, read at each draw. */
export function zoomedTimeLabel(window: TimeWindow): () => string {
  return () => {
    const { until, duration } = window();
    return until < duration ? `Simulated time (s), first ${until} of ${duration} s` : 'Simulated time (s)';
  };
}

/** Sequential colour stops, light yellow to dark red (the heatmaps' scale). */
export const heatStops: readonly [number, number, number][] = [
  [255, 247, 214],
  [253, 208, 96],
  [245, 130, 32],
  [215, 48, 39],
  [103, 0, 13],
];

/** The colour at `t` in [0, 1] on {@link heatStops}, written as RGBA into `out` at `o`. */
export function heatColorAt(t: number, out: Uint8ClampedArray | number[], o = 0): void {
  const x = Math.min(0.9999, Math.max(0, t)) * (heatStops.length - 1);
  const i = Math.floor(x);
  const f = x - i;
  const a = heatStops[i]!;
  const b = heatStops[i + 1]!;
  out[o] = a[0] + (b[0] - a[0]) * f;
  out[o + 1] = a[1] + (b[1] - a[1]) * f;
  out[o + 2] = a[2] + (b[2] - a[2]) * f;
  out[o + 3] = 255;
}

/** The colour at `t` as a CSS `rgb()` string. */
export function heatCss(t: number): string {
  const c = [0, 0, 0, 0];
  heatColorAt(t, c);
  return `rgb(${Math.round(c[0]!)}, ${Math.round(c[1]!)}, ${Math.round(c[2]!)})`;
}

import type { FillColumns, PositionTable } from '@firesale/core';
import type { HeatmapData } from './simulation-result';

/** Inputs of {@link buildLiquidationHeatmap}. */
export type HeatmapInput = {
  readonly positions: PositionTable;
  /** Liquidation price of each position (NaN where unknown), quote per base. */
  readonly liquidationPriceQuote: Float64Array;
  /** Which market to map. */
  readonly marketIndex: number;
  /** The run's liquidation fills, as columns (`detail: 'columns'`). */
  readonly liquidations: Pick<FillColumns['liquidations'], 'count' | 'positionId' | 'timeSeconds' | 'closedBase'>;
  readonly timeSeconds: readonly number[];
  readonly stepSeconds: number;
  readonly priceLowQuote: number;
  readonly priceHighQuote: number;
  readonly rows: number;
  readonly maxColumns: number;
};

/**
 * Open notional (at entry price) by liquidation price, column by column over the run: a position leaves its
 * row as it is liquidated. One pass over positions and one over liquidations; no per-position objects.
 */
export function buildLiquidationHeatmap(h: HeatmapInput): HeatmapData {
  const { positions, rows } = h;
  const steps = Math.max(1, h.timeSeconds.length);
  const columns = Math.max(1, Math.min(h.maxColumns, steps));
  const span = h.priceHighQuote - h.priceLowQuote;
  const rowOf = (price: number): number => {
    if (!(price >= h.priceLowQuote && price < h.priceHighQuote)) return -1;
    return Math.min(rows - 1, Math.floor(((h.priceHighQuote - price) / span) * rows));
  };
  const initialLong = new Float64Array(rows);
  const initialShort = new Float64Array(rows);
  const row = new Int32Array(positions.count);
  for (let i = 0; i < positions.count; i++) {
    row[i] = positions.marketIndex[i] === h.marketIndex ? rowOf(h.liquidationPriceQuote[i]!) : -1;
    const r = row[i]!;
    if (r < 0) continue;
    const notional = positions.sizeBase[i]! * positions.entryPriceQuote[i]!;
    if (positions.side[i]! > 0) initialLong[r]! += notional;
    else initialShort[r]! += notional;
  }
  const removed = new Float64Array(rows * columns);
  const fills = h.liquidations;
  for (let k = 0; k < fills.count; k++) {
    const id = fills.positionId[k]!;
    const r = id < row.length ? row[id]! : -1;
    if (r < 0) continue;
    const step = Math.min(steps - 1, Math.max(0, Math.round(fills.timeSeconds[k]! / h.stepSeconds)));
    const c = Math.min(columns - 1, Math.floor((step * columns) / steps));
    removed[r * columns + c]! += fills.closedBase[k]! * positions.entryPriceQuote[id]!;
  }
  const open = new Float64Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    let level = initialLong[r]! + initialShort[r]!;
    for (let c = 0; c < columns; c++) {
      level = Math.max(0, level - removed[r * columns + c]!);
      open[r * columns + c] = level;
    }
  }
  const columnEnd = new Float64Array(columns);
  for (let c = 0; c < columns; c++) {
    const lastStep = Math.min(steps - 1, Math.ceil(((c + 1) * steps) / columns) - 1);
    columnEnd[c] = h.timeSeconds[lastStep] ?? lastStep * h.stepSeconds;
  }
  return {
    rows,
    columns,
    priceLowQuote: h.priceLowQuote,
    priceHighQuote: h.priceHighQuote,
    columnEndSeconds: columnEnd,
    openNotionalQuote: open,
    initialLongQuote: initialLong,
    initialShortQuote: initialShort,
  };
}

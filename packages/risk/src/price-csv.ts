import { FiresaleError } from '@firesale/core';

/** Log returns parsed from a price CSV, ready for a bootstrap shock model. */
export type PriceReturns = {
  /** Log returns per price column (keyed by the column header). */
  readonly logReturns: Readonly<Record<string, readonly number[]>>;
  /** Median spacing of the timestamps, in seconds. */
  readonly intervalSeconds: number;
  readonly rows: number;
};

/**
 * Parses a price CSV: a header, then rows `time,price[,price...]`. The time column holds Unix seconds, Unix
 * milliseconds (values above 1e11) or ISO dates; each further column is one market's price (the header names
 * it). Rows are sorted by time; returns are ln(p[k] / p[k-1]).
 *
 * @throws `FiresaleError` `CSV__MALFORMED_ROW` naming the file, line and reason (an empty file, fewer than
 * two prices, a non-positive price, a bad time).
 */
export function parsePriceCsv(text: string, path = 'prices.csv'): PriceReturns {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const content = lines.map((line, i) => ({ line, number: i + 1 })).filter((l) => l.line !== '' && !l.line.startsWith('#'));
  if (content.length === 0) throw new FiresaleError('CSV__MALFORMED_ROW', { path, line: 1, reason: 'the price CSV is empty (need a header and at least two rows of prices)' });
  const header = content[0]!.line.split(',').map((h) => h.trim());
  if (header.length < 2) throw new FiresaleError('CSV__MALFORMED_ROW', { path, line: content[0]!.number, reason: 'the header needs a time column and at least one price column' });
  const columns = header.slice(1);
  const rows: { time: number; prices: number[] }[] = [];
  for (const { line, number } of content.slice(1)) {
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== header.length) throw new FiresaleError('CSV__MALFORMED_ROW', { path, line: number, reason: `expected ${header.length} columns, found ${cells.length}` });
    const time = parseTime(cells[0]!);
    if (!Number.isFinite(time)) throw new FiresaleError('CSV__MALFORMED_ROW', { path, line: number, value: cells[0], reason: `"${cells[0]}" is not a time (Unix seconds, milliseconds or an ISO date)` });
    const prices = cells.slice(1).map(Number);
    prices.forEach((p, c) => {
      if (!(p > 0) || !Number.isFinite(p)) throw new FiresaleError('CSV__MALFORMED_ROW', { path, line: number, value: cells[c + 1], reason: `${columns[c]}: "${cells[c + 1]}" is not a positive price` });
    });
    rows.push({ time, prices });
  }
  if (rows.length < 2) throw new FiresaleError('CSV__MALFORMED_ROW', { path, line: content[content.length - 1]!.number, reason: `the price CSV has ${rows.length} row(s) of prices; at least two are needed for a return` });
  rows.sort((a, b) => a.time - b.time);
  const gaps = rows.slice(1).map((r, k) => r.time - rows[k]!.time).sort((a, b) => a - b);
  const intervalSeconds = gaps[Math.floor(gaps.length / 2)]!;
  if (!(intervalSeconds > 0)) throw new FiresaleError('CSV__MALFORMED_ROW', { path, line: 2, reason: 'the timestamps do not increase (median spacing is 0)' });
  const logReturns: Record<string, number[]> = {};
  columns.forEach((name, c) => {
    logReturns[name] = rows.slice(1).map((r, k) => Math.log(r.prices[c]! / rows[k]!.prices[c]!));
  });
  return { logReturns, intervalSeconds, rows: rows.length };
}

function parseTime(cell: string): number {
  const n = Number(cell);
  if (cell !== '' && Number.isFinite(n)) return n > 1e11 ? n / 1000 : n;
  return Date.parse(cell) / 1000;
}

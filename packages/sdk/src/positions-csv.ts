import { FiresaleError } from '@firesale/core';
import { parse } from 'csv-parse/browser/esm/sync';

/** One position read from a CSV row, with the line it came from. */
export type CsvPosition = {
  readonly line: number;
  readonly account: string;
  readonly market: string;
  readonly side: 'long' | 'short';
  readonly sizeBase: number;
  readonly entryPriceQuote: number;
  readonly leverage: number | undefined;
  readonly marginQuote: number | undefined;
};

const REQUIRED = ['account', 'market', 'side', 'size_base', 'entry_price_quote'] as const;

/**
 * Parses a positions CSV. Columns (header row required): `account, market, side (long|short), size_base,
 * entry_price_quote`, and `leverage` or `margin_quote`. Every bad row is reported with its line and column:
 * `positions.csv:7:size_base`.
 *
 * @throws {@link FiresaleError} `CSV__MALFORMED_ROW` (all problems are collected into one `FiresaleErrors`
 * by the caller) for a missing column, an unparseable number or an unknown side.
 */
export function parsePositionsCsv(text: string, fileLabel = 'positions.csv'): { positions: CsvPosition[]; errors: FiresaleError[] } {
  const errors: FiresaleError[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: false }) as never;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    errors.push(new FiresaleError('CSV__MALFORMED_ROW', { path: `${fileLabel}:${line}`, line, reason: (error as Error).message }));
    return { positions: [], errors };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  for (const column of REQUIRED) {
    if (records.length > 0 && !header.includes(column)) {
      errors.push(new FiresaleError('CSV__MALFORMED_ROW', { path: `${fileLabel}:1:${column}`, line: 1, reason: `the header has no "${column}" column` }));
    }
  }
  if (errors.length > 0) return { positions: [], errors };
  const positions: CsvPosition[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    const bad = (column: string, reason: string): void => {
      errors.push(new FiresaleError('CSV__MALFORMED_ROW', { path: `${fileLabel}:${line}:${column}`, line, value: record[column], reason }));
    };
    const number = (column: string, required: boolean): number | undefined => {
      const raw = record[column];
      if (raw === undefined || raw === '') {
        if (required) bad(column, 'a value is required');
        return undefined;
      }
      const value = Number(raw);
      if (!Number.isFinite(value)) {
        bad(column, `"${raw}" is not a number`);
        return undefined;
      }
      return value;
    };
    const side = record.side?.toLowerCase();
    if (side !== 'long' && side !== 'short') bad('side', `"${record.side ?? ''}" is not long or short`);
    const sizeBase = number('size_base', true);
    if (sizeBase !== undefined && !(sizeBase > 0)) bad('size_base', `${sizeBase} is not a positive size`);
    const entryPriceQuote = number('entry_price_quote', true);
    if (entryPriceQuote !== undefined && !(entryPriceQuote > 0)) bad('entry_price_quote', `${entryPriceQuote} is not a positive price`);
    const leverage = number('leverage', false);
    const marginQuote = number('margin_quote', false);
    if (!record.account) bad('account', 'a value is required');
    if (!record.market) bad('market', 'a value is required');
    positions.push({
      line,
      account: record.account ?? '',
      market: record.market ?? '',
      side: side === 'short' ? 'short' : 'long',
      sizeBase: sizeBase ?? NaN,
      entryPriceQuote: entryPriceQuote ?? NaN,
      leverage,
      marginQuote,
    });
  }
  return { positions, errors };
}

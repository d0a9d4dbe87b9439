import type { z } from 'zod';
import { HistoryError } from './history-error';
import { HISTORY_FORMAT_VERSION, headerSchema, recordSchema, type HistoryHeader, type HistoryRecord, type HistoryRecordInput } from './history-records';
import { splitLines } from './line-splitter';
import { PROVENANCES, isProvenance, type Provenance } from './provenance';

/** The header as the reader yields it (first item), with its line number. */
export type HistoryHeaderItem = HistoryHeader & { readonly line: number; /** The file name given to the reader. */ readonly file: string };
/** What {@link readHistory} yields: the header first, then the records in file order. */
export type HistoryItem = HistoryHeaderItem | HistoryRecord;

/** Options of {@link readHistory}. */
export type ReadHistoryOptions = {
  /** Name used in error messages (the file path). Default `history`. */
  readonly file?: string;
  /** `jsonl` (default unless the file name ends in `.csv`) or `csv` (trades or candles, one market). */
  readonly format?: 'jsonl' | 'csv';
  /** For CSV: the market, when there is no `marketId` column or `# marketId=` comment. */
  readonly marketId?: string;
  /** For CSV: provenance of every row without a `provenance` column (default `observed`). */
  readonly provenance?: Provenance;
};

const CSV_ALIASES: Record<string, string> = {
  time: 't', timestamp: 't', timeseconds: 't', t: 't',
  price: 'priceQuote', pricequote: 'priceQuote',
  size: 'sizeBase', sizebase: 'sizeBase', qty: 'sizeBase', quantity: 'sizeBase',
  side: 'side', open: 'open', high: 'high', low: 'low', close: 'close',
  volume: 'volumeBase', volumebase: 'volumeBase', interval: 'intervalSeconds', intervalseconds: 'intervalSeconds',
  market: 'marketId', marketid: 'marketId', symbol: 'marketId', provenance: 'provenance', source: 'source',
};
const CSV_TEXT_COLUMNS = new Set(['side', 'marketId', 'provenance', 'source']);

/**
 * Reads a history (JSON lines, or CSV trades/candles) from a stream of text chunks, one line at a time, and
 * yields the header then each record, checked: schema, non-decreasing `t`, a known provenance for every record
 * (its own, its source's, or the header's default), declared sources. Memory stays constant whatever the size.
 *
 * Everything before a bad line has been yielded when the generator throws.
 *
 * @throws {@link HistoryError} naming the line and the field: a malformed or truncated line, a time before the
 * previous one, an unknown provenance tag or record type, a missing header.
 *
 * @example
 * ```ts
 * for await (const item of readHistory(createReadStream('crash.jsonl', 'utf8'), { file: 'crash.jsonl' })) {
 *   if (item.type === 'liquidation') total += item.sizeBase * item.priceQuote;
 * }
 * ```
 */
export async function* readHistory(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: ReadHistoryOptions = {},
): AsyncGenerator<HistoryItem> {
  const file = options.file ?? 'history';
  const csv = options.format === 'csv' || (options.format === undefined && /\.csv$/i.test(file));
  let header: HistoryHeaderItem | undefined;
  let recordsRead = 0;
  let lastT = -Infinity;
  let csvColumns: string[] | undefined;
  const csvMeta: Record<string, string> = {};
  const fail = (line: number, field: string, reason: string, value?: unknown): never => {
    throw new HistoryError({ file, line, field, reason, recordsRead, ...(value === undefined ? {} : { value }) });
  };

  for await (const { text, line, terminated } of splitLines(chunks)) {
    const trimmed = text.trim();
    if (trimmed === '') continue;
    let raw: unknown;
    if (csv) {
      if (trimmed.startsWith('#')) {
        for (const m of trimmed.slice(1).matchAll(/([A-Za-z]+)=(\S+)/g)) csvMeta[m[1]!] = m[2]!;
        continue;
      }
      if (!csvColumns) {
        csvColumns = trimmed.split(',').map((c) => CSV_ALIASES[c.trim().toLowerCase()] ?? c.trim());
        if (!csvColumns.includes('t')) fail(line, 't', `the header row needs a time column (t, time or timestamp); got ${trimmed}`);
        header = { ...csvHeader(csvMeta, options, line, fail), file };
        recordsRead++;
        yield header;
        continue;
      }
      if (!terminated && text.split(',').length < csvColumns.length) fail(line, '(row)', 'truncated: the file ends in the middle of a row');
      raw = csvRow(text, csvColumns, csvMeta, options, line, fail);
    } else {
      try {
        raw = JSON.parse(trimmed);
      } catch (error) {
        fail(line, '(json)', terminated ? `not valid JSON (${(error as Error).message})` : 'truncated: the file ends in the middle of a record');
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(line, '(json)', 'each line must be a JSON object');
      if (!header) {
        if ((raw as { type?: unknown }).type !== 'header') fail(line, 'type', 'the first line must be the header ({"type":"header","format":"firesale-history",...})', (raw as { type?: unknown }).type);
        const parsed = headerSchema.safeParse(raw);
        if (!parsed.success) issueError(parsed.error.issues, raw, line, fail, true);
        header = { ...parsed.data!, line, file };
        recordsRead++;
        yield header;
        continue;
      }
    }
    const parsed = recordSchema.safeParse(raw);
    if (!parsed.success) issueError(parsed.error.issues, raw, line, fail, false);
    const record = parsed.data as HistoryRecordInput;
    if (record.t < lastT) fail(line, 't', `${record.t} is before the previous record's time ${lastT} (records must be in time order)`, record.t);
    lastT = record.t;
    const h = header!;
    let provenance: Provenance | undefined = record.provenance;
    let lowerBound = false;
    if (record.source !== undefined) {
      const source = h.sources?.[record.source];
      if (!source) fail(line, 'source', `source "${record.source}" is not declared in the header (declared: ${Object.keys(h.sources ?? {}).join(', ') || 'none'})`, record.source);
      provenance ??= source!.provenance;
      lowerBound = source!.underReports?.types.includes(record.type as 'liquidation') ?? false;
    }
    provenance ??= h.defaultProvenance;
    if (!provenance) fail(line, 'provenance', 'no provenance: give the record a provenance, a source declared in the header, or set the header defaultProvenance');
    recordsRead++;
    yield { ...record, provenance: provenance!, lowerBound, line } as HistoryRecord;
  }
  if (!header) fail(0, 'header', 'the history is empty (no header line)');
}

function issueError(
  issues: readonly z.core.$ZodIssue[],
  raw: unknown,
  line: number,
  fail: (line: number, field: string, reason: string, value?: unknown) => never,
  isHeader: boolean,
): never {
  const issue = issues[0]!;
  const field = issue.path.map(String).join('.') || 'type';
  let value: unknown = raw;
  for (const key of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  const last = issue.path[issue.path.length - 1];
  if (last === 'provenance' && !isProvenance(value)) {
    fail(line, field, `unknown provenance tag ${JSON.stringify(value)} (known: ${PROVENANCES.join(', ')})`, value);
  }
  if (issue.path.length === 1 && last === 'type' && !isHeader) {
    fail(line, 'type', `unknown record type ${JSON.stringify(value)} (known: reference, mid, trade, candle, depth, liquidation, adl, account, snapshot)`, value);
  }
  if (isHeader && last === 'formatVersion') fail(line, field, `format version ${JSON.stringify(value)} is not supported (this reader reads ${HISTORY_FORMAT_VERSION})`, value);
  if (value === undefined && issue.code === 'invalid_type') fail(line, field, 'missing');
  return fail(line, field, issue.message, value);
}

function csvHeader(
  meta: Record<string, string>,
  options: ReadHistoryOptions,
  line: number,
  fail: (line: number, field: string, reason: string, value?: unknown) => never,
): HistoryHeader & { line: number } {
  const provenance = meta.defaultProvenance ?? meta.provenance ?? options.provenance ?? 'observed';
  if (!isProvenance(provenance)) fail(line, 'provenance', `unknown provenance tag ${JSON.stringify(provenance)} (known: ${PROVENANCES.join(', ')})`, provenance);
  if (meta.formatVersion !== undefined && Number(meta.formatVersion) !== HISTORY_FORMAT_VERSION) {
    fail(line, 'formatVersion', `format version ${meta.formatVersion} is not supported (this reader reads ${HISTORY_FORMAT_VERSION})`, meta.formatVersion);
  }
  return {
    type: 'header',
    format: 'firesale-history',
    formatVersion: HISTORY_FORMAT_VERSION,
    defaultProvenance: provenance as Provenance,
    ...(meta.name === undefined ? {} : { name: meta.name }),
    line,
  };
}

function csvRow(
  text: string,
  columns: readonly string[],
  meta: Record<string, string>,
  options: ReadHistoryOptions,
  line: number,
  fail: (line: number, field: string, reason: string, value?: unknown) => never,
): Record<string, unknown> {
  const cells = text.split(',');
  if (cells.length !== columns.length) fail(line, '(row)', `expected ${columns.length} cells (${columns.join(',')}), got ${cells.length}`);
  const row: Record<string, unknown> = { type: columns.includes('open') ? 'candle' : 'trade' };
  columns.forEach((column, i) => {
    const cell = cells[i]!.trim();
    if (cell === '') return;
    if (CSV_TEXT_COLUMNS.has(column)) {
      row[column] = cell;
      return;
    }
    const n = Number(cell);
    if (!Number.isFinite(n)) fail(line, column, `${JSON.stringify(cell)} is not a number`, cell);
    row[column] = n;
  });
  row.marketId ??= meta.marketId ?? options.marketId;
  if (row.marketId === undefined) fail(line, 'marketId', 'no market: add a marketId column, a "# marketId=..." comment, or pass the market');
  if (row.type === 'candle') row.intervalSeconds ??= meta.intervalSeconds === undefined ? undefined : Number(meta.intervalSeconds);
  return row;
}

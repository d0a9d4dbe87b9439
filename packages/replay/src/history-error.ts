import { FiresaleError } from '@firesale/core';

/** Where a history went wrong. */
export type HistoryErrorDetail = {
  /** File name (or `history` for an in-memory stream). */
  readonly file: string;
  /** 1-based line number of the bad line (0 when the problem is not on one line, such as an empty history). */
  readonly line: number;
  /** The field at fault (`t`, `provenance`, `(json)`, `scenario`). */
  readonly field: string;
  readonly value?: unknown;
  readonly reason: string;
  /** Records read and yielded (header included) before the problem. */
  readonly recordsRead: number;
};

/**
 * A problem in a history file: out-of-order times, an unknown provenance tag, a malformed or truncated line, no
 * scenario. (A window outside the data is `HISTORY__WINDOW_OUTSIDE_DATA`, not a `HistoryError`.) The message names the file, the line and the field
 * (`crash.jsonl: line 17: t: 12 is before the previous record's time 15`); `recordsRead` says how many records
 * came before it (they were yielded, nothing before the bad line is lost). Code `HISTORY__INVALID_RECORD`;
 * `isFiresaleError` recognises it, so the CLI prints it as an input error.
 */
export class HistoryError extends FiresaleError<'HISTORY__INVALID_RECORD'> {
  /** The line, field and how many records were read before the problem. */
  readonly detail: HistoryErrorDetail;

  constructor(detail: HistoryErrorDetail) {
    super('HISTORY__INVALID_RECORD', {
      path: detail.file,
      line: detail.line,
      value: detail.value,
      field: detail.field,
      reason: detail.reason,
      recordsRead: detail.recordsRead,
    });
    this.name = 'HistoryError';
    this.detail = detail;
  }
}

/** True when `error` is a {@link HistoryError}. */
export function isHistoryError(error: unknown): error is HistoryError {
  return error instanceof HistoryError;
}

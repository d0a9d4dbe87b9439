/**
 * Every error code firesale raises, namespaced by area (`SCENARIO__…`, `BOOK__…`). Codes never change
 * meaning and are never renumbered or reused; new codes are added at the end of their area.
 * Suffixes: `INVALID_` (malformed), `_OUT_OF_RANGE` / `_ABOVE_` / `_BELOW_` (bounds), `_MISSING`, `_UNKNOWN`,
 * `_MISMATCH`.
 */
export type FiresaleErrorCode = keyof FiresaleErrorContextMap;

/** Context every input error carries: where the bad value is and what it was. */
export type FieldContext = {
  /** Path of the field in the input, such as `positions[12].leverage` or `positions.csv:7:size`. */
  path: string;
  value?: unknown;
};

/** The typed context of each error code. Message templates refer to these keys as `$key`. */
export type FiresaleErrorContextMap = {
  SCENARIO__INVALID_FIELD: FieldContext & { reason: string };
  SCENARIO__VALUE_MISSING: FieldContext;
  SCENARIO__SIZE_NOT_POSITIVE: FieldContext;
  SCENARIO__PRICE_INVALID: FieldContext & { reason: string };
  SCENARIO__UNKNOWN_MODEL: FieldContext & { known: string };
  SCENARIO__UNKNOWN_VENUE: FieldContext & { known: string };
  SCENARIO__UNKNOWN_MARKET: FieldContext & { known: string };
  SCENARIO__LEVERAGE_ABOVE_VENUE_MAX: FieldContext & { max: number; venue: string };
  SCENARIO__SIZE_BELOW_VENUE_MIN: FieldContext & { min: number; venue: string };
  SCENARIO__COLLATERAL_NOT_ACCEPTED: FieldContext & { venue: string; accepted: string };
  SCENARIO__DUPLICATE_POSITION: FieldContext & { account: string; market: string };
  SCENARIO__UNKNOWN_TIER: FieldContext & { venue: string; known: string };
  BOOK__CROSSED_LEVELS: FieldContext & { bestBidQuote: number; bestAskQuote: number };
  BOOK__LEVELS_UNSORTED: FieldContext & { side: string };
  BOOK__EMPTY_SIDE: FieldContext & { side: string };
  CSV__MALFORMED_ROW: FieldContext & { line: number; reason: string };
  /** A bad record of a replay history (out-of-order time, unknown provenance, truncated line). */
  HISTORY__INVALID_RECORD: FieldContext & { line: number; field: string; reason: string; recordsRead: number };
  /**
   * A replay or calibration window (`--from`/`--to`) that does not overlap the history's data. `path` is the file,
   * `value` the option's value, `option` the option at fault as the command line spells it.
   */
  HISTORY__WINDOW_OUTSIDE_DATA: FieldContext & { value: number; option: string; fromSeconds: number; toSeconds: number; dataStartSeconds: number; dataEndSeconds: number };
  /** A window that cannot be run: it ends before it starts, or starts before the history's first scenario snapshot. */
  HISTORY__INVALID_WINDOW: FieldContext & { value: number; option: string; reason: string };
  FILE__UNREADABLE: FieldContext & { reason: string };
  FILE__INVALID_JSON: FieldContext & { reason: string };
  SPEC__UNSUPPORTED_VERSION: FieldContext & { supported: string };
  VECTORS__INVALID_FILE: FieldContext & { reason: string };
  ENGINE__INVARIANT_BROKEN: { invariant: string; detail: string };
};

import type { FiresaleErrorContextMap } from '@firesale/spec';

/** One price level: `[priceQuote, sizeBase]` (quote per base, base resting at that price). */
export type L2Level = readonly [priceQuote: number, sizeBase: number];

/** A depth snapshot: bids best (highest) first, asks best (lowest) first. */
export type L2Snapshot = {
  /** Bid levels, prices strictly descending. */
  readonly bids: readonly L2Level[];
  /** Ask levels, prices strictly ascending. */
  readonly asks: readonly L2Level[];
};

/** The error codes {@link checkL2Snapshot} reports (from `FiresaleErrorCode` in @firesale/spec). */
export type BookProblemCode =
  | 'BOOK__CROSSED_LEVELS'
  | 'BOOK__LEVELS_UNSORTED'
  | 'BOOK__EMPTY_SIDE'
  | 'SCENARIO__PRICE_INVALID'
  | 'SCENARIO__SIZE_NOT_POSITIVE';

/**
 * A problem in an L2 snapshot, as data. `path` is relative to the snapshot (`bids[3][0]`); `context` holds the
 * code's typed context from @firesale/spec without `path`/`value`, so a caller can raise
 * `new FiresaleError(code, { path: prefix + path, value, ...context })`.
 */
export type BookProblem = {
  [C in BookProblemCode]: {
    readonly code: C;
    readonly path: string;
    readonly value: unknown;
    readonly context: Omit<FiresaleErrorContextMap[C], 'path' | 'value'>;
  };
}[BookProblemCode];

type SideName = 'bids' | 'asks';

/** The best valid level of a side: its price (NaN when the side has none) and index. */
type BestLevel = { priceQuote: number; index: number };

/** Checks one side, appends its problems, and returns its best valid level. */
function checkSide(levels: unknown, side: SideName, problems: BookProblem[]): BestLevel {
  const best: BestLevel = { priceQuote: Number.NaN, index: -1 };
  if (!Array.isArray(levels) || levels.length === 0) {
    problems.push({ code: 'BOOK__EMPTY_SIDE', path: side, value: levels, context: { side } });
    return best;
  }
  let previous = Number.NaN;
  for (let i = 0; i < levels.length; i++) {
    const level: unknown = levels[i];
    if (!Array.isArray(level) || level.length < 2) {
      problems.push({
        code: 'SCENARIO__PRICE_INVALID',
        path: `${side}[${i}]`,
        value: level,
        context: { reason: 'a level must be a [priceQuote, sizeBase] pair' },
      });
      continue;
    }
    const price: unknown = level[0];
    const size: unknown = level[1];
    let priceValid = false;
    if (typeof price !== 'number' || !Number.isFinite(price)) {
      problems.push({
        code: 'SCENARIO__PRICE_INVALID',
        path: `${side}[${i}][0]`,
        value: price,
        context: { reason: 'not a finite number' },
      });
    } else if (price <= 0) {
      problems.push({
        code: 'SCENARIO__PRICE_INVALID',
        path: `${side}[${i}][0]`,
        value: price,
        context: { reason: 'not above zero' },
      });
    } else {
      priceValid = true;
    }
    if (typeof size !== 'number' || !Number.isFinite(size) || size <= 0) {
      problems.push({ code: 'SCENARIO__SIZE_NOT_POSITIVE', path: `${side}[${i}][1]`, value: size, context: {} });
    }
    if (!priceValid) continue;
    const p = price as number;
    if (!Number.isNaN(previous) && (side === 'bids' ? p >= previous : p <= previous)) {
      problems.push({ code: 'BOOK__LEVELS_UNSORTED', path: `${side}[${i}][0]`, value: p, context: { side } });
    }
    previous = p;
    if (Number.isNaN(best.priceQuote) || (side === 'bids' ? p > best.priceQuote : p < best.priceQuote)) {
      best.priceQuote = p;
      best.index = i;
    }
  }
  return best;
}

/**
 * Checks an L2 snapshot and returns every problem found, as data; it never throws, whatever it is given.
 * Reports empty or missing sides (`BOOK__EMPTY_SIDE`, path `bids`), levels that are not pairs or whose price
 * is not a positive finite number (`SCENARIO__PRICE_INVALID`, `bids[3][0]`), sizes that are not positive
 * (`SCENARIO__SIZE_NOT_POSITIVE`, `asks[2][1]`), bids not strictly descending or asks not strictly ascending
 * (`BOOK__LEVELS_UNSORTED`, at the first level out of order), and a best bid at or above the best ask
 * (`BOOK__CROSSED_LEVELS`, at the best bid, normally `bids[0][0]`).
 *
 * @example
 * ```ts
 * checkL2Snapshot({ bids: [[101, 1]], asks: [[100, 1]] });
 * // [{ code: 'BOOK__CROSSED_LEVELS', path: 'bids[0][0]', value: 101, context: { bestBidQuote: 101, bestAskQuote: 100 } }]
 * ```
 */
export function checkL2Snapshot(snapshot: L2Snapshot): BookProblem[] {
  const problems: BookProblem[] = [];
  const input: unknown = snapshot;
  const record = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const bestBid = checkSide(record['bids'], 'bids', problems);
  const bestAsk = checkSide(record['asks'], 'asks', problems);
  if (bestBid.priceQuote >= bestAsk.priceQuote) {
    problems.push({
      code: 'BOOK__CROSSED_LEVELS',
      path: `bids[${bestBid.index}][0]`,
      value: bestBid.priceQuote,
      context: { bestBidQuote: bestBid.priceQuote, bestAskQuote: bestAsk.priceQuote },
    });
  }
  return problems;
}

/** A JSON number, or a numeric string as exchanges publish them; anything else becomes NaN (reported by the check). */
function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

function parseSide(levels: unknown): L2Level[] {
  if (!Array.isArray(levels)) return [];
  const parsed: L2Level[] = [];
  for (const level of levels) {
    if (Array.isArray(level)) parsed.push([toNumber(level[0]), toNumber(level[1])]);
    else parsed.push([Number.NaN, Number.NaN]);
  }
  return parsed;
}

/**
 * Parses a depth snapshot published as JSON: an object with `bids` and `asks`, each a list of
 * `[price, size]` given as numbers or numeric strings (Binance `GET /api/v3/depth` returns
 * `{"lastUpdateId": …, "bids": [["100000.10", "0.5"], …], "asks": […]}`). Other keys and extra level entries
 * are ignored. Values that are not numbers become NaN and a missing side becomes empty, so run
 * {@link checkL2Snapshot} on the result before building a book.
 *
 * @throws SyntaxError when `text` is not JSON; TypeError when it is not a JSON object.
 */
export function parseL2SnapshotJson(text: string): L2Snapshot {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError('parseL2SnapshotJson: expected a JSON object with "bids" and "asks"');
  }
  const record = value as Record<string, unknown>;
  return { bids: parseSide(record['bids']), asks: parseSide(record['asks']) };
}

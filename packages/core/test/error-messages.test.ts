import type { FiresaleErrorCode, FiresaleErrorContextMap } from '@firesale/spec';
import { describe, expect, it } from 'vitest';
import { FiresaleError, firesaleErrorMessages, isFiresaleError } from '../src';

// One sample context per code; the type makes this table complete, so a new code without a sample fails to compile.
const samples: { [C in FiresaleErrorCode]: FiresaleErrorContextMap[C] } = {
  SCENARIO__INVALID_FIELD: { path: 'a.b', value: 1, reason: 'r' },
  SCENARIO__VALUE_MISSING: { path: 'a.b' },
  SCENARIO__SIZE_NOT_POSITIVE: { path: 'a.b', value: -1 },
  SCENARIO__PRICE_INVALID: { path: 'a.b', value: 'NaN', reason: 'r' },
  SCENARIO__UNKNOWN_MODEL: { path: 'a.b', value: 'x', known: 'y' },
  SCENARIO__UNKNOWN_VENUE: { path: 'a.b', value: 'x', known: 'y' },
  SCENARIO__UNKNOWN_MARKET: { path: 'a.b', value: 'x', known: 'y' },
  SCENARIO__LEVERAGE_ABOVE_VENUE_MAX: { path: 'a.b', value: 60, max: 50, venue: 'generic' },
  SCENARIO__SIZE_BELOW_VENUE_MIN: { path: 'a.b', value: 0.1, min: 1, venue: 'generic' },
  SCENARIO__COLLATERAL_NOT_ACCEPTED: { path: 'a.b', value: 'DOGE', venue: 'v', accepted: 'USDC' },
  SCENARIO__DUPLICATE_POSITION: { path: 'a.b', account: 'a', market: 'm' },
  SCENARIO__UNKNOWN_TIER: { path: 'a.b', value: 'x', venue: 'v', known: 'y' },
  BOOK__CROSSED_LEVELS: { path: 'a.b', bestBidQuote: 2, bestAskQuote: 1 },
  BOOK__LEVELS_UNSORTED: { path: 'a.b', side: 'bids' },
  BOOK__EMPTY_SIDE: { path: 'a.b', side: 'asks' },
  CSV__MALFORMED_ROW: { path: 'p.csv:3:size', line: 3, reason: 'r' },
  HISTORY__INVALID_RECORD: { path: 'h.jsonl', line: 17, field: 't', reason: 'before the previous record', recordsRead: 16 },
  HISTORY__WINDOW_OUTSIDE_DATA: { path: 'h.jsonl', value: 9000, option: '--from', fromSeconds: 9000, toSeconds: 9600, dataStartSeconds: 0, dataEndSeconds: 300 },
  HISTORY__INVALID_WINDOW: { path: 'h.jsonl', value: 10, option: '--to', reason: 'the window ends before it starts (50)' },
  FILE__UNREADABLE: { path: 'f', reason: 'ENOENT' },
  FILE__INVALID_JSON: { path: 'f', reason: 'r' },
  SPEC__UNSUPPORTED_VERSION: { path: 'a.b', value: 'v9', supported: 'v1' },
  VECTORS__INVALID_FILE: { path: 'f', reason: 'r' },
  ENGINE__INVARIANT_BROKEN: { invariant: 'conservation', detail: 'd' },
};

describe('error catalogue', () => {
  it.each(Object.keys(samples) as FiresaleErrorCode[])('%s has a message whose $keys are all in its context', (code) => {
    const template = firesaleErrorMessages[code];
    for (const [, key] of template.matchAll(/\$(\w+)/g)) expect(Object.keys(samples[code])).toContain(key);
    const error = new FiresaleError(code, samples[code] as never);
    expect(error.message).not.toMatch(/\$\w/);
    expect(isFiresaleError(error, code)).toBe(true);
  });

  it('names the field path first in input errors', () => {
    const error = new FiresaleError('SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', { path: 'positions[12].leverage', value: 60, max: 50, venue: 'generic' });
    expect(error.message).toBe("positions[12].leverage: 60 is above generic's max leverage 50");
  });

  it('names the option and the data range, and no line, for a window outside a history', () => {
    const error = new FiresaleError('HISTORY__WINDOW_OUTSIDE_DATA', { path: 'crash.jsonl', value: 9000, option: '--from', fromSeconds: 9000, toSeconds: 9600, dataStartSeconds: 0, dataEndSeconds: 300 });
    expect(error.message).toBe('crash.jsonl: --from 9000: the window [9000, 9600] is outside the data (t from 0 to 300)');
  });
});

import { describe, expect, it } from 'vitest';
import { isFiresaleError, type FiresaleError } from '@firesale/core';
import { HistoryError, readHistory, replayHistory } from '../src';
import { smallHistoryLines } from './helpers';

async function readAll(text: string): Promise<{ items: unknown[]; error: HistoryError | null }> {
  const items: unknown[] = [];
  try {
    for await (const item of readHistory([text], { file: 'crash.jsonl' })) items.push(item);
    return { items, error: null };
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    return { items, error };
  }
}

describe('bad input', () => {
  const lines = smallHistoryLines();

  it('out-of-order timestamps: names the line and the field, keeps the records before it', async () => {
    const bad = [...lines];
    const record = JSON.parse(bad[500]!);
    record.t = 1;
    bad[500] = JSON.stringify(record);
    const { items, error } = await readAll(`${bad.join('\n')}\n`);
    expect(error).not.toBeNull();
    expect(error!.message).toMatch(/^crash\.jsonl: line 501: t: 1 is before the previous record's time \d+/);
    expect(error!.detail).toMatchObject({ line: 501, field: 't', recordsRead: 500 });
    expect(items).toHaveLength(500);
    expect(isFiresaleError(error)).toBe(true);
  });

  it('an unknown provenance tag', async () => {
    const bad = [...lines];
    const record = JSON.parse(bad[10]!);
    record.provenance = 'guessed';
    bad[10] = JSON.stringify(record);
    const { items, error } = await readAll(`${bad.join('\n')}\n`);
    expect(error!.message).toContain('crash.jsonl: line 11: provenance: unknown provenance tag "guessed" (known: observed, estimated, simulated)');
    expect(error!.detail.recordsRead).toBe(10);
    expect(items).toHaveLength(10);
  });

  it('a source that is not declared, and a record with no provenance at all', async () => {
    const header = JSON.parse(lines[0]!);
    delete header.defaultProvenance;
    const bad = [JSON.stringify(header), JSON.stringify({ type: 'mid', t: 0, marketId: 'BTC-PERP', priceQuote: 1 }), JSON.stringify({ type: 'mid', t: 0, marketId: 'BTC-PERP', priceQuote: 1, source: 'x' })];
    const first = await readAll(`${bad.slice(0, 2).join('\n')}\n`);
    expect(first.error!.message).toContain('line 2: provenance: no provenance');
    const second = await readAll(`${[bad[0], bad[2]].join('\n')}\n`);
    expect(second.error!.message).toContain('line 2: source: source "x" is not declared in the header (declared: engine)');
  });

  it('a truncated last line: the error says so, and replay reports what it had', async () => {
    const text = `${lines.join('\n')}\n`;
    const cut = text.slice(0, text.length - 25);
    const { items, error } = await readAll(cut);
    expect(error!.message).toContain(`crash.jsonl: line ${lines.length}: (json): truncated: the file ends in the middle of a record`);
    expect(items).toHaveLength(lines.length - 1);
    const result = await replayHistory(readHistory([cut], { file: 'crash.jsonl' }));
    expect(result.inputError).toMatchObject({ line: lines.length, field: '(json)', recordsRead: lines.length - 1 });
    expect(result.comparison.events.identical).toBe(true);
    expect(result.comparison.liquidations.actualCount).toBeGreaterThan(100);
  });

  it('a bad line in the middle: replay covers the records before it', async () => {
    const bad = [...lines];
    bad[700] = '{"type":"mid","t":';
    const result = await replayHistory(readHistory([`${bad.join('\n')}\n`], { file: 'crash.jsonl' }));
    expect(result.inputError!.message).toContain('line 701: (json): not valid JSON');
    // The window ends at the last time all of whose records were read (the bad line's time may be incomplete).
    const badTime = JSON.parse(lines[700]!).t as number;
    expect(result.comparison.window.toSeconds).toBe(badTime - 1);
    expect(result.comparison.events.identical).toBe(true);
  });

  it('a window outside the data: its own code, naming the option and the data range, no line', async () => {
    const text = `${lines.join('\n')}\n`;
    const end = JSON.parse(lines.at(-1)!).t as number;
    const after = await replayHistory(readHistory([text], { file: 'crash.jsonl' }), { fromSeconds: 5000, toSeconds: 6000 }).catch((e: unknown) => e);
    expect(isFiresaleError(after, 'HISTORY__WINDOW_OUTSIDE_DATA')).toBe(true);
    expect(after).not.toBeInstanceOf(HistoryError);
    expect((after as Error).message).toBe(`crash.jsonl: --from 5000: the window [5000, 6000] is outside the data (t from 0 to ${end})`);
    expect((after as FiresaleError<'HISTORY__WINDOW_OUTSIDE_DATA'>).context).toMatchObject({ option: '--from', value: 5000, dataStartSeconds: 0, dataEndSeconds: end });
    expect((after as Error).message).not.toContain('line');
    const before = await replayHistory(readHistory([text], { file: 'crash.jsonl' }), { fromSeconds: -600, toSeconds: -60 }).catch((e: unknown) => e);
    expect(isFiresaleError(before, 'HISTORY__WINDOW_OUTSIDE_DATA')).toBe(true);
    expect((before as Error).message).toBe(`crash.jsonl: --to -60: the window [-600, -60] is outside the data (t from 0 to ${end})`);
    const reversed = await replayHistory(readHistory([text], { file: 'crash.jsonl' }), { fromSeconds: 50, toSeconds: 10 }).catch((e: unknown) => e);
    expect(isFiresaleError(reversed, 'HISTORY__INVALID_WINDOW')).toBe(true);
    expect((reversed as Error).message).toMatch(/--to 10: the window ends before it starts \(--from 50\)/);
  });

  it('a first line that is not a header, an unknown record type, an unsupported version', async () => {
    expect((await readAll('{"type":"mid","t":0}\n')).error!.message).toContain('line 1: type: the first line must be the header');
    const unknown = await readAll(`${lines[0]}\n{"type":"funding","t":0}\n`);
    expect(unknown.error!.message).toContain('line 2: type: unknown record type "funding"');
    const header = JSON.parse(lines[0]!);
    header.formatVersion = 2;
    expect((await readAll(`${JSON.stringify(header)}\n`)).error!.message).toContain('line 1: formatVersion: format version 2 is not supported');
  });
});

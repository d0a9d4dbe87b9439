import { describe, expect, it } from 'vitest';
import { HISTORY_FORMAT_VERSION, readHistory, replayHistory, splitLines, type HistoryItem } from '../src';
import { readHistoryFile } from '../src/node';
import { smallHistoryLines, smallScenario } from './helpers';

async function collect(iterable: AsyncIterable<HistoryItem>): Promise<HistoryItem[]> {
  const out: HistoryItem[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('history formats', () => {
  it('splits lines across chunk boundaries, CRLF and a missing final newline', async () => {
    const lines = [];
    for await (const l of splitLines(['a\r', '\nbb', 'b\n\nc'])) lines.push(l);
    expect(lines).toEqual([
      { text: 'a', line: 1, terminated: true },
      { text: 'bbb', line: 2, terminated: true },
      { text: '', line: 3, terminated: true },
      { text: 'c', line: 4, terminated: false },
    ]);
  });

  it('reads CSV trades with a comment header, resolving provenance and market', async () => {
    const csv = '# firesale-history formatVersion=1 marketId=BTC-PERP defaultProvenance=observed\nt,price,size,side\n0,100000,0.5,sell\n1,99900,1,sell\n';
    const items = await collect(readHistory([csv], { file: 'trades.csv' }));
    expect(items[0]).toMatchObject({ type: 'header', formatVersion: HISTORY_FORMAT_VERSION, defaultProvenance: 'observed' });
    expect(items[2]).toMatchObject({ type: 'trade', t: 1, marketId: 'BTC-PERP', priceQuote: 99900, sizeBase: 1, side: 'sell', provenance: 'observed', line: 4 });
  });

  it('reads CSV candles and reports a bad cell by line and column', async () => {
    const csv = 't,interval,open,high,low,close,volume\n0,60,100,101,99,100.5,10\n60,60,100.5,x,98,99,12\n';
    const items: HistoryItem[] = [];
    await expect(async () => {
      for await (const item of readHistory([csv], { file: 'candles.csv', marketId: 'BTC-PERP' })) items.push(item);
    }).rejects.toThrow('candles.csv: line 3: high: "x" is not a number (2 records read before it)');
    expect(items[1]).toMatchObject({ type: 'candle', close: 100.5, intervalSeconds: 60 });
  });

  it('replays real-style data (observed trades, an under-reporting liquidation feed) with a scenario', async () => {
    // Observed: the engine's mids as trades, its liquidations thinned to one per second by an under-reporting feed.
    const engine = smallHistoryLines().slice(1).map((l) => JSON.parse(l));
    const header = {
      type: 'header', format: 'firesale-history', formatVersion: 1, name: 'observed-style',
      sources: { exchange: { provenance: 'observed', underReports: { types: ['liquidation'], reason: 'at most one liquidation per symbol per second' } } },
    };
    const out = [JSON.stringify(header)];
    let lastLiquidationT = -1;
    for (const r of engine) {
      if (r.type === 'mid') out.push(JSON.stringify({ type: 'trade', t: r.t, marketId: r.marketId, priceQuote: r.priceQuote, source: 'exchange' }));
      if (r.type === 'liquidation' && r.t !== lastLiquidationT) {
        lastLiquidationT = r.t;
        out.push(JSON.stringify({ type: 'liquidation', t: r.t, marketId: r.marketId, side: r.side, sizeBase: r.sizeBase, priceQuote: r.priceQuote, source: 'exchange' }));
      }
    }
    const result = await replayHistory(readHistory([`${out.join('\n')}\n`]), { scenario: smallScenario() });
    const notional = result.comparison.liquidations.notional;
    expect(result.history.scenarioSource).toBe('option');
    expect(result.comparison.prices[0]!.actualSource).toBe('trade');
    expect(result.comparison.events.compared).toBe(false);
    expect(notional.kind).toBe('lower-bound');
    if (notional.kind === 'lower-bound') {
      expect(notional.holds).toBe(notional.simulated >= notional.observedLowerBound);
      expect(notional.observedLowerBound).toBeGreaterThan(0);
    }
  });

  it('the example histories, made by the engine, say so: every record is simulated', async () => {
    for (const name of ['btc-small-cascade.jsonl', 'btc-small-trades.csv']) {
      const items = await collect(readHistoryFile(new URL(`../../../examples/histories/${name}`, import.meta.url).pathname));
      const records = items.filter((item) => item.type !== 'header') as { provenance: string }[];
      expect(records.length, name).toBeGreaterThan(100);
      expect(new Set(records.map((r) => r.provenance)), name).toEqual(new Set(['simulated']));
    }
  });

  it('a history of trades only (no engine seed, no liquidation records) is not compared event by event', async () => {
    const csv = `${smallHistoryLines().filter((l) => l.includes('"type":"mid"')).reduce(
      (text, l) => { const r = JSON.parse(l) as { t: number; priceQuote: number }; return `${text}${r.t},${r.priceQuote}\n`; },
      '# firesale-history formatVersion=1 marketId=BTC-PERP defaultProvenance=simulated\nt,price\n',
    )}`;
    const result = await replayHistory(readHistory([csv], { file: 'mids.csv' }), { scenario: smallScenario() });
    expect(result.comparison.liquidations.simulatedCount).toBeGreaterThan(0);
    expect(result.comparison.events.compared).toBe(false);
    expect(result.comparison.events.firstMismatch).toBeNull();
  });
});

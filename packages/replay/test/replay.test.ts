import { describe, expect, it } from 'vitest';
import { readHistory, replayHistory } from '../src';
import { chunked, smallHistoryLines } from './helpers';

describe('replay of an engine-generated history', () => {
  const text = `${smallHistoryLines().join('\n')}\n`;

  it('reproduces every event exactly over the whole history', async () => {
    const result = await replayHistory(readHistory(chunked(text)));
    const c = result.comparison;
    expect(result.history.scenarioSource).toBe('header');
    expect(c.events.compared).toBe(true);
    expect(c.events.firstMismatch).toBeNull();
    expect(c.events.identical).toBe(true);
    expect(c.liquidations.actualCount).toBeGreaterThan(100);
    expect(c.adl.actualCount).toBeGreaterThan(10);
    expect(c.liquidations.simulatedPerMinuteQuote).toEqual(c.liquidations.actualPerMinuteQuote);
    expect(c.prices[0]!.actualSource).toBe('mid');
    expect(c.prices[0]!.rmsLogError).toBe(0);
    expect(c.firstLiquidationToFirstAdlSeconds.simulated).toBe(c.firstLiquidationToFirstAdlSeconds.actual);
    expect(c.firstLiquidationToFirstAdlSeconds.actual).toBeGreaterThan(0);
  });

  it('reproduces the events of two windows exactly, each run from the snapshot before it', async () => {
    for (const [from, to] of [
      [30, 75],
      [76, 119],
    ] as const) {
      const result = await replayHistory(readHistory(chunked(text)), { fromSeconds: from, toSeconds: to });
      const c = result.comparison;
      expect(c.window).toEqual({ fromSeconds: from, toSeconds: to, snapshotSeconds: 0, stepSeconds: 1 });
      expect(c.events.identical).toBe(true);
      expect(c.events.actualCount).toBeGreaterThan(0);
      expect(c.prices[0]!.timeSeconds[0]).toBe(from);
      expect(c.prices[0]!.timeSeconds.at(-1)).toBe(to);
      expect(c.prices[0]!.simulatedPriceQuote).toEqual(c.prices[0]!.actualPriceQuote);
    }
  });

  it('finds a different cascade when the scenario differs (the comparison is not vacuous)', async () => {
    const lines = smallHistoryLines();
    const header = JSON.parse(lines[0]!);
    header.scenario.markets[0].book.depthQuotePerPercent *= 1.5;
    lines[0] = JSON.stringify(header);
    const result = await replayHistory(readHistory([`${lines.join('\n')}\n`]));
    expect(result.comparison.events.identical).toBe(false);
    expect(result.comparison.prices[0]!.rmsLogError).toBeGreaterThan(0);
    expect(result.comparison.liquidations.notional.kind).toBe('error');
  });

  it('feeds observed prices as the path when the history has no reference records (real-data mode)', async () => {
    const lines = smallHistoryLines().filter((l) => !l.includes('"type":"reference"'));
    const result = await replayHistory(readHistory([`${lines.join('\n')}\n`]));
    const p = result.comparison.prices[0]!;
    expect(p.actualSource).toBe('mid');
    // The observed mid already contains the cascade; fed as the exogenous path, the engine falls further.
    expect(Math.min(...p.simulatedPriceQuote)).toBeLessThanOrEqual(Math.min(...p.actualPriceQuote) + 1e-6);
  });
});

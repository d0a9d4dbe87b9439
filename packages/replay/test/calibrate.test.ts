import { describe, expect, it } from 'vitest';
import { calibrateHistory, readHistory } from '../src';
import { smallHistoryLines, smallScenario } from './helpers';

// Stated tolerance (docs/replay-and-calibration.md): depth and half-life within 2% of the values the history was
// generated with, starting from a scenario 67% too deep with a half-life 62% too short.
const TOLERANCE = 0.02;

describe('calibration', () => {
  it('recovers the depth and resilience half-life an engine history was generated with', async () => {
    const truth = smallScenario() as { markets: { book: { depthQuotePerPercent: number; resilience: { halfLifeSeconds: number } } }[] };
    const start = structuredClone(truth);
    start.markets[0]!.book.depthQuotePerPercent = 5_000_000;
    start.markets[0]!.book.resilience.halfLifeSeconds = 15;
    const fit = await calibrateHistory(readHistory([`${smallHistoryLines().join('\n')}\n`]), { scenario: start });
    const depth = fit.parameters.find((p) => p.name === 'depth')!;
    const halfLife = fit.parameters.find((p) => p.name === 'half-life')!;
    expect(depth.startValue).toBe(5_000_000);
    expect(Math.abs(depth.value / truth.markets[0]!.book.depthQuotePerPercent - 1)).toBeLessThan(TOLERANCE);
    expect(Math.abs(halfLife.value / truth.markets[0]!.book.resilience.halfLifeSeconds - 1)).toBeLessThan(TOLERANCE);
    expect(fit.loss.final).toBeLessThan(fit.loss.start / 1000);
    expect(depth.standardErrorLog).not.toBeNull();
    expect(depth.interval95![0]).toBeLessThanOrEqual(depth.value);
    expect(fit.comparison.prices[0]!.rmsLogError).toBeLessThan(1e-3);
  }, 120_000);

  it('started at the values the history was generated with, keeps them exactly and reproduces every event', async () => {
    const truth = smallScenario() as { markets: { book: { depthQuotePerPercent: number; resilience: { halfLifeSeconds: number } } }[] };
    const fit = await calibrateHistory(readHistory([`${smallHistoryLines().join('\n')}\n`]), { scenario: structuredClone(truth) });
    expect(fit.parameters.find((p) => p.name === 'depth')!.value).toBe(truth.markets[0]!.book.depthQuotePerPercent);
    expect(fit.parameters.find((p) => p.name === 'half-life')!.value).toBe(truth.markets[0]!.book.resilience.halfLifeSeconds);
    expect(fit.loss.start).toBe(0);
    expect(fit.comparison.events.compared).toBe(true);
    expect(fit.comparison.events.identical).toBe(true);
  }, 120_000);
});

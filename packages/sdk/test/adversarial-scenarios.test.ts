import { describe, expect, it } from 'vitest';
import { run, type ScenarioReport } from '../src';
import { loadScenarioFile } from '../src/node';

// Each adversarial example (docs/adversarial-scenarios.md) against its control: the attack must do the damage the
// docs state and the control must not, so a change that removes the mechanism fails here.
const example = (name: string) => loadScenarioFile(new URL(`../../../examples/adversarial/${name}.json`, import.meta.url).pathname);

/** The venue's result: change of its fund plus the mark-to-market of the positions it took over. */
function vaultResultQuote(report: ScenarioReport, venueId: string): number {
  const fund = report.insuranceFunds.find((f) => f.venueId === venueId)!;
  const held = (report.venuePositions ?? []).filter((p) => p.venueId === venueId).reduce((sum, p) => sum + p.unrealisedPnlQuote, 0);
  return fund.finalQuote - fund.initialQuote + held;
}

/** Booked bad debt plus the negative equity of liquidatable positions nobody closed. */
const totalBadDebt = (r: ScenarioReport) => r.summary.badDebtQuote + r.keepers!.unrealisedBadDebtQuote;

describe('adversarial scenarios', () => {
  it('backstop self-liquidation: a large short on a thin book lands in the vault, which loses as the price keeps rising', () => {
    const attack = run(example('jelly-backstop-self-liquidation'), { checkInvariants: true });
    const deep = run(example('jelly-backstop-deep-book'), { checkInvariants: true });
    const spread = run(example('jelly-backstop-spread'), { checkInvariants: true });
    expect(attack.liquidations.some((l) => l.route === 'backstop')).toBe(true);
    const held = attack.venuePositions!.find((p) => p.marketId === 'JELLY-PERP')!;
    expect(held.sizeBase).toBeLessThan(0); // the vault is short
    expect(vaultResultQuote(attack, 'hyperliquid')).toBeLessThan(-5_000_000);
    // A deeper book absorbs the liquidation orders: the vault takes nothing and loses nothing.
    expect(deep.liquidations.some((l) => l.route === 'backstop')).toBe(false);
    expect(deep.venuePositions).toEqual([]);
    expect(vaultResultQuote(deep, 'hyperliquid')).toBe(0);
    // Spreading the short over 100 traders on the same thin book helps only a little.
    expect(vaultResultQuote(spread, 'hyperliquid')).toBeLessThan(0);
    expect(vaultResultQuote(spread, 'hyperliquid')).toBeGreaterThan(vaultResultQuote(attack, 'hyperliquid'));
  });

  it('oracle manipulation on a thin market: a spot oracle liquidates every borrower and leaves bad debt, a median oracle nobody', () => {
    const spot = run(example('oracle-manipulation-spot'), { checkInvariants: true });
    const median = run(example('oracle-manipulation-median'), { checkInvariants: true });
    const pool = (r: ScenarioReport) => r.markets.find((m) => m.marketId === 'MNGO-POOL')!;
    expect(pool(spot).peakPriceQuote).toBeGreaterThan(pool(median).peakPriceQuote); // liquidators' buying lifts the pool further
    expect(spot.summary.liquidatedPositions).toBe(spot.summary.positions);
    expect(spot.summary.badDebtQuote).toBeGreaterThan(1_000_000);
    expect(pool(median).peakPriceQuote).toBeCloseTo(0.032, 6); // the pump itself reached the pool
    expect(median.summary.liquidations).toBe(0);
    expect(median.summary.badDebtQuote).toBe(0);
  });

  it('keeper lag and outage: late liquidations deepen the trough and turn into bad debt that prompt keepers avoid', () => {
    const prompt = run(example('keeper-prompt'), { checkInvariants: true });
    const lag = run(example('keeper-lag'), { checkInvariants: true });
    const outage = run(example('keeper-outage'), { checkInvariants: true });
    const trough = (r: ScenarioReport) => r.markets[0]!.troughDropFraction;
    expect(prompt.summary.badDebtQuote).toBe(0);
    expect(lag.summary.badDebtQuote).toBeGreaterThan(1_000_000);
    expect(outage.summary.badDebtQuote).toBeGreaterThan(lag.summary.badDebtQuote);
    expect(trough(lag)).toBeGreaterThan(trough(prompt));
    expect(trough(outage)).toBeGreaterThan(trough(lag));
    expect(outage.keepers!.outageDeferredPositions).toBeGreaterThan(0);
    expect(prompt.keepers!.outageDeferredPositions).toBe(0);
    // Nothing is left open: every deferred liquidation ran once keepers were back.
    expect(outage.keepers!.openLiquidatablePositions).toBe(0);
    // While keepers are out nothing is liquidated.
    expect(outage.liquidations.every((l) => l.timeSeconds >= 120)).toBe(true);
  });

  it('liquidation bonus below the keepers\' cost: small loans are never liquidated and sink underwater, a larger bonus clears most', () => {
    const small = run(example('liquidation-bonus-small'), { checkInvariants: true });
    const large = run(example('liquidation-bonus-large'), { checkInvariants: true });
    expect(small.keepers!.unprofitablePositions).toBeGreaterThan(large.keepers!.unprofitablePositions);
    expect(small.keepers!.openLiquidatablePositions).toBeGreaterThan(small.summary.positions / 2);
    expect(large.keepers!.openLiquidatablePositions).toBeLessThan(large.summary.positions / 3);
    expect(totalBadDebt(small)).toBeGreaterThan(3 * totalBadDebt(large));
    expect(small.keepers!.unrealisedBadDebtQuote).toBeGreaterThan(20_000);
    // The same loans with a keeper cost of zero are all liquidated.
    const free = run(
      (() => {
        const p = example('liquidation-bonus-small');
        return { ...p, input: { ...p.input, venues: p.input.venues.map((v) => ({ ...v, liquidatorCostQuote: 0 })) } };
      })(),
    );
    expect(free.keepers!.openLiquidatablePositions).toBe(0);
    expect(free.keepers!.unprofitableSkips).toBe(0);
  });
});

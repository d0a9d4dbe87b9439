import fc from 'fast-check';
import { PositionTable, type CascadeReport } from '@firesale/core';
import { createLinearBook } from '@firesale/orderbook';
import { defaultVenueFactories } from '@firesale/sdk';
import { loadScenarioFile } from '@firesale/sdk/node';
import { createGenericEngine } from '@firesale/venue-generic';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adlOutcome, markAt, runAdlLab } from '../src';

const examplePath = fileURLToPath(new URL('../../../examples/adl-policy-lab.json', import.meta.url));

describe('ADL policy lab on examples/adl-policy-lab.json', () => {
  const lab = runAdlLab(loadScenarioFile(examplePath, { venueFactories: defaultVenueFactories }), { horizonsSeconds: [0, 60, 300, 900], checkInvariants: true });
  const by = Object.fromEntries(lab.outcomes.map((o) => [o.policy, o]));

  it('runs every policy (conservation checked at every step of every run) and each deleverages someone', () => {
    expect(lab.outcomes.map((o) => o.policy)).toEqual(['ranking', 'pro-rata', 'shortfall-only']);
    for (const o of lab.outcomes) {
      expect(o.adlFills).toBeGreaterThan(0);
      expect(o.accountsHit).toBeGreaterThan(0);
      expect(o.coveredQuote).toBeLessThanOrEqual(o.shortfallQuote + 1e-6);
    }
  });

  it('gives different overshoot per policy; shortfall-only takes nothing beyond the shortfall at any horizon', () => {
    const ranking = by['ranking']!;
    const proRata = by['pro-rata']!;
    const shortfallOnly = by['shortfall-only']!;
    expect(ranking.overshootEquityQuote).toBeGreaterThan(0); // the fund held money the queue did not use
    expect(shortfallOnly.overshootEquityQuote).toBeLessThanOrEqual(1e-6 * shortfallOnly.shortfallQuote);
    for (let j = 0; j < lab.horizonsSeconds.length; j++) {
      expect(shortfallOnly.overshootProfitQuote[j]!).toBeLessThanOrEqual(1e-6 * shortfallOnly.shortfallQuote);
      expect(ranking.overshootProfitQuote[j]).not.toBeCloseTo(shortfallOnly.overshootProfitQuote[j]!, 0);
    }
    // The price kept falling after the ADL: closed winners missed more than they gave up at the mark.
    expect(ranking.overshootProfitQuote[1]!).toBeGreaterThan(ranking.overshootEquityQuote);
    // Ranking concentrates: its largest hit gives up more than pro-rata's largest.
    expect(ranking.largestHit!.takenEquityQuote).toBeGreaterThan(proRata.largestHit!.takenEquityQuote);
  });

  it('at horizon 0 the profit measure is the equity measure for policies that close positions', () => {
    for (const o of lab.outcomes) expect(o.takenProfitQuote[0]!).toBeCloseTo(o.takenEquityQuote, 3);
  });
});

describe('adlOutcome', () => {
  it('prices the profit over a horizon from the run’s own mark path', () => {
    const report = {
      timeline: { timeSeconds: [0, 1, 2, 3], markPriceQuote: { X: [100, 90, 80, 85] } },
      summary: { badDebtQuote: 0, insuranceFundUsedQuote: 0, liquidatedNotionalQuote: 0 },
      adl: [{ timeSeconds: 1, marketId: 'X', liquidatedPositionId: 0, counterpartyPositionId: 1, counterpartyAccountId: 's', sizeBase: 2, priceQuote: 95, profitGivenUpQuote: 10 }],
      adlActions: [
        {
          timeSeconds: 1, marketId: 'X', liquidatedPositionId: 0, liquidatedAccountId: 'l', side: 1, policy: 'ranking', batch: 'adl', closeBase: 2, matchedBase: 2,
          markPriceQuote: 90, bankruptcyPriceQuote: 95, fillPriceQuote: 95, deficitQuote: 10, fundAvailableQuote: 4, shortfallQuote: 6, takenQuote: 10,
          coveredQuote: 6, firstAdlIndex: 0, adlFillCount: 1,
        },
      ],
    } as unknown as CascadeReport;
    expect(markAt(report, 'X', 2.5)).toBe(80);
    expect(markAt(report, 'X', 99)).toBe(85);
    const o = adlOutcome(report, [0, 1, 10]);
    expect(o.overshootEquityQuote).toBe(4);
    // The short closed 2 at 95: by t=2 (mark 80) it would have made 2 × 15 = 30; by the end (85), 20.
    expect(o.takenProfitQuote).toEqual([10, 30, 20]);
    expect(o.overshootProfitQuote).toEqual([4, 24, 14]);
    expect(o.largestHit).toEqual({ accountId: 's', deleveragedBase: 2, takenEquityQuote: 10, takenProfitQuote: [10, 30, 20] });
  });
});

const trader = fc.record({
  leverage: fc.double({ min: 2, max: 50, noNaN: true }),
  sizeBase: fc.double({ min: 0.05, max: 10, noNaN: true }),
  entryOffset: fc.double({ min: 0, max: 0.08, noNaN: true }),
});
const world = fc.record({
  longs: fc.array(trader, { minLength: 1, maxLength: 20 }),
  shorts: fc.array(trader, { minLength: 1, maxLength: 20 }),
  depthBasePerQuote: fc.double({ min: 0.02, max: 10, noNaN: true }),
  shock: fc.double({ min: -0.3, max: -0.03, noNaN: true }),
  rebound: fc.double({ min: 0, max: 0.2, noNaN: true }),
  fund: fc.double({ min: 0, max: 500, noNaN: true }),
  batching: fc.constantFrom('interleaved' as const, 'separate' as const),
  horizons: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 4 }),
});

describe('ADL policy lab properties', () => {
  it('shortfall-only never takes more than the shortfall, in equity or in profit at any horizon; every policy conserves value', () => {
    fc.assert(
      fc.property(world, (w) => {
        const p0 = 100;
        const positions = new PositionTable(w.longs.length + w.shorts.length);
        const accounts = [...w.longs.map((_, i) => `long-${i}`), ...w.shorts.map((_, i) => `short-${i}`)].map((accountId) => ({
          accountId, marginMode: 'isolated' as const, collateral: [],
        }));
        w.longs.forEach((t, i) => {
          const entry = p0 * (1 + t.entryOffset / 4);
          positions.add(i, 0, 1, t.sizeBase, entry, (t.sizeBase * entry) / t.leverage);
        });
        w.shorts.forEach((t, i) => {
          const entry = p0 * (1 + t.entryOffset); // above the start: in profit once the price falls
          positions.add(w.longs.length + i, 0, -1, t.sizeBase, entry, (t.sizeBase * entry) / t.leverage);
        });
        const lab = runAdlLab(
          {
            input: {
              markets: [{ marketId: 'A', venueId: 'v', baseAsset: 'A', book: createLinearBook({ midPriceQuote: p0, depthBasePerQuote: w.depthBasePerQuote, resilience: { halfLifeSeconds: 20 } }) }],
              venues: [{ engine: createGenericEngine({ venueId: 'v', maintenanceMarginRate: 0.01, liquidationFeeRate: 0.005, maxLeverage: 1e9 }), insuranceFundQuote: w.fund }],
              accounts,
              positions,
              timing: { stepSeconds: 1, durationSeconds: 120 },
              adl: { batching: w.batching },
            },
            shocks: [
              { marketId: 'A', returnFraction: w.shock, overSeconds: 5 },
              { marketId: 'A', returnFraction: w.rebound, atSeconds: 20, overSeconds: 30 },
            ],
          },
          { horizonsSeconds: w.horizons, checkInvariants: true },
        );
        const s = lab.outcomes.find((o) => o.policy === 'shortfall-only')!;
        const tolerance = 1e-9 * Math.max(1, s.shortfallQuote);
        expect(s.takenEquityQuote).toBeLessThanOrEqual(s.shortfallQuote + tolerance);
        expect(s.overshootEquityQuote).toBeLessThanOrEqual(tolerance);
        for (const overshoot of s.overshootProfitQuote) expect(overshoot).toBeLessThanOrEqual(tolerance);
        for (const o of lab.outcomes) expect(o.overshootEquityQuote).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });
});

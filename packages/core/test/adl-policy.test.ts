import fc from 'fast-check';
import { createLinearBook } from '@firesale/orderbook';
import type { AdlBatchingV1, AdlPolicyV1, CascadeEventV1 } from '@firesale/spec';
import { createGenericEngine } from '@firesale/venue-generic';
import { describe, expect, it } from 'vitest';
import { PositionTable, allocateProRata, createSimulator, isFiresaleError, type CascadeReport } from '../src';
import { linearMarket } from './helpers';

const POLICIES: readonly AdlPolicyV1[] = ['ranking', 'pro-rata', 'shortfall-only'];
const BATCHINGS: readonly AdlBatchingV1[] = ['interleaved', 'separate'];

describe('allocateProRata', () => {
  it('spreads in proportion to weight and moves what a capped position cannot take to the others', () => {
    const out = new Float64Array(3);
    expect(allocateProRata([1, 10, 10], [1, 1, 2], 3, 7, out)).toBeCloseTo(7, 12);
    expect(out[0]).toBeCloseTo(1, 12); // its share 7/4 is above its size 1
    expect(out[1]).toBeCloseTo(2, 12); // the other 6 split 1:2
    expect(out[2]).toBeCloseTo(4, 12);
  });

  it('never gives more than a position holds, and allocates min(total, what is available)', () => {
    // Sizes and weights as positions have them: zero, or from a millionth up (no subnormal doubles).
    const amount = (max: number) => fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max, noNaN: true }));
    const item = fc.record({ available: amount(100), weight: amount(1000) });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 2000, noNaN: true }), (items, total) => {
        const out = new Float64Array(items.length);
        const allocated = allocateProRata(items.map((i) => i.available), items.map((i) => i.weight), items.length, total, out);
        let capacity = 0;
        items.forEach((it, k) => {
          expect(out[k]).toBeGreaterThanOrEqual(0);
          expect(out[k]!).toBeLessThanOrEqual(it.available * (1 + 1e-12));
          if (it.available > 0 && it.weight > 0) capacity += it.available;
          else expect(out[k]).toBe(0);
        });
        expect(allocated).toBeCloseTo(Math.min(total, capacity), 6);
      }),
      { numRuns: 300 },
    );
  });
});

/** One bankrupt long (entry 100, margin 5: bankruptcy 95) falling to 90 on a deep book; two profitable shorts. */
const oneBankruptLong = (fund: number) =>
  linearMarket({
    p0: 100,
    depthBasePerQuote: 1e12,
    longs: [{ trigger: 95, sizeBase: 1 }],
    insuranceFundQuote: fund,
    shorts: [
      { entry: 120, sizeBase: 1, marginQuote: 60 }, // low leverage
      { entry: 110, sizeBase: 1, marginQuote: 5 }, // high leverage: ranked first
    ],
  });

describe('ADL policies', () => {
  const drop = { shocks: [{ marketId: 'X-PERP', returnFraction: -0.1 }], checkInvariants: true };

  it('ranking (default) takes the whole loss beyond bankruptcy from the top of the queue, fund untouched', () => {
    const report = oneBankruptLong(2).run(drop);
    expect(report.adl.map((a) => a.counterpartyAccountId)).toEqual(['short-1']);
    const action = report.adlActions![0]!;
    expect(action.policy).toBe('ranking');
    expect(action.deficitQuote).toBeCloseTo(5, 9); // (95 - 90) × 1
    expect(action.shortfallQuote).toBeCloseTo(3, 9); // the fund held 2
    expect(action.takenQuote).toBeCloseTo(5, 9);
    expect(action.coveredQuote).toBeCloseTo(3, 9);
    expect(report.insuranceFunds[0]!.paidOutQuote).toBe(0);
  });

  it('pro-rata splits the close across every profitable short by size, at the bankruptcy price', () => {
    const report = oneBankruptLong(2).run({ ...drop, adl: { policy: 'pro-rata' } });
    const fills = report.adl.map((a) => [a.counterpartyAccountId, a.sizeBase, a.priceQuote]).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(fills).toEqual([
      ['short-0', 0.5, 95],
      ['short-1', 0.5, 95],
    ]);
    expect(report.adlActions![0]!.takenQuote).toBeCloseTo(5, 9);
  });

  it('shortfall-only closes in the book, draws on the fund, and takes exactly the rest from winners’ profit', () => {
    const report = oneBankruptLong(2).run({ ...drop, adl: { policy: 'shortfall-only' } });
    const action = report.adlActions![0]!;
    expect(action.policy).toBe('shortfall-only');
    expect(action.fillPriceQuote).toBeCloseTo(90, 6); // the deep book
    expect(action.deficitQuote).toBeCloseTo(5, 6); // margin 5, pnl -10
    expect(action.shortfallQuote).toBeCloseTo(3, 6); // the fund paid 2
    expect(action.takenQuote).toBeCloseTo(3, 6);
    expect(report.insuranceFunds[0]!.paidOutQuote).toBeCloseTo(2, 9);
    expect(report.summary.badDebtQuote).toBeCloseTo(0, 9);
    // Winners keep their positions: haircuts only, weights size × leverage at mark.
    // short-0: equity 60 + 30 = 90, leverage 1; short-1: equity 5 + 20 = 25, leverage 3.6.
    expect(report.adl.every((f) => f.sizeBase === 0)).toBe(true);
    const taken = Object.fromEntries(report.adl.map((a) => [a.counterpartyAccountId, a.profitGivenUpQuote]));
    expect(taken['short-0']).toBeCloseTo(3 / 4.6, 9);
    expect(taken['short-1']).toBeCloseTo((3 * 3.6) / 4.6, 9);
  });

  it('never haircuts a winner beyond its profit: what profits cannot cover stays bad debt', () => {
    const sim = linearMarket({
      p0: 100,
      depthBasePerQuote: 1e12,
      longs: [{ trigger: 95, sizeBase: 1 }],
      insuranceFundQuote: 0,
      shorts: [{ entry: 91, sizeBase: 1, marginQuote: 10 }], // profit 1 at mark 90
    });
    const report = sim.run({ ...drop, adl: { policy: 'shortfall-only' } });
    expect(report.adlActions![0]!.takenQuote).toBeCloseTo(1, 9);
    expect(report.summary.badDebtQuote).toBeCloseTo(4, 9);
  });

  it('takes nothing under shortfall-only when the fund can pay the close', () => {
    const report = oneBankruptLong(6).run({ ...drop, adl: { policy: 'shortfall-only' } });
    expect(report.adlActions).toEqual([]); // closing in this deep book leaves 5 ≤ fund 6: no ADL at all
    expect(report.insuranceFunds[0]!.paidOutQuote).toBeCloseTo(5, 9);
  });

  it('rejects an unknown policy, naming the field', () => {
    let error: unknown;
    try {
      oneBankruptLong(0).run({ ...drop, adl: { policy: 'queue' as AdlPolicyV1 } });
    } catch (e) {
      error = e;
    }
    expect(isFiresaleError(error, 'SCENARIO__INVALID_FIELD')).toBe(true);
    expect(String((error as Error).message)).toContain('adl.policy');
  });
});

const side = fc.record({
  leverage: fc.double({ min: 2, max: 50, noNaN: true }),
  sizeBase: fc.double({ min: 0.05, max: 10, noNaN: true }),
  entryOffset: fc.double({ min: -0.03, max: 0.08, noNaN: true }),
  cross: fc.boolean(),
});
const adlWorld = fc.record({
  longs: fc.array(side, { minLength: 1, maxLength: 25 }),
  shorts: fc.array(side, { minLength: 1, maxLength: 25 }),
  depthBasePerQuote: fc.double({ min: 0.02, max: 20, noNaN: true }),
  shock: fc.double({ min: -0.3, max: -0.02, noNaN: true }),
  fund: fc.double({ min: 0, max: 300, noNaN: true }),
  feeRate: fc.constantFrom(0, 0.01),
  mmr: fc.constantFrom(0, 0.01, 0.03),
  partial: fc.constantFrom(1, 0.5),
  cap: fc.option(fc.double({ min: 50, max: 3000, noNaN: true }), { nil: undefined }),
  policy: fc.constantFrom(...POLICIES),
  batching: fc.constantFrom(...BATCHINGS),
});
type AdlWorld = typeof adlWorld extends fc.Arbitrary<infer T> ? T : never;

/** Bankrupt longs on a thin book, profitable shorts (entered above the price) to deleverage. */
function buildAdlWorld(w: AdlWorld) {
  const p0 = 100;
  const table = new PositionTable(w.longs.length + w.shorts.length);
  const accounts: { accountId: string; marginMode: 'isolated' | 'cross'; collateral: { asset: string; amount: number }[] }[] = [];
  const add = (s: (typeof w.longs)[number], sign: 1 | -1, name: string) => {
    const entry = p0 * (1 + sign * -1 * s.entryOffset * (sign === 1 ? 0.3 : 1));
    const margin = (s.sizeBase * entry) / s.leverage;
    accounts.push({ accountId: name, marginMode: s.cross ? 'cross' : 'isolated', collateral: [{ asset: 'USD', amount: s.cross ? margin : 0 }] });
    table.add(accounts.length - 1, 0, sign, s.sizeBase, entry, s.cross ? 0 : margin);
  };
  w.longs.forEach((s, i) => add(s, 1, `long-${i}`));
  w.shorts.forEach((s, i) => add(s, -1, `short-${i}`));
  return createSimulator({
    markets: [{ marketId: 'A', venueId: 'v', baseAsset: 'A', book: createLinearBook({ midPriceQuote: p0, depthBasePerQuote: w.depthBasePerQuote, resilience: { halfLifeSeconds: 10 } }) }],
    venues: [
      {
        engine: createGenericEngine({ venueId: 'v', maintenanceMarginRate: w.mmr, liquidationFeeRate: w.feeRate, partialLiquidationFraction: w.partial, autoDeleveraging: true, maxLeverage: 1e9 }),
        insuranceFundQuote: w.fund,
      },
    ],
    accounts,
    positions: table,
    timing: { stepSeconds: 1, durationSeconds: 60 },
    ...(w.cap === undefined ? {} : { containment: { maxLiquidatedNotionalPerStepQuote: w.cap } }),
  });
}

const runWorld = (w: AdlWorld, onEvent?: (e: CascadeEventV1) => void): CascadeReport =>
  buildAdlWorld(w).run({
    shocks: [{ marketId: 'A', returnFraction: w.shock, overSeconds: 5 }],
    checkInvariants: true,
    adl: { policy: w.policy, batching: w.batching },
    ...(onEvent ? { onEvent } : {}),
  });

describe('ADL policy properties', () => {
  it('conserves value under every policy and batching (checkInvariants), and the ADL records add up', () => {
    let withAdl = 0;
    fc.assert(
      fc.property(adlWorld, (w) => {
        const report = runWorld(w);
        if (report.adl.length > 0) withAdl++;
        const actions = report.adlActions!;
        let fills = 0;
        for (const a of actions) {
          expect(a.policy).toBe(w.policy);
          expect(a.batch).toBe(w.batching === 'separate' ? 'adl' : 'liquidation');
          expect(a.matchedBase).toBeLessThanOrEqual(a.closeBase * (1 + 1e-9));
          expect(a.coveredQuote).toBeLessThanOrEqual(a.shortfallQuote + 1e-9);
          expect(a.firstAdlIndex).toBe(fills);
          fills += a.adlFillCount;
        }
        expect(fills).toBe(report.adl.length);
        const batches = report.batches!;
        expect(batches.adlFills.reduce((s, c) => s + c, 0)).toBe(report.adl.length);
        expect(batches.liquidationFills.reduce((s, c) => s + c, 0)).toBe(report.liquidations.filter((l) => l.route !== 'adl').length);
        expect(batches.liquidationFills.length).toBe(report.timeline.timeSeconds.length);
      }),
      { numRuns: 200 },
    );
    // The generator is meant to reach ADL: most worlds must deleverage someone.
    expect(withAdl).toBeGreaterThan(100);
  });

  it("detail 'columns' gives the same fills as typed columns, and the same run otherwise", () => {
    fc.assert(
      fc.property(adlWorld, (w) => {
        const full = runWorld(w);
        const simulator = buildAdlWorld(w);
        const columnar = simulator.run({ shocks: [{ marketId: 'A', returnFraction: w.shock, overSeconds: 5 }], checkInvariants: true, adl: { policy: w.policy, batching: w.batching }, detail: 'columns' });
        const { fillColumns, liquidations, adl, adlActions, ...rest } = columnar;
        const { liquidations: fullLiquidations, adl: fullAdl, adlActions: _actions, ...fullRest } = full;
        expect(liquidations).toEqual([]);
        expect(adl).toEqual([]);
        expect(adlActions).toEqual([]);
        expect(rest).toEqual(fullRest);
        const c = fillColumns!;
        // Account indices follow the input's accounts: every long, then every short (buildAdlWorld).
        const accountIds = [...w.longs.map((_, i) => `long-${i}`), ...w.shorts.map((_, i) => `short-${i}`)];
        expect(c.liquidations.count).toBe(fullLiquidations.length);
        fullLiquidations.forEach((l, k) => {
          expect(accountIds[c.liquidations.accountIndex[k]!]).toBe(l.accountId);
          expect(full.markets[c.liquidations.marketIndex[k]!]!.marketId).toBe(l.marketId);
          expect([c.liquidations.timeSeconds[k], c.liquidations.positionId[k], c.liquidations.side[k], c.liquidations.closedBase[k], c.liquidations.fillPriceQuote[k]]).toEqual([l.timeSeconds, l.positionId, l.side, l.closedBase, l.fillPriceQuote]);
          expect([c.liquidations.generation[k], c.routeNames[c.liquidations.route[k]!], c.liquidations.feeToFundQuote[k], c.liquidations.shortfallQuote[k]]).toEqual([l.generation, l.route, l.feeToFundQuote, l.shortfallQuote]);
        });
        expect(c.adl.count).toBe(fullAdl.length);
        fullAdl.forEach((a, k) => {
          expect(accountIds[c.adl.counterpartyAccountIndex[k]!]).toBe(a.counterpartyAccountId);
          expect([c.adl.timeSeconds[k], c.adl.liquidatedPositionId[k], c.adl.counterpartyPositionId[k], c.adl.sizeBase[k], c.adl.priceQuote[k], c.adl.profitGivenUpQuote[k]]).toEqual([
            a.timeSeconds, a.liquidatedPositionId, a.counterpartyPositionId, a.sizeBase, a.priceQuote, a.profitGivenUpQuote,
          ]);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('runOutcome reads the numbers the report holds, without building it, and restores the simulator as run does', () => {
    fc.assert(
      fc.property(adlWorld, (w) => {
        const simulator = buildAdlWorld(w);
        const options = { shocks: [{ marketId: 'A', returnFraction: w.shock, overSeconds: 5 }], checkInvariants: true, adl: { policy: w.policy, batching: w.batching } };
        const report = simulator.run(options);
        const read = simulator.runOutcome(options, (o) => {
          expect(o.summary).toEqual(report.summary);
          expect(o.markets).toEqual(report.markets);
          expect(o.insuranceFundExhausted).toBe(report.insuranceFunds.some((f) => f.exhausted));
          expect(o.timelineLength).toBe(report.timeline.timeSeconds.length);
          for (let k = 0; k < o.timelineLength; k++) {
            expect(o.timeSecondsAt(k)).toBe(report.timeline.timeSeconds[k]);
            o.markets.forEach((m, mi) => expect(o.midPriceQuoteAt(mi, k)).toBe(report.timeline.midPriceQuote[m.marketId]![k]));
          }
          const f = o.liquidationFills;
          expect(f.count).toBe(report.liquidations.length);
          report.liquidations.forEach((l, k) => {
            expect([f.positionId[k], f.closedBase[k], f.fillPriceQuote[k], f.feeToFundQuote[k]]).toEqual([l.positionId, l.closedBase, l.fillPriceQuote, l.feeToFundQuote]);
          });
          return o;
        });
        // The same objects serve the next run (valid only inside the callback), and the simulator was restored.
        expect(simulator.runOutcome(options, (o) => o)).toBe(read);
        expect(simulator.run(options)).toEqual(report);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects an unknown detail level, naming the field', () => {
    const world = fc.sample(adlWorld, { seed: 1, numRuns: 1 })[0]!;
    expect(() => buildAdlWorld(world).run({ shocks: [{ marketId: 'A', returnFraction: -0.1 }], detail: 'rows' as 'full' })).toThrow(/detail/);
  });

  it('shortfall-only never takes more from winners than the shortfall the fund could not pay', () => {
    fc.assert(
      fc.property(adlWorld, (raw) => {
        const report = runWorld({ ...raw, policy: 'shortfall-only' });
        for (const a of report.adlActions!) {
          expect(a.takenQuote).toBeLessThanOrEqual(a.shortfallQuote * (1 + 1e-9) + 1e-9);
          expect(a.takenQuote).toBeGreaterThanOrEqual(-1e-9);
          for (const f of report.adl.slice(a.firstAdlIndex, a.firstAdlIndex + a.adlFillCount)) {
            // Haircuts only: no winner loses its position, so nothing beyond the haircut is taken at any horizon.
            expect(f.sizeBase).toBe(0);
            expect(f.profitGivenUpQuote).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('ranking and pro-rata take at least the shortfall they cover (the loss beyond bankruptcy, fund unused)', () => {
    fc.assert(
      fc.property(adlWorld, fc.constantFrom<AdlPolicyV1>('ranking', 'pro-rata'), (raw, policy) => {
        const report = runWorld({ ...raw, policy });
        for (const a of report.adlActions!) {
          expect(a.fillPriceQuote).toBe(a.bankruptcyPriceQuote);
          expect(a.takenQuote).toBeGreaterThanOrEqual(a.coveredQuote - 1e-9);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('with separate batches, a step deleverages only after its liquidation batch is over', () => {
    fc.assert(
      fc.property(adlWorld, (raw) => {
        const events: CascadeEventV1[] = [];
        runWorld({ ...raw, batching: 'separate' }, (e) => events.push(e));
        const adlStarted = new Set<number>();
        for (const e of events) {
          if (e.type === 'adl') adlStarted.add(e.timeSeconds);
          // Once the ADL batch of a step has begun, nothing new is triggered in that step.
          if (e.type === 'liquidation-triggered') expect(adlStarted.has(e.timeSeconds)).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  });
});

import fc from 'fast-check';
import { createLinearBook } from '@firesale/orderbook';
import { createGenericEngine } from '@firesale/venue-generic';
import { describe, expect, it } from 'vitest';
import { LiquidationIndex, PositionTable, SegmentRanges, createSimulator, type CascadeReport, type ContainmentInput, type TimingInput } from '../src';

type P = { long: boolean; leverage: number; entryOffset: number; sizeBase: number; cross: boolean };

const position = fc.record({
  long: fc.boolean(),
  leverage: fc.double({ min: 1.5, max: 100, noNaN: true }),
  entryOffset: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
  sizeBase: fc.double({ min: 0.01, max: 20, noNaN: true }),
  cross: fc.boolean(),
});

const world = fc.record({
  positions: fc.array(position, { minLength: 1, maxLength: 60 }),
  depthBasePerQuote: fc.double({ min: 0.5, max: 500, noNaN: true }),
  shock: fc.double({ min: -0.2, max: 0.08, noNaN: true }),
  fund: fc.double({ min: 0, max: 500, noNaN: true }),
  adl: fc.boolean(),
  feeRate: fc.constantFrom(0, 0.005, 0.01),
  mmr: fc.constantFrom(0, 0.005, 0.02),
  partial: fc.constantFrom(1, 0.25),
  cap: fc.option(fc.double({ min: 50, max: 5000, noNaN: true }), { nil: undefined }),
  delay: fc.constantFrom(0, 1, 3),
  latency: fc.constantFrom(0, 2),
  halfLife: fc.option(fc.constantFrom(5, 30), { nil: undefined }),
  staged: fc.boolean(),
  halts: fc.boolean(),
  crossPair: fc.boolean(),
});
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

/** Builds one market (and, for cross accounts with two positions, a second market) from a random world. */
function build(w: World, overrides: { depth?: number; marginScale?: number } = {}) {
  const p0 = 100;
  const table = new PositionTable(w.positions.length * 2);
  const accounts: { accountId: string; marginMode: 'isolated' | 'cross'; collateral: { asset: string; amount: number }[] }[] = [];
  w.positions.forEach((p: P, i) => {
    const entry = p0 * (1 + p.entryOffset);
    const margin = ((p.sizeBase * entry) / p.leverage) * (overrides.marginScale ?? 1);
    if (p.cross) {
      accounts.push({ accountId: `c${i}`, marginMode: 'cross', collateral: [{ asset: 'USD', amount: margin }] });
      table.add(accounts.length - 1, 0, p.long ? 1 : -1, p.sizeBase, entry, 0);
      if (w.crossPair) table.add(accounts.length - 1, 1, p.long ? -1 : 1, p.sizeBase / 2, entry / 2, 0);
    } else {
      accounts.push({ accountId: `i${i}`, marginMode: 'isolated', collateral: [{ asset: 'USD', amount: 1 }] });
      table.add(accounts.length - 1, 0, p.long ? 1 : -1, p.sizeBase, entry, margin);
    }
  });
  const containment: ContainmentInput = {
    ...(w.cap === undefined ? {} : { maxLiquidatedNotionalPerStepQuote: w.cap }),
    ...(w.staged ? { stagedDisposal: { timeStepSeconds: 5, disposalFraction: 0.5, fullDisposalSizeLots: 5, maxFractionConsumed: 0.2, disposalSlippageFraction: 0.05, lotSizeBase: 0.01 } } : {}),
    ...(w.halts ? { priceMonitoring: { triggers: [{ horizonSeconds: 5, maxUpMoveFactor: 1.05, maxDownMoveFactor: 0.95, auctionExtensionSeconds: 10 }] } } : {}),
  };
  const timing: TimingInput = { stepSeconds: 1, durationSeconds: 120, oracleDelaySeconds: w.delay, liquidatorLatencySeconds: w.latency };
  const resilience = w.halfLife === undefined ? {} : { resilience: { halfLifeSeconds: w.halfLife } };
  return createSimulator({
    markets: [
      { marketId: 'A', venueId: 'v', baseAsset: 'A', book: createLinearBook({ midPriceQuote: p0, depthBasePerQuote: overrides.depth ?? w.depthBasePerQuote, ...resilience }) },
      { marketId: 'B', venueId: 'v', baseAsset: 'B', book: createLinearBook({ midPriceQuote: p0 / 2, depthBasePerQuote: 1000 }) },
    ],
    venues: [
      {
        engine: createGenericEngine({ venueId: 'v', maintenanceMarginRate: w.mmr, liquidationFeeRate: w.feeRate, partialLiquidationFraction: w.partial, autoDeleveraging: w.adl }),
        insuranceFundQuote: w.fund,
      },
    ],
    accounts,
    positions: table,
    timing,
    containment,
  });
}

const shockOf = (w: World) => ({ shocks: [{ marketId: 'A', returnFraction: w.shock }] });
const trough = (r: CascadeReport) => r.markets[0]!.troughPriceQuote;

describe('engine properties', () => {
  it('conserves value at every step: accounts, margin, fund, counterparties and bad debt balance', () => {
    fc.assert(
      fc.property(world, (w) => {
        // checkInvariants throws ENGINE__INVARIANT_BROKEN if value is created or lost, or a fund goes negative.
        const report = build(w).run({ ...shockOf(w), checkInvariants: true });
        expect(report.summary.badDebtQuote).toBeGreaterThanOrEqual(0);
        for (const f of report.insuranceFunds) expect(f.minimumQuote).toBeGreaterThanOrEqual(-1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic: the same seed gives the same event log', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 0, max: 1000 }), (w, seed) => {
        const log = () => {
          const events: unknown[] = [];
          build(w).run({ ...shockOf(w), seed, onEvent: (e) => events.push(e) });
          return JSON.stringify(events);
        };
        expect(log()).toBe(log());
      }),
      { numRuns: 60 },
    );
  });

  it('finds the same positions with the index walk as with a full scan of every position', () => {
    fc.assert(
      fc.property(world, (raw) => {
        const w = { ...raw, partial: 1 as const };
        const indexed = build(w).run(shockOf(w));
        const scanned = build(w).run({ ...shockOf(w), triggerDetection: 'full-scan' });
        expect(JSON.stringify(scanned)).toBe(JSON.stringify(indexed));
      }),
      { numRuns: 80 },
    );
  });

  it('leaves nothing of one run in the next: runs on one simulator equal runs on fresh ones', () => {
    // Simulator.run reuses one run object and its buffers run after run (Monte Carlo paths).
    const options = fc.record({
      shock: fc.double({ min: -0.2, max: 0.08, noNaN: true }),
      latency: fc.option(fc.constantFrom(0, 1, 3), { nil: undefined }),
      policy: fc.option(fc.constantFrom('ranking' as const, 'pro-rata' as const, 'shortfall-only' as const), { nil: undefined }),
      detail: fc.constantFrom('full' as const, 'summary' as const),
    });
    fc.assert(
      fc.property(world, fc.array(options, { minLength: 2, maxLength: 4 }), (w, runs) => {
        const shared = build(w);
        for (const o of runs) {
          const run = {
            shocks: [{ marketId: 'A', returnFraction: o.shock }],
            detail: o.detail,
            ...(o.latency === undefined ? {} : { liquidatorLatencySeconds: o.latency }),
            ...(o.policy === undefined ? {} : { adl: { policy: o.policy } }),
          };
          const reused = shared.run(run);
          expect(JSON.stringify(reused)).toBe(JSON.stringify(build(w).run(run)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('liquidates nobody who was healthy when there is no shock', () => {
    fc.assert(
      fc.property(world, (raw) => {
        // Keep the positions that are healthy at the initial price (equity above maintenance margin).
        const healthy = raw.positions.filter((p) => {
          const entry = 100 * (1 + p.entryOffset);
          const margin = (p.sizeBase * entry) / p.leverage;
          const equity = margin + (p.long ? 1 : -1) * p.sizeBase * (100 - entry);
          return equity > raw.mmr * p.sizeBase * 100 * (1 + 1e-9) && equity > 0;
        });
        fc.pre(healthy.length > 0);
        const w = { ...raw, positions: healthy, crossPair: false };
        expect(build(w).run({ shocks: [] }).summary.liquidations).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  // Clean setting for monotonicity: whole liquidations, no ADL, no delays, no containment.
  // A fall into longs only (a rally into shorts is its mirror image).
  const clean = (w: World): World => ({
    ...w,
    positions: w.positions.map((p) => ({ ...p, long: true })),
    adl: false,
    partial: 1,
    cap: undefined,
    delay: 0,
    latency: 0,
    staged: false,
    halts: false,
    crossPair: false,
    shock: -Math.max(Math.abs(w.shock), 0.001),
  });

  it('never makes the same cascade worse with more depth', () => {
    fc.assert(
      fc.property(world, fc.double({ min: 1.01, max: 10, noNaN: true }), (raw, factor) => {
        const w = clean(raw);
        const thin = build(w).run(shockOf(w));
        const deep = build(w, { depth: w.depthBasePerQuote * factor }).run(shockOf(w));
        expect(trough(deep)).toBeGreaterThanOrEqual(trough(thin) - 1e-9);
        // A thinner book can run out (its mid at the floor): a position triggered there that no bid is left to take
        // stays open and liquidatable, where a deeper book may still sell it (seen: 7 liquidated + 1 stuck vs 8).
        // Triggered positions, liquidated or stuck, are what more depth never increases.
        expect(deep.summary.liquidatedPositions).toBeLessThanOrEqual(thin.summary.liquidatedPositions + thin.keepers!.openLiquidatablePositions);
      }),
      { numRuns: 120 },
    );
  });

  it('never makes the same cascade milder with more leverage', () => {
    fc.assert(
      fc.property(world, fc.double({ min: 0.2, max: 0.99, noNaN: true }), (raw, scale) => {
        const w = clean(raw);
        const base = build(w).run(shockOf(w));
        const levered = build(w, { marginScale: scale }).run(shockOf(w));
        expect(trough(levered)).toBeLessThanOrEqual(trough(base) + 1e-9);
      }),
      { numRuns: 120 },
    );
  });
});

/** Ascending order of two numbers (no subtraction: the largest doubles overflow it). */
const compare = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

describe('liquidation index', () => {
  it('orders each market side by liquidation price, like a full sort', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            // Runs of one market (as generators lay positions out) as well as interleaved markets.
            market: fc.integer({ min: 0, max: 2 }),
            run: fc.integer({ min: 1, max: 40 }),
            long: fc.boolean(),
            trigger: fc.oneof(
              fc.double({ min: -10, max: 1e6, noNaN: true }),
              fc.double(),
              fc.constantFrom(0, -0, Infinity, -Infinity, NaN, 42, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE),
            ),
          }),
          { maxLength: 200 },
        ),
        // Ranges that lay out the buckets wrongly, as a sample's estimate can (narrower, shifted, empty, huge).
        fc.array(
          fc.record({ size: fc.integer({ min: 0, max: 2000 }), lo: fc.oneof(fc.double({ min: -1e6, max: 10 }), fc.double()), span: fc.oneof(fc.double({ min: 0, max: 1e6 }), fc.double()) }),
          { minLength: 6, maxLength: 6 },
        ),
        (groups, estimate) => {
          const rows = groups.flatMap((g, k) => Array.from({ length: k % 2 === 0 ? 1 : g.run }, () => g));
          const n = rows.length;
          const market = Uint16Array.from(rows, (r) => r.market);
          const side = Int8Array.from(rows, (r) => (r.long ? 1 : -1));
          const trigger = Float64Array.from(rows, (r, i) => (i % 5 === 1 ? r.trigger * (1 + i / 1000) : r.trigger));
          const indexed = Uint8Array.from(rows, (_, i) => (i % 7 === 3 ? 0 : 1));
          // Ranges gathered position by position while triggers are computed (here in reverse order), and run by
          // run of indexed positions on one market (as the simulator does), build the same index as its own pass.
          const gathered = new SegmentRanges(3);
          for (let i = n - 1; i >= 0; i--) if (indexed[i] === 1) gathered.addRun(market[i]!, side, trigger, i, i + 1);
          const byRuns = new SegmentRanges(3);
          for (let i = 0; i < n; ) {
            let end = i + 1;
            while (end < n && indexed[end] === indexed[i] && market[end] === market[i]) end++;
            if (indexed[i] === 1) byRuns.addRun(market[i]!, side, trigger, i, end);
            i = end;
          }
          const own = SegmentRanges.scan(n, 3, market, side, trigger, indexed);
          // (-0 and 0 are the same key: which one a range keeps depends on the order it saw them in.)
          const keys = (a: Float64Array) => Array.from(a, (x) => x + 0);
          for (const ranges of [gathered, byRuns]) {
            expect(Array.from(ranges.sizes)).toEqual(Array.from(own.sizes));
            expect(keys(ranges.lo)).toEqual(keys(own.lo));
            expect(keys(ranges.hi)).toEqual(keys(own.hi));
          }
          const index = LiquidationIndex.build(n, 3, market, side, trigger, indexed);
          const fromGathered = LiquidationIndex.build(n, 3, market, side, trigger, indexed, gathered);
          const wrong = new SegmentRanges(3);
          estimate.forEach((e, s) => {
            wrong.sizes[s] = e.size;
            wrong.lo[s] = e.lo;
            wrong.hi[s] = e.lo + e.span;
          });
          const fromEstimate = LiquidationIndex.build(n, 3, market, side, trigger, indexed, wrong);
          for (const built of [index, fromGathered, fromEstimate]) built.sortAll();
          expect(Array.from(fromGathered.order)).toEqual(Array.from(index.order));
          expect(Array.from(fromEstimate.order)).toEqual(Array.from(index.order));
          expect(Array.from(fromEstimate.segmentEnd)).toEqual(Array.from(index.segmentEnd));
          for (let m = 0; m < 3; m++) {
            for (const long of [true, false]) {
              const s = m * 2 + (long ? 0 : 1);
              const got = Array.from(index.order.subarray(index.segmentStart[s], index.segmentEnd[s]));
              const want = rows
                .map((r, i) => ({ r, i }))
                .filter(({ r, i }) => indexed[i] === 1 && r.market === m && r.long === long && (long ? trigger[i]! > 0 && Number.isFinite(trigger[i]) : Number.isFinite(trigger[i])))
                .sort((a, b) => (long ? compare(trigger[b.i]!, trigger[a.i]!) : compare(trigger[a.i]!, trigger[b.i]!)) || a.i - b.i)
                .map(({ i }) => i);
              expect(got).toEqual(want);
            }
          }
        },
      ),
      {
        numRuns: 200,
        // Found by this property: a short side from -1e292 to the largest double has a span that overflows (one
        // bucket), and `key - lo` of its top key is Infinity; Infinity × 0 put that position in another segment.
        examples: [
          [
            [
              { market: 0, run: 1, long: false, trigger: -9.9792015476736e291 },
              { market: 0, run: 2, long: false, trigger: Number.MAX_VALUE },
              { market: 0, run: 1, long: false, trigger: 0 },
              { market: 0, run: 1, long: true, trigger: 5e-324 },
            ],
            Array.from({ length: 6 }, () => ({ size: 0, lo: 0, span: 0 })),
          ],
        ],
      },
    );
  });

  it('orders prices spread over many buckets alike whether positions come in long runs of one market or interleaved', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ market: fc.integer({ min: 0, max: 1 }), run: fc.integer({ min: 1, max: 60 }), longShare: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (groups, seed) => {
          let x = seed;
          const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
          const rows = groups.flatMap((g) => Array.from({ length: g.run }, () => ({ market: g.market, long: next() < g.longShare, trigger: 90 + 20 * next() })));
          const n = rows.length;
          const market = Uint16Array.from(rows, (r) => r.market);
          const side = Int8Array.from(rows, (r) => (r.long ? 1 : -1));
          const trigger = Float64Array.from(rows, (r) => r.trigger);
          const index = LiquidationIndex.build(n, 2, market, side, trigger, new Uint8Array(n).fill(1));
          index.sortAll();
          for (let s = 0; s < 4; s++) {
            const long = s % 2 === 0;
            const want = rows
              .map((r, i) => ({ r, i }))
              .filter(({ r }) => r.market === s >> 1 && r.long === long)
              .sort((a, b) => (long ? compare(b.r.trigger, a.r.trigger) : compare(a.r.trigger, b.r.trigger)) || a.i - b.i)
              .map(({ i }) => i);
            expect(Array.from(index.order.subarray(index.segmentStart[s], index.segmentEnd[s]))).toEqual(want);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('orders positions spread over more buckets than 16 bits count (64 markets and more)', () => {
    // 70 markets × 2 sides × 512 buckets: the build keeps each position's bucket in 32 bits instead of 16.
    const markets = 70;
    const n = markets * 1_200;
    let x = 12_345;
    const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const market = Uint16Array.from({ length: n }, (_, i) => i % markets);
    const side = Int8Array.from({ length: n }, (_, i) => (Math.floor(i / markets) % 2 === 0 ? 1 : -1));
    const trigger = Float64Array.from({ length: n }, () => 50 + 100 * next());
    const index = LiquidationIndex.build(n, markets, market, side, trigger, new Uint8Array(n).fill(1));
    index.sortAll();
    const bySegment: number[][] = Array.from({ length: markets * 2 }, () => []);
    for (let i = 0; i < n; i++) bySegment[market[i]! * 2 + (side[i] === 1 ? 0 : 1)]!.push(i);
    bySegment.forEach((ids, s) => {
      const long = s % 2 === 0;
      const want = ids.sort((a, b) => (long ? compare(trigger[b]!, trigger[a]!) : compare(trigger[a]!, trigger[b]!)) || a - b);
      expect(Array.from(index.order.subarray(index.segmentStart[s], index.segmentEnd[s]))).toEqual(want);
    });
  });

  it('spreads a market side over buckets also when the other side is empty (lending markets hold one side)', () => {
    for (const side of [1, -1]) {
      const n = 20_000;
      const market = new Uint16Array(n);
      const sides = new Int8Array(n).fill(side);
      const trigger = Float64Array.from({ length: n }, (_, i) => 50 + ((i * 7919) % n) / 100);
      const index = LiquidationIndex.build(n, 1, market, sides, trigger, new Uint8Array(n).fill(1));
      const s = side === 1 ? 0 : 1;
      const start = index.segmentStart[s]!;
      expect(index.segmentEnd[s]! - start).toBe(n);
      // Reaching the first slot orders the first bucket only, not the whole side.
      index.sortThrough(s, start);
      expect(index.sortedEnd[s]! - start).toBeLessThan(n / 100);
      expect(index.orderTrigger[start]).toBe(side === 1 ? Math.max(...trigger) : Math.min(...trigger));
    }
  });

  it('sorts lazily: any prefix a walk asks for is that of a full sort, with clustered and tied prices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (n, distinct, probes, seed) => {
          // Prices cluster: `distinct` levels near 100, plus a few far away, so buckets are crowded and tied.
          let x = seed;
          const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
          const market = new Uint16Array(n);
          const side = Int8Array.from({ length: n }, () => (next() < 0.5 ? 1 : -1));
          const trigger = Float64Array.from({ length: n }, () => (next() < 0.01 ? 1 + next() * 1e5 : 100 + Math.floor(next() * distinct) * 1e-3));
          const index = LiquidationIndex.build(n, 1, market, side, trigger, new Uint8Array(n).fill(1));
          for (const s of [0, 1]) {
            const long = s === 0;
            const want = Array.from({ length: n }, (_, i) => i)
              .filter((i) => side[i] === (long ? 1 : -1))
              .sort((a, b) => (long ? trigger[b]! - trigger[a]! : trigger[a]! - trigger[b]!) || a - b);
            const start = index.segmentStart[s]!;
            for (const probe of [...probes].sort((a, b) => a - b)) {
              const slot = start + Math.floor(probe * want.length);
              index.sortThrough(s, slot);
              const sorted = index.sortedEnd[s]! - start;
              expect(sorted).toBeGreaterThanOrEqual(Math.min(slot - start + 1, want.length));
              expect(Array.from(index.order.subarray(start, start + sorted))).toEqual(want.slice(0, sorted));
              expect(Array.from(index.orderTrigger.subarray(start, start + sorted))).toEqual(want.slice(0, sorted).map((i) => trigger[i]));
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

import type { CascadeEventV1, LiquidationEngineModelV1 } from '@firesale/spec';
import { describe, expect, it } from 'vitest';
import { isFiresaleError } from '../src';
import { linearMarket } from './helpers';

const band = (count: number, top: number, spacing: number, sizeBase = 1) =>
  Array.from({ length: count }, (_, k) => ({ trigger: top - k * spacing, sizeBase }));

const drop = (fraction: number) => ({ shocks: [{ marketId: 'X-PERP', returnFraction: -fraction }] });

describe('cascade engine', () => {
  it('liquidates nobody when there is no shock', () => {
    const report = linearMarket({ p0: 100, depthBasePerQuote: 50, longs: band(100, 99, 0.1) }).run({ shocks: [] });
    expect(report.summary.liquidations).toBe(0);
    expect(report.markets[0]!.finalPriceQuote).toBe(100);
  });

  it('sends the liquidation fee to the insurance fund and returns the rest of the margin', () => {
    // One long, entry 100, margin 10; at MMR 5% its liquidation price is 90 / 0.95 = 94.74. A 6% fall fills it at 94.
    const sim = linearMarket({
      p0: 100,
      depthBasePerQuote: 1e12,
      longs: [{ trigger: 90, sizeBase: 1 }],
      venue: { maintenanceMarginRate: 0.05, liquidationFeeRate: 0.01 },
      insuranceFundQuote: 10,
    });
    let returned = 0;
    const report = sim.run({ ...drop(0.06), checkInvariants: true, onEvent: (e) => (returned += e.type === 'position-liquidated' ? e.returnedToAccountQuote : 0) });
    const l = report.liquidations[0]!;
    expect(l.fillPriceQuote).toBeCloseTo(94, 6);
    // margin 10 + pnl -6 = 4 remaining; fee 0.94 to the fund, 3.06 back to the account.
    expect(l.feeToFundQuote).toBeCloseTo(0.94, 9);
    expect(returned).toBeCloseTo(3.06, 9);
    expect(report.insuranceFunds[0]!.finalQuote).toBeCloseTo(10.94, 9);
    expect(report.summary.badDebtQuote).toBe(0);
  });

  it('pays a close below bankruptcy from the fund, then books bad debt when ADL is off', () => {
    const sim = linearMarket({
      p0: 100,
      depthBasePerQuote: 1e12,
      longs: [{ trigger: 95, sizeBase: 1 }],
      venue: { autoDeleveraging: false },
      insuranceFundQuote: 2,
    });
    const report = sim.run({ ...drop(0.1), checkInvariants: true }); // fills at 90: margin 5, pnl -10 → shortfall 5
    expect(report.insuranceFunds[0]!.paidOutQuote).toBeCloseTo(2, 9);
    expect(report.summary.badDebtQuote).toBeCloseTo(3, 9);
    expect(report.insuranceFunds[0]!.exhausted).toBe(true);
  });

  it('auto-deleverages the most profitable short at the bankruptcy price when the fund cannot pay', () => {
    const sim = linearMarket({
      p0: 100,
      depthBasePerQuote: 1e12,
      longs: [{ trigger: 95, sizeBase: 1 }],
      insuranceFundQuote: 0,
      shorts: [
        { entry: 120, sizeBase: 1, marginQuote: 60 }, // in profit, low leverage
        { entry: 110, sizeBase: 1, marginQuote: 5 }, // in profit, high leverage: ranked first
      ],
    });
    const report = sim.run({ ...drop(0.1), checkInvariants: true });
    expect(report.summary.adlCount).toBe(1);
    const adl = report.adl[0]!;
    expect(adl.counterpartyAccountId).toBe('short-1');
    expect(adl.priceQuote).toBeCloseTo(95, 9); // the long's bankruptcy price: entry 100 - margin 5 / size 1
    expect(adl.profitGivenUpQuote).toBeCloseTo(5, 9); // the short closes at 95 instead of the mark 90
    expect(report.summary.badDebtQuote).toBeCloseTo(0, 9);
    expect(report.markets[0]!.finalPriceQuote).toBeCloseTo(90, 6); // ADL does not touch the book
  });

  it('liquidates large positions in parts with a cooldown (partial liquidation)', () => {
    const sim = linearMarket({
      p0: 100,
      depthBasePerQuote: 1e9,
      longs: [{ trigger: 99, sizeBase: 10 }],
      venue: { maintenanceMarginRate: 0.005, partialLiquidationFraction: 0.2, partialLiquidationCooldownSeconds: 5 },
      timing: { stepSeconds: 1, durationSeconds: 60 },
    });
    const report = sim.run({ ...drop(0.03), checkInvariants: true });
    const times = report.liquidations.map((l) => l.timeSeconds);
    expect(report.liquidations.length).toBeGreaterThan(1);
    expect(report.liquidations[0]!.closedBase).toBeCloseTo(2, 9);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(5);
    expect(report.containment.some((c) => c.action === 'partial-liquidation')).toBe(true);
  });

  it('spreads liquidations over steps under a per-step notional cap', () => {
    const longs = band(50, 99, 0.01);
    const capped = linearMarket({ p0: 100, depthBasePerQuote: 1e9, longs, containment: { maxLiquidatedNotionalPerStepQuote: 10 * 98 } }).run({ ...drop(0.02), checkInvariants: true });
    const free = linearMarket({ p0: 100, depthBasePerQuote: 1e9, longs }).run(drop(0.02));
    expect(free.liquidations.every((l) => l.timeSeconds === 0)).toBe(true);
    const perStep = new Map<number, number>();
    for (const l of capped.liquidations) perStep.set(l.timeSeconds, (perStep.get(l.timeSeconds) ?? 0) + l.notionalQuote);
    expect(perStep.size).toBeGreaterThanOrEqual(5);
    for (const notional of perStep.values()) expect(notional).toBeLessThanOrEqual(10 * 98 + 1e-6);
    expect(capped.summary.liquidatedPositions).toBe(free.summary.liquidatedPositions);
  });

  it('halts liquidations while a price-band circuit breaker is tripped', () => {
    const sim = linearMarket({
      p0: 100,
      depthBasePerQuote: 20,
      longs: band(200, 99.5, 0.05),
      containment: { priceMonitoring: { triggers: [{ horizonSeconds: 10, maxUpMoveFactor: 1.05, maxDownMoveFactor: 0.97, auctionExtensionSeconds: 30 }] } },
    });
    const report = sim.run({ ...drop(0.02), checkInvariants: true });
    const halt = report.containment.find((c) => c.action === 'halt-started');
    expect(halt).toBeDefined();
    const until = Number(halt!.detail.untilSeconds);
    expect(report.liquidations.some((l) => l.timeSeconds > halt!.timeSeconds && l.timeSeconds < until)).toBe(false);
    expect(report.markets[0]!.haltedSeconds).toBeGreaterThan(0);
  });

  it('takes liquidated positions over and disposes of them in stages', () => {
    const sim = linearMarket({
      p0: 100,
      depthBasePerQuote: 100,
      longs: band(20, 99, 0.05, 5),
      containment: {
        stagedDisposal: { timeStepSeconds: 10, disposalFraction: 0.5, fullDisposalSizeLots: 10, maxFractionConsumed: 0.1, disposalSlippageFraction: 0.05, lotSizeBase: 1 },
      },
      timing: { stepSeconds: 1, durationSeconds: 600 },
    });
    const report = sim.run({ ...drop(0.02), checkInvariants: true });
    expect(report.liquidations.every((l) => l.route === 'network')).toBe(true);
    const orders = report.containment.filter((c) => c.action === 'disposal-order');
    expect(orders.length).toBeGreaterThan(1);
    for (let i = 1; i < orders.length; i++) expect(orders[i]!.timeSeconds - orders[i - 1]!.timeSeconds).toBeGreaterThanOrEqual(10);
    expect(Number(orders[orders.length - 1]!.detail.remainingBase)).toBe(0);
  });

  it('reports a take-over as a close at the mark whose equity goes to the fund, nothing back to the account', () => {
    // Small positions close through the book (their events return margin to the account); the venue takes the large
    // ones over. Each take-over event states its own amounts, not those of the last close through the book.
    const longs = Array.from({ length: 20 }, (_, k) => ({ trigger: 99 - k * 0.05, sizeBase: k % 2 === 0 ? 1 : 5 }));
    const backstopLarge = (generic: LiquidationEngineModelV1): LiquidationEngineModelV1 => ({
      ...generic,
      doLiquidationOrder(input, out) {
        generic.doLiquidationOrder(input, out);
        if (input.sizeBase > 2) out.route = 'backstop';
      },
    });
    const events: CascadeEventV1[] = [];
    const report = linearMarket({ p0: 100, depthBasePerQuote: 100, longs, engine: backstopLarge, venue: { maintenanceMarginRate: 0.005, liquidationFeeRate: 0.001 } })
      .run({ ...drop(0.006), checkInvariants: true, onEvent: (e) => events.push(e) });
    const liquidated = events.filter((e) => e.type === 'position-liquidated');
    const takeovers = liquidated.filter((e) => e.route === 'backstop');
    expect(takeovers.length).toBeGreaterThan(0);
    expect(liquidated.some((e) => e.route === 'market' && e.returnedToAccountQuote > 0)).toBe(true);
    for (const e of takeovers) {
      const record = report.liquidations.find((l) => l.positionId === e.positionId && l.route === 'backstop')!;
      expect(e.returnedToAccountQuote).toBe(0);
      expect(e.fillPriceQuote).toBe(record.fillPriceQuote);
      expect(e.feeToFundQuote).toBe(record.feeToFundQuote);
      expect(e.shortfallQuote).toBe(record.shortfallQuote);
    }
  });

  it('delays the cascade with an oracle delay and liquidator latency', () => {
    const longs = band(300, 99.9, 0.02);
    const immediate = linearMarket({ p0: 100, depthBasePerQuote: 80, longs }).run(drop(0.01));
    const delayed = linearMarket({ p0: 100, depthBasePerQuote: 80, longs, timing: { stepSeconds: 1, durationSeconds: 600, oracleDelaySeconds: 2, liquidatorLatencySeconds: 3 } }).run(drop(0.01));
    expect(immediate.markets[0]!.timeToTroughSeconds).toBe(0);
    expect(delayed.markets[0]!.timeToTroughSeconds).toBeGreaterThan(10);
    // The oracle shows the move at t=2 (2 s stale); the liquidator acts 3 s later.
    expect(delayed.liquidations[0]!.timeSeconds).toBe(5);
  });

  it('recovers after the cascade when the book is resilient', () => {
    const report = linearMarket({ p0: 100, depthBasePerQuote: 100, longs: band(100, 99, 0.02), halfLifeSeconds: 20, timing: { stepSeconds: 1, durationSeconds: 900 } }).run(drop(0.02));
    const m = report.markets[0]!;
    expect(m.troughPriceQuote).toBeLessThan(98);
    expect(m.finalPriceQuote).toBeCloseTo(98, 3);
    expect(m.halfRecoverySeconds).toBeGreaterThanOrEqual(15);
    expect(m.halfRecoverySeconds).toBeLessThanOrEqual(25);
  });

  it('emits an ordered event log that is identical for the same seed', () => {
    const sim = linearMarket({ p0: 100, depthBasePerQuote: 60, longs: band(400, 99.9, 0.01), insuranceFundQuote: 1 });
    const log = (seed: number) => {
      const events: CascadeEventV1[] = [];
      sim.run({ ...drop(0.01), seed, onEvent: (e) => events.push(e) });
      return events;
    };
    const a = log(7);
    const b = log(7);
    expect(a.length).toBeGreaterThan(100);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    a.forEach((e, i) => expect(e.sequence).toBe(i));
    for (const type of ['price-update', 'liquidation-triggered', 'order-filled', 'position-liquidated', 'insurance-fund-change']) {
      expect(a.some((e) => e.type === type)).toBe(true);
    }
  });

  it('builds only the event types asked for, with the same content and the same report', () => {
    const sim = linearMarket({ p0: 100, depthBasePerQuote: 60, longs: band(400, 99.9, 0.01), insuranceFundQuote: 1 });
    const all: CascadeEventV1[] = [];
    const full = sim.run({ ...drop(0.01), seed: 3, onEvent: (e) => all.push(e) });
    const some: CascadeEventV1[] = [];
    const narrowed = sim.run({ ...drop(0.01), seed: 3, onEvent: (e) => some.push(e), eventTypes: ['position-liquidated', 'insurance-fund-change'] });
    const strip = (e: CascadeEventV1) => JSON.stringify({ ...e, sequence: 0 });
    const expected = all.filter((e) => e.type === 'position-liquidated' || e.type === 'insurance-fund-change');
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.length).toBeLessThan(all.length);
    expect(some.map(strip)).toEqual(expected.map(strip));
    some.forEach((e, i) => expect(e.sequence).toBe(i));
    expect(JSON.stringify(narrowed)).toBe(JSON.stringify(full));
    const none: CascadeEventV1[] = [];
    sim.run({ ...drop(0.01), seed: 3, onEvent: (e) => none.push(e), eventTypes: [] });
    expect(none).toEqual([]);
  });

  it('starts every run from the built state', () => {
    const sim = linearMarket({ p0: 100, depthBasePerQuote: 60, longs: band(400, 99.9, 0.01) });
    const first = sim.run(drop(0.01));
    sim.run(drop(0.05));
    const again = sim.run(drop(0.01));
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
  });

  it('names the field of a bad timing value', () => {
    const sim = linearMarket({ p0: 100, depthBasePerQuote: 60, longs: band(4, 99, 1), timing: { stepSeconds: -1 } });
    try {
      sim.run(drop(0.01));
      expect.unreachable();
    } catch (error) {
      expect(isFiresaleError(error, 'SCENARIO__INVALID_FIELD')).toBe(true);
      expect((error as Error).message).toBe('timing.stepSeconds: must be a positive number');
    }
  });
});

import { createLinearBook } from '@firesale/orderbook';
import { createGenericEngine } from '@firesale/venue-generic';
import { describe, expect, it } from 'vitest';
import { PositionTable, createSimulator, inKeeperOutage, keeperLiquidates, resolveKeeperOutages, type FiresaleError, type TimingInput } from '../src';

/**
 * One long of `sizeBase` at entry 100 with `marginQuote` on a linear book (depth 10 base per quote), generic venue
 * with maintenance margin 0 (liquidated when equity reaches 0: at 100 - margin / size), a 1% fee paid wholly to the
 * liquidator, and a keeper cost per liquidation.
 */
function oneLong(options: { sizeBase: number; marginQuote: number; costQuote?: number; timing?: TimingInput }) {
  const positions = new PositionTable(4);
  positions.add(0, 0, 1, options.sizeBase, 100, options.marginQuote);
  return createSimulator({
    markets: [{ marketId: 'X-PERP', venueId: 'generic', baseAsset: 'X', book: createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 10 }) }],
    venues: [
      {
        engine: createGenericEngine({ maintenanceMarginRate: 0.05, liquidationFeeRate: 0.01, liquidatorFeeShare: 1, maxLeverage: 1e9 }),
        insuranceFundQuote: 0,
        ...(options.costQuote === undefined ? {} : { liquidatorCostQuote: options.costQuote }),
      },
    ],
    accounts: [{ accountId: 'a', marginMode: 'isolated', collateral: [] }],
    positions,
    timing: options.timing ?? { stepSeconds: 1, durationSeconds: 60 },
  });
}

const drop = (returnFraction: number) => [{ marketId: 'X-PERP', returnFraction }];

describe('keeper outage windows', () => {
  it('resolve market ids to indices and apply from (inclusive) to (exclusive)', () => {
    const w = resolveKeeperOutages([{ fromSeconds: 10, toSeconds: 20 }, { fromSeconds: 30, toSeconds: 40, marketIds: ['B'] }], ['A', 'B']);
    expect(inKeeperOutage(w, 0, 9.99)).toBe(false);
    expect(inKeeperOutage(w, 0, 10)).toBe(true);
    expect(inKeeperOutage(w, 1, 19.99)).toBe(true);
    expect(inKeeperOutage(w, 0, 20)).toBe(false);
    expect(inKeeperOutage(w, 1, 30)).toBe(true);
    expect(inKeeperOutage(w, 0, 30)).toBe(false);
  });

  it('reject an end not after the start, a negative start and an unknown market, naming the field', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return [(error as FiresaleError).code, (error as FiresaleError).context];
      }
      return undefined;
    };
    expect(code(() => resolveKeeperOutages([{ fromSeconds: 5, toSeconds: 5 }], ['A']))).toEqual([
      'SCENARIO__INVALID_FIELD',
      expect.objectContaining({ path: 'timing.keeperOutages[0].toSeconds' }),
    ]);
    expect(code(() => resolveKeeperOutages([{ fromSeconds: -1, toSeconds: 5 }], ['A']))?.[0]).toBe('SCENARIO__INVALID_FIELD');
    expect(code(() => resolveKeeperOutages([{ fromSeconds: 0, toSeconds: 5, marketIds: ['Z'] }], ['A']))).toEqual([
      'SCENARIO__UNKNOWN_MARKET',
      expect.objectContaining({ path: 'timing.keeperOutages[0].marketIds[0]', value: 'Z' }),
    ]);
  });

  it('hold a triggered liquidation until the window ends, then execute it', () => {
    // margin 10 on size 1: liquidated at equity 5% of notional, below ~94.7; a 10% drop triggers it at once.
    const prompt = oneLong({ sizeBase: 1, marginQuote: 10 }).run({ shocks: drop(-0.1), checkInvariants: true });
    const out = oneLong({ sizeBase: 1, marginQuote: 10, timing: { stepSeconds: 1, durationSeconds: 60, keeperOutages: [{ fromSeconds: 0, toSeconds: 30 }] } }).run({
      shocks: drop(-0.1),
      checkInvariants: true,
    });
    expect(prompt.liquidations[0]!.timeSeconds).toBe(0);
    expect(prompt.keepers!.outageDeferredPositions).toBe(0);
    expect(out.liquidations).toHaveLength(1);
    expect(out.liquidations[0]!.timeSeconds).toBe(30);
    expect(out.keepers!.outageDeferredPositions).toBe(1);
  });

  it('leave other markets alone', () => {
    const out = oneLong({ sizeBase: 1, marginQuote: 10, timing: { stepSeconds: 1, durationSeconds: 60, keeperOutages: [{ fromSeconds: 0, toSeconds: 30, marketIds: [] }] } }).run({
      shocks: drop(-0.1),
    });
    expect(out.liquidations[0]!.timeSeconds).toBe(0);
  });
});

describe('liquidator costs', () => {
  it('a keeper liquidates when its reward covers its cost, ties included', () => {
    expect(keeperLiquidates(10, 10)).toBe(true);
    expect(keeperLiquidates(9.99, 10)).toBe(false);
    expect(keeperLiquidates(0, 0)).toBe(true);
  });

  it('a liquidation whose reward is below the cost is skipped every step, and its loss is reported as unrealised bad debt', () => {
    // size 1, fee 1% of ~90 notional ≈ 0.9 to the liquidator; cost 5: never liquidated. A 20% drop leaves equity 10 - 20 = -10.
    const skipped = oneLong({ sizeBase: 1, marginQuote: 10, costQuote: 5 }).run({ shocks: drop(-0.2), checkInvariants: true });
    expect(skipped.summary.liquidations).toBe(0);
    expect(skipped.keepers!.unprofitablePositions).toBe(1);
    expect(skipped.keepers!.unprofitableSkips).toBe(skipped.timeline.timeSeconds.length);
    expect(skipped.keepers!.openLiquidatablePositions).toBe(1);
    expect(skipped.keepers!.openLiquidatableNotionalQuote).toBeCloseTo(80, 9);
    expect(skipped.keepers!.unrealisedBadDebtQuote).toBeCloseTo(10, 9);
  });

  it('a larger position pays enough and is liquidated, the reward paid to the liquidator', () => {
    // size 10, margin 100: liquidated below ~94.74; at 94 the fee (1% of ~940) is about 9.4 and covers a cost of 5.
    const out = oneLong({ sizeBase: 10, marginQuote: 100, costQuote: 5 }).run({ shocks: drop(-0.06), checkInvariants: true });
    expect(out.summary.liquidations).toBe(1);
    expect(out.keepers!.unprofitableSkips).toBe(0);
    expect(out.keepers!.liquidatorRewardsQuote).toBeGreaterThanOrEqual(5);
    expect(out.keepers!.openLiquidatablePositions).toBe(0);
    // The same position with a cost above its reward stays open.
    const skipped = oneLong({ sizeBase: 10, marginQuote: 100, costQuote: 20 }).run({ shocks: drop(-0.06), checkInvariants: true });
    expect(skipped.summary.liquidations).toBe(0);
    expect(skipped.keepers!.openLiquidatablePositions).toBe(1);
    expect(skipped.keepers!.unrealisedBadDebtQuote).toBe(0);
  });

  it('with no cost and no outage the report is the same as before the keeper model (defaults off)', () => {
    const a = oneLong({ sizeBase: 3, marginQuote: 20 }).run({ shocks: drop(-0.15) });
    const b = oneLong({ sizeBase: 3, marginQuote: 20, costQuote: 0, timing: { stepSeconds: 1, durationSeconds: 60, keeperOutages: [] } }).run({ shocks: drop(-0.15) });
    expect(b).toEqual(a);
  });

  it('a negative cost is an input error naming the venue field', () => {
    expect(() => oneLong({ sizeBase: 1, marginQuote: 10, costQuote: -1 }).run({ shocks: drop(-0.1) })).toThrow(/venues\[0\]\.liquidatorCostQuote/);
  });
});

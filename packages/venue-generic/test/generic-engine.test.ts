import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { SettlementV1 } from '@firesale/spec';
import { describe, expect, it } from 'vitest';
import { bankruptcyPrice, createGenericEngine, liquidationPrice, maintenanceMargin, resolveMarginTiers, settleGeneric } from '../src';
import { liquidationPrices } from '../src/liquidation-price';

type WaterfallCase = { id: string; kind: string; inputs: Record<string, number | string>; expected: Record<string, number> };
const analytic = JSON.parse(readFileSync(new URL('../../../vectors/analytic.json', import.meta.url), 'utf8')) as { cases: WaterfallCase[] };

describe('generic venue', () => {
  it('derives continuous maintenance amounts across tiers (Binance recurrence)', () => {
    const tiers = resolveMarginTiers([
      { minNotionalQuote: 0, maintenanceMarginRate: 0.004, maxLeverage: 125 },
      { minNotionalQuote: 50_000, maintenanceMarginRate: 0.005, maxLeverage: 100 },
      { minNotionalQuote: 250_000, maintenanceMarginRate: 0.01, maxLeverage: 50 },
    ]);
    expect(Array.from(tiers.amountsQuote)).toEqual([0, 50, 1300]);
    for (const floor of [50_000, 250_000]) {
      expect(maintenanceMargin(tiers, floor - 1e-6)).toBeCloseTo(maintenanceMargin(tiers, floor), 4);
    }
  });

  it('puts equity at the maintenance margin exactly at the liquidation price', () => {
    const tiers = resolveMarginTiers([
      { minNotionalQuote: 0, maintenanceMarginRate: 0.005, maxLeverage: 100 },
      { minNotionalQuote: 1_000_000, maintenanceMarginRate: 0.02, maxLeverage: 20 },
    ]);
    fc.assert(
      fc.property(fc.boolean(), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 2, max: 40, noNaN: true }), (long, size, leverage) => {
        const side = long ? 1 : -1;
        const entry = 100_000;
        const margin = (size * entry) / leverage;
        const p = liquidationPrice(tiers, side, size, entry, margin);
        const equity = margin + side * size * (p - entry);
        expect(equity).toBeCloseTo(maintenanceMargin(tiers, size * p), 3);
        expect(side * (entry - p)).toBeGreaterThan(0);
        expect(side * (p - bankruptcyPrice(side, size, entry, margin))).toBeGreaterThan(0);
      }),
    );
  });

  it('prices a batch bit for bit as position by position, with one tier or several', () => {
    const oneTier = resolveMarginTiers([{ minNotionalQuote: 0, maintenanceMarginRate: 0.005, maxLeverage: 100 }]);
    const threeTiers = resolveMarginTiers([
      { minNotionalQuote: 0, maintenanceMarginRate: 0.004, maxLeverage: 125 },
      { minNotionalQuote: 50_000, maintenanceMarginRate: 0.005, maxLeverage: 100 },
      { minNotionalQuote: 250_000, maintenanceMarginRate: 0.01, maxLeverage: 50 },
    ]);
    const position = fc.record({ long: fc.boolean(), size: fc.double({ noNaN: false }), entry: fc.double(), margin: fc.double() });
    fc.assert(
      fc.property(fc.array(position, { minLength: 1, maxLength: 40 }), fc.boolean(), (rows, tiered) => {
        const tiers = tiered ? threeTiers : oneTier;
        const n = rows.length;
        const columns = {
          marketId: 'X',
          side: Int8Array.from(rows, (r) => (r.long ? 1 : -1)),
          sizeBase: Float64Array.from(rows, (r) => r.size),
          entryPriceQuote: Float64Array.from(rows, (r) => r.entry),
          marginQuote: Float64Array.from(rows, (r) => r.margin),
          from: 0,
          to: n,
        };
        const out = new Float64Array(n);
        liquidationPrices(tiers, columns, out);
        rows.forEach((r, i) => expect(Object.is(out[i], liquidationPrice(tiers, r.long ? 1 : -1, r.size, r.entry, r.margin))).toBe(true));
      }),
      { numRuns: 300 },
    );
  });

  it.each(analytic.cases.filter((c) => c.kind === 'loss_waterfall').map((c) => [c.id, c] as const))('settles %s as the waterfall rule says', (_id, c) => {
    const out: SettlementV1 = { feeToFundQuote: 0, feeToLiquidatorQuote: 0, returnedToAccountQuote: 0, shortfallQuote: 0 };
    const side = c.inputs.side === 'short' ? -1 : 1;
    settleGeneric(
      { side, closedBase: Number(c.inputs.size_base), entryPriceQuote: Number(c.inputs.entry_price), fillPriceQuote: Number(c.inputs.fill_price), marginQuote: Number(c.inputs.isolated_margin), feeRate: Number(c.inputs.liquidation_fee_rate) },
      0,
      out,
    );
    expect(out.feeToFundQuote).toBeCloseTo(c.expected.fee_to_fund!, 9);
    expect(out.returnedToAccountQuote).toBeCloseTo(c.expected.returned_to_account!, 9);
    const fund = Number(c.inputs.insurance_fund);
    expect(Math.min(out.shortfallQuote, fund)).toBeCloseTo(c.expected.fund_pays!, 9);
    expect(out.shortfallQuote - Math.min(out.shortfallQuote, fund)).toBeCloseTo(c.expected.adl_or_socialised!, 9);
    expect(bankruptcyPrice(side, Number(c.inputs.size_base), Number(c.inputs.entry_price), Number(c.inputs.isolated_margin))).toBeCloseTo(c.expected.bankruptcy_price!, 9);
  });

  it('returns input problems as data, naming the field', () => {
    const venue = createGenericEngine({ maxLeverage: 50, minPositionSizeBase: 0.001, collateralAssets: ['USDC'] });
    const problems = venue.doValidatePosition({ marketId: 'BTC', side: 1, sizeBase: 0.0001, entryPriceQuote: 100_000, leverage: 60, marginMode: 'cross', collateralAssets: ['DOGE'] });
    expect(problems.map((p) => `${p.code} ${p.field}`)).toEqual([
      'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX leverage',
      'SCENARIO__SIZE_BELOW_VENUE_MIN sizeBase',
      'SCENARIO__COLLATERAL_NOT_ACCEPTED collateralAssets',
    ]);
  });

  it('closes large positions in parts and waits out the cooldown', () => {
    const venue = createGenericEngine({ partialLiquidationFraction: 0.2, partialLiquidationAboveNotionalQuote: 100_000, partialLiquidationCooldownSeconds: 30 });
    const order = { closeBase: 0, route: 'market' as const, limitPriceQuote: NaN, feeRate: 0, cooldownSeconds: 0 };
    const input = { marketId: 'BTC', side: 1 as const, sizeBase: 10, entryPriceQuote: 100_000, marginQuote: 20_000, markPriceQuote: 98_500, bankruptcyPriceQuote: 98_000, equityQuote: 5_000, maintenanceMarginQuote: 4_925, secondsSinceLastLiquidation: Infinity, insuranceFundQuote: 0 };
    venue.doLiquidationOrder(input, order);
    expect(order.closeBase).toBeCloseTo(2, 12);
    venue.doLiquidationOrder({ ...input, secondsSinceLastLiquidation: 10 }, order);
    expect(order.closeBase).toBe(0);
    venue.doLiquidationOrder({ ...input, sizeBase: 0.5 }, order);
    expect(order.closeBase).toBe(0.5);
  });
});

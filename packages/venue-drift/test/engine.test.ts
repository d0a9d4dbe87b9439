import { describe, expect, it } from 'vitest';
import type { LiquidationOrderV1, PriceTriggersV1, SettlementV1 } from '@firesale/spec';
import {
  baseAssetAmountToCoverMarginShortage,
  BASE_PRECISION,
  createDriftEngine,
  driftPerpLiquidationPrice,
  perpIfFee,
  QUOTE_PRECISION,
} from '@firesale/venue-drift';

const drift = createDriftEngine();
const order = (): LiquidationOrderV1 => ({ closeBase: 0, route: 'backstop', limitPriceQuote: 0, feeRate: 0, cooldownSeconds: 0 });

describe('createDriftEngine', () => {
  it('states every capability and max leverage from the initial margin ratio', () => {
    expect(drift.venueId).toBe('drift');
    expect(Object.keys(drift.capabilities)).toHaveLength(9);
    expect(drift.limits.maxLeverage['*']).toBe(10);
  });

  it('doPriceTriggers equals the liquidation price function and sits where equity meets maintenance margin', () => {
    const out: PriceTriggersV1 = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };
    for (const side of [1, -1] as const) {
      drift.doPriceTriggers({ marketId: 'SOL-PERP', side, sizeBase: 10, entryPriceQuote: 100, marginQuote: 150 }, out);
      expect(out.liquidationPriceQuote).toBe(driftPerpLiquidationPrice(side, 10, 100, 150, 0.05));
      const p = out.liquidationPriceQuote;
      expect(150 + side * 10 * (p - 100)).toBeCloseTo(drift.doMaintenanceMargin('SOL-PERP', 10 * p), 9);
      expect(out.bankruptcyPriceQuote).toBe(100 - side * 15);
    }
  });

  it('closes just enough to cover the shortage, as the integer program does', () => {
    // 10 SOL long at 100 with 150 collateral; at 90 the equity is 50, maintenance 45, with 2% buffer 63.
    const out = order();
    const input = { marketId: 'SOL-PERP', side: 1 as const, sizeBase: 10, entryPriceQuote: 100, marginQuote: 150, markPriceQuote: 90, bankruptcyPriceQuote: 85, equityQuote: 50, maintenanceMarginQuote: 45, secondsSinceLastLiquidation: Infinity, insuranceFundQuote: 0 };
    drift.doLiquidationOrder(input, out);
    const shortage = 45 + 900 * 0.02 - 50;
    const ifFee = perpIfFee({ marginShortage: 13n * QUOTE_PRECISION, baseAssetAmount: 10n * BASE_PRECISION, marginRatio: 700n, liquidatorFee: 10_000n, oraclePrice: 90_000_000n, quoteOraclePrice: 1_000_000n, maxIfFee: 10_000n });
    const exactBase = baseAssetAmountToCoverMarginShortage({ marginShortage: 13n * QUOTE_PRECISION, marginRatio: 700n, liquidationFee: 10_000n, ifLiquidationFee: ifFee, oraclePrice: 90_000_000n, quoteOraclePrice: 1_000_000n });
    expect(shortage).toBeCloseTo(13, 12);
    expect(out.feeRate).toBeCloseTo(0.01 + Number(ifFee) / 1e6, 9);
    expect(out.closeBase).toBeCloseTo(Number(exactBase) / 1e9, 6);
    expect(out.closeBase).toBeLessThan(10);
    expect(out.route).toBe('market');
    expect(out.limitPriceQuote).toBeCloseTo(89.1, 9);
  });

  it('caps the first step by the liquidation ramp for large shortages', () => {
    const ramped = createDriftEngine({ initialPctToLiquidate: 2_500, liquidationDurationSlots: 150 });
    const out = order();
    const input = { marketId: 'SOL-PERP', side: -1 as const, sizeBase: 1000, entryPriceQuote: 100, marginQuote: 15_000, markPriceQuote: 111, bankruptcyPriceQuote: 115, equityQuote: 4_000, maintenanceMarginQuote: 5_550, secondsSinceLastLiquidation: 0, insuranceFundQuote: 0 };
    ramped.doLiquidationOrder(input, out);
    const first = out.closeBase;
    ramped.doLiquidationOrder({ ...input, secondsSinceLastLiquidation: 60 }, out);
    expect(out.closeBase).toBeCloseTo(first * 4, 9);
    expect(out.limitPriceQuote).toBeCloseTo(111 * 1.01, 9);
  });

  it('doSettle balances and pays the liquidator its fee first', () => {
    const out: SettlementV1 = { feeToFundQuote: 0, feeToLiquidatorQuote: 0, returnedToAccountQuote: 0, shortfallQuote: 0 };
    for (const fill of [95, 89, 80]) {
      const input = { side: 1 as const, closedBase: 2, entryPriceQuote: 100, fillPriceQuote: fill, marginQuote: 30, feeRate: 0.015 };
      drift.doSettle(input, out);
      expect(out.feeToFundQuote + out.feeToLiquidatorQuote + out.returnedToAccountQuote - out.shortfallQuote).toBeCloseTo(30 + 2 * (fill - 100), 9);
      expect(out.feeToLiquidatorQuote).toBeLessThanOrEqual(0.01 * 2 * fill + 1e-12);
    }
  });

  it('returns problems as data', () => {
    const engine = createDriftEngine({ markets: { 'SOL-PERP': { marginRatioInitial: 500, marginRatioMaintenance: 300, liquidatorFee: 10_000, ifLiquidationFee: 10_000 } }, minPositionSizeBase: 0.1 });
    const p = { marketId: 'SOL-PERP', side: 1 as const, sizeBase: 0.01, entryPriceQuote: 100, leverage: 25, marginMode: 'cross' as const, collateralAssets: ['BONK'] };
    expect(engine.doValidatePosition(p).map((x) => x.code)).toEqual(['SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', 'SCENARIO__SIZE_BELOW_VENUE_MIN', 'SCENARIO__COLLATERAL_NOT_ACCEPTED']);
    expect(engine.doValidatePosition({ ...p, marketId: 'BTC-PERP', sizeBase: 1, leverage: 2, collateralAssets: ['USDC'] })[0]).toMatchObject({ code: 'SCENARIO__UNKNOWN_TIER', context: { venue: 'drift' } });
  });
});

import { describe, expect, it } from 'vitest';
import type { LiquidationOrderV1, SettlementV1 } from '@firesale/spec';
import {
  adlQueue,
  adlRanking,
  adlRankingFromValues,
  bitmexParams,
  createBitmexEngine,
  liquidationPrice,
  maintenanceMargin,
  maxLeverage,
  riskStep,
} from '../src/index';

const hype = bitmexParams.riskLimits['HYPEUSDT']!;
const engine = createBitmexEngine();

describe('risk limits', () => {
  it('raises maintenance and initial margin by the base maintenance rate per step', () => {
    expect(riskStep(hype, 40_000)).toBe(0);
    expect(riskStep(hype, 40_001)).toBe(1);
    expect(riskStep(hype, 100_000)).toBe(2);
    expect(maintenanceMargin(hype, 100_000)).toBeCloseTo(3_000, 9);
    expect(maxLeverage(hype, 10_000)).toBeCloseTo(50, 12);
    expect(maxLeverage(hype, 100_000)).toBeCloseTo(25, 12);
  });
});

describe('ADL', () => {
  it('ranks profit x leverage, loss / leverage, from values or from a position', () => {
    expect(adlRankingFromValues(120, 100, 90)).toBeCloseTo(0.2 * 4, 12);
    expect(adlRankingFromValues(95, 100, 90)).toBeCloseTo(-0.05 / 19, 12);
    // short: values negative
    expect(adlRankingFromValues(-80, -100, -110)).toBeCloseTo(0.2 * (80 / 30), 12);
    expect(adlRanking({ side: -1, sizeBase: 1, entryPriceQuote: 100, marginQuote: 10, markPriceQuote: 80 })).toBeCloseTo(0.2 * (80 / 30), 12);
  });

  it('keeps input order on ties and puts the whole side in 20% buckets', () => {
    const q = adlQueue([
      { account: 'a', quantity: 1, ranking: 1 },
      { account: 'b', quantity: 1, ranking: 1 },
      { account: 'c', quantity: 3, ranking: 2 },
    ]);
    expect(q.order).toEqual(['c', 'a', 'b']);
    expect(q.percentile).toEqual({ c: 0.6, a: 0.8, b: 1 });
  });

  it('a share of exactly 20/40/60/80% stays in its step with fractional quantities (ten 0.1s sum to 0.9999…)', () => {
    const q = adlQueue(Array.from({ length: 10 }, (_, k) => ({ account: k, quantity: 0.1, ranking: 9 - k })));
    expect(q.percentile).toEqual({ 0: 0.2, 1: 0.2, 2: 0.4, 3: 0.4, 4: 0.6, 5: 0.6, 6: 0.8, 7: 0.8, 8: 1, 9: 1 });
  });
});

describe('createBitmexEngine', () => {
  it('doPriceTriggers uses the rate of the risk limit covering the entry value', () => {
    const out = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };
    engine.doPriceTriggers({ marketId: 'HYPEUSDT', side: 1, sizeBase: 1_000, entryPriceQuote: 40, marginQuote: 4_000 }, out);
    expect(out.liquidationPriceQuote).toBe(liquidationPrice(1, 1_000, 40, 4_000, 0.01));
    expect(out.liquidationPriceQuote).toBeCloseTo(36 / 0.99, 9);
    expect(out.bankruptcyPriceQuote).toBe(36);
    engine.doPriceTriggers({ marketId: 'HYPEUSDT', side: -1, sizeBase: 3_000, entryPriceQuote: 40, marginQuote: 12_000 }, out);
    expect(out.liquidationPriceQuote).toBe(liquidationPrice(-1, 3_000, 40, 12_000, 0.03));
  });

  it('brings large positions down a risk limit, then closes in full at the bankruptcy price', () => {
    const out: LiquidationOrderV1 = { closeBase: 0, route: 'backstop', limitPriceQuote: 0, feeRate: -1, cooldownSeconds: -1 };
    const base = {
      marketId: 'HYPEUSDT', side: 1 as const, entryPriceQuote: 40, marginQuote: 0, markPriceQuote: 40,
      bankruptcyPriceQuote: 36, equityQuote: 0, maintenanceMarginQuote: 1, secondsSinceLastLiquidation: Infinity, insuranceFundQuote: 0,
    };
    engine.doLiquidationOrder({ ...base, sizeBase: 2_500 }, out); // 100,000: step 2 -> down to 80,000
    expect(out.closeBase).toBeCloseTo(500, 9);
    expect(out).toMatchObject({ route: 'market', limitPriceQuote: 36, feeRate: 0 });
    engine.doLiquidationOrder({ ...base, sizeBase: 100 }, out);
    expect(out.closeBase).toBe(100);
  });

  it('settles at bankruptcy in balance', () => {
    const out: SettlementV1 = { feeToFundQuote: 0, feeToLiquidatorQuote: 0, returnedToAccountQuote: 0, shortfallQuote: 0 };
    for (const fill of [37, 36, 35]) {
      engine.doSettle({ side: 1, closedBase: 100, entryPriceQuote: 40, fillPriceQuote: fill, marginQuote: 400, feeRate: 0 }, out);
      expect(out.feeToFundQuote + out.feeToLiquidatorQuote + out.returnedToAccountQuote - out.shortfallQuote).toBeCloseTo(400 + 100 * (fill - 40), 9);
    }
    expect(out.shortfallQuote).toBeCloseTo(100, 9);
  });

  it('reports limits as problems', () => {
    const p = { marketId: 'HYPEUSDT', side: 1 as const, sizeBase: 100, entryPriceQuote: 40, leverage: 50, marginMode: 'isolated' as const, collateralAssets: ['USDT'] };
    expect(engine.doValidatePosition(p)).toEqual([]);
    expect(engine.doValidatePosition({ ...p, sizeBase: 2_500 })[0]).toMatchObject({ code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', field: 'leverage', context: { venue: 'bitmex' } });
    expect(engine.doValidatePosition({ ...p, collateralAssets: ['XBT'] })[0]).toMatchObject({ code: 'SCENARIO__COLLATERAL_NOT_ACCEPTED' });
    expect(engine.doValidatePosition({ ...p, marketId: 'XBTUSD' })[0]).toMatchObject({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId' });
    expect(engine.limits.maxLeverage['HYPEUSDT']).toBeCloseTo(50, 12);
  });
});

import { describe, expect, it } from 'vitest';
import type { LiquidationOrderV1, SettlementV1 } from '@firesale/spec';
import {
  adlRanking,
  bybitParams,
  createBybitEngine,
  inverseCrossBankruptcyPrice,
  inverseCrossLiquidationPrice,
  inverseIsolatedBankruptcyPrice,
  inverseIsolatedLiquidationPrice,
  isolatedBankruptcyPrice,
  isolatedLiquidationPrice,
  maintenanceMargin,
  resolveRiskLimits,
  riskLimitIndex,
} from '../src/index';

const btc = resolveRiskLimits(bybitParams.riskLimits['BTCUSDT']!);
const engine = createBybitEngine();

describe('risk limits', () => {
  it('looks up the tier whose risk limit covers the value (limits are inclusive)', () => {
    expect(riskLimitIndex(btc, 2_000_000)).toBe(0);
    expect(riskLimitIndex(btc, 2_000_001)).toBe(1);
    expect(riskLimitIndex(btc, 1e12)).toBe(19);
  });

  it('derives the published MM deductions from the rule, and margin is continuous', () => {
    const derived = resolveRiskLimits(bybitParams.riskLimits['BTCUSDT']!.map(({ maintenanceDeductionQuote: _d, ...t }) => t));
    for (let i = 0; i < 20; i++) expect(derived.deductionsQuote[i]).toBeCloseTo(btc.deductionsQuote[i]!, 6);
    for (const cap of btc.riskLimitsQuote.slice(0, -1)) {
      expect(Math.abs(maintenanceMargin(btc, cap) - maintenanceMargin(btc, cap * (1 + 1e-12)))).toBeLessThan(1e-3);
    }
  });
});

describe('inverse cross', () => {
  it('short mirrors the long: liquidation between entry and bankruptcy', () => {
    const input = { side: -1 as const, contractsUsd: 10_000, entryPriceQuote: 8_000, balanceCoin: 0.5, orderMarginCoin: 0, maintenanceMarginRate: 0.005, takerFeeRate: 0.00075 };
    const bp = inverseCrossBankruptcyPrice(input);
    const lp = inverseCrossLiquidationPrice(input);
    expect(bp).toBeCloseTo((0.99925 * 10_000) / (1.25 - 0.5), 6);
    expect(lp).toBeGreaterThan(8_000);
    expect(lp).toBeLessThan(bp);
    expect(inverseCrossBankruptcyPrice({ ...input, balanceCoin: 2 })).toBe(Infinity);
  });
});

describe('isolated inverse and bankruptcy prices', () => {
  it('inverse isolated: Q / (Q/EP ± (IM + extra - MM)) (help page example: 8,000 USD at 50x, MMR 0.5%)', () => {
    const long = { side: 1 as const, contractsUsd: 10_000, entryPriceQuote: 8_000, leverage: 50, maintenanceMarginRate: 0.005, maintenanceDeductionCoin: 0, extraMarginCoin: 0 };
    expect(inverseIsolatedLiquidationPrice(long)).toBeCloseTo((8_000 * 50) / (51 - 0.25), 6);
    expect(inverseIsolatedLiquidationPrice({ ...long, side: -1 })).toBeCloseTo((8_000 * 50) / (49 + 0.25), 6);
    expect(inverseIsolatedBankruptcyPrice(long)).toBeCloseTo((8_000 * 50) / 51, 6);
    // Extra margin moves the long's liquidation down; a 1x short never runs out of margin.
    expect(inverseIsolatedLiquidationPrice({ ...long, extraMarginCoin: 0.1 })).toBeLessThan(inverseIsolatedLiquidationPrice(long));
    expect(inverseIsolatedBankruptcyPrice({ ...long, side: -1, leverage: 1 })).toBe(Infinity);
  });

  it('USDT isolated bankruptcy price: EP x (1 ∓ 1/leverage) with no extra margin', () => {
    expect(isolatedBankruptcyPrice(1, 1, 10_000, 10_000 / 50)).toBeCloseTo(9_800, 9);
    expect(isolatedBankruptcyPrice(-1, 1, 10_000, 10_000 / 50)).toBeCloseTo(10_200, 9);
  });
});

describe('createBybitEngine', () => {
  it('doPriceTriggers reproduces the help-page example and the vector-tested function', () => {
    const out = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };
    engine.doPriceTriggers({ marketId: 'BTCUSDT', side: 1, sizeBase: 1, entryPriceQuote: 20_000, marginQuote: 400 }, out);
    expect(out).toEqual({ liquidationPriceQuote: 19_700, bankruptcyPriceQuote: 19_600 });
    engine.doPriceTriggers({ marketId: 'BTCUSDT', side: -1, sizeBase: 100, entryPriceQuote: 30_000, marginQuote: 300_000 }, out);
    const mm = maintenanceMargin(btc, 3_000_000);
    expect(out.liquidationPriceQuote).toBe(isolatedLiquidationPrice(-1, 100, 30_000, 300_000, mm));
    expect(mm).toBeCloseTo(3_000_000 * 0.0063 - 3_020, 6);
  });

  it('lowers the risk-limit tier before a full close, at the bankruptcy price', () => {
    const out: LiquidationOrderV1 = { closeBase: 0, route: 'backstop', limitPriceQuote: 0, feeRate: -1, cooldownSeconds: -1 };
    const base = {
      marketId: 'BTCUSDT', side: 1 as const, entryPriceQuote: 50_000, marginQuote: 0, markPriceQuote: 50_000,
      bankruptcyPriceQuote: 49_500, equityQuote: 0, maintenanceMarginQuote: 1, secondsSinceLastLiquidation: Infinity, insuranceFundQuote: 0,
    };
    engine.doLiquidationOrder({ ...base, sizeBase: 60 }, out); // 3.0M value: tier 3 (limit 3.2M), lower tier limit 2.6M
    expect(out.closeBase).toBeCloseTo(60 - 2_600_000 / 50_000, 9);
    expect(out).toMatchObject({ route: 'market', limitPriceQuote: 49_500, feeRate: 0 });
    engine.doLiquidationOrder({ ...base, sizeBase: 1 }, out);
    expect(out.closeBase).toBe(1);
  });

  it('settles at bankruptcy: the surplus to the fund, the gap is the shortfall, always in balance', () => {
    const out: SettlementV1 = { feeToFundQuote: 0, feeToLiquidatorQuote: 0, returnedToAccountQuote: 0, shortfallQuote: 0 };
    for (const fill of [19_700, 19_600, 19_500]) {
      const s = { side: 1 as const, closedBase: 1, entryPriceQuote: 20_000, fillPriceQuote: fill, marginQuote: 400, feeRate: 0 };
      engine.doSettle(s, out);
      expect(out.feeToFundQuote + out.feeToLiquidatorQuote + out.returnedToAccountQuote - out.shortfallQuote).toBeCloseTo(400 + fill - 20_000, 9);
      expect(out.returnedToAccountQuote).toBe(0);
    }
    expect(out.shortfallQuote).toBe(100);
  });

  it('ranks ADL by PnL% x effective leverage', () => {
    const a = { side: 1 as const, sizeBase: 1, entryPriceQuote: 100, marginQuote: 10, markPriceQuote: 120 };
    expect(adlRanking(a)).toBeCloseTo(0.2 * (120 / 30), 12);
    expect(engine.doAdlScore({ ...a, markPriceQuote: 90, marginQuote: 20 })).toBeCloseTo(-0.1 / (90 / 10), 12);
  });

  it('reports limits as problems', () => {
    const p = { marketId: 'BTCUSDT', side: 1 as const, sizeBase: 1, entryPriceQuote: 50_000, leverage: 100, marginMode: 'isolated' as const, collateralAssets: ['USDT'] };
    expect(engine.doValidatePosition(p)).toEqual([]);
    expect(engine.doValidatePosition({ ...p, sizeBase: 100 })[0]).toMatchObject({ code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', context: { max: 65, venue: 'bybit' } });
    expect(engine.doValidatePosition({ ...p, collateralAssets: ['BTC'] })[0]).toMatchObject({ code: 'SCENARIO__COLLATERAL_NOT_ACCEPTED' });
    expect(engine.doValidatePosition({ ...p, marketId: 'ETHUSDT' })[0]).toMatchObject({ code: 'SCENARIO__UNKNOWN_TIER' });
    expect(createBybitEngine({ defaultRiskLimits: [{ riskLimitQuote: 1e6, maxLeverage: 50, maintenanceMarginRate: 0.01 }] }).doValidatePosition({ ...p, marketId: 'ETHUSDT', leverage: 50 })).toEqual([]);
  });
});

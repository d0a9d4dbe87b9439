import { describe, expect, it } from 'vitest';
import type { LiquidationOrderV1, SettlementV1 } from '@firesale/spec';
import {
  binanceParams,
  coinmLiquidationPrice,
  coinmLiquidationPriceAt,
  createBinanceEngine,
  maintenanceMargin,
  maintenanceRateAndAmount,
  resolveBrackets,
  usdmLiquidationPrice,
  usdmLiquidationPriceAt,
} from '../src/index';

const btcusdt = resolveBrackets(binanceParams.usdmBrackets['BTCUSDT']!);
const btcusd = resolveBrackets(binanceParams.coinmBrackets['BTCUSD']!);
const engine = createBinanceEngine();

describe('brackets', () => {
  it('published BTCUSDT brackets give the FAQ figures (264,000 USDT -> 1%; 3.5M -> 2.5% and 16,300)', () => {
    expect(maintenanceRateAndAmount(btcusdt, 264_000).rate).toBe(0.01);
    expect(maintenanceRateAndAmount(btcusdt, 3_500_032.45776)).toEqual({ rate: 0.025, amount: 16_300 });
    expect(maintenanceMargin(btcusdt, 3_500_032.45776)).toBeCloseTo(71_200.811444, 5);
  });

  it('maintenance margin is continuous across bracket floors', () => {
    for (const floor of btcusdt.floors.slice(1)) {
      expect(maintenanceMargin(btcusdt, floor) - maintenanceMargin(btcusdt, floor * (1 - 1e-12))).toBeLessThan(1e-3);
    }
  });

  it('recomputes with the bracket at the liquidation price (USDⓈ-M)', () => {
    const input = { side: 1 as const, sizeBase: 20, entryPriceQuote: 60_000, walletBalanceQuote: 200_000 };
    const lp = usdmLiquidationPrice(btcusdt, input);
    const { rate, amount } = maintenanceRateAndAmount(btcusdt, 20 * lp);
    expect(lp).toBeCloseTo(usdmLiquidationPriceAt(input, rate, amount), 9);
    // bracket at entry (1.2M, 2.5%) differs from the bracket at LP (~1.0M notional)
    expect(maintenanceRateAndAmount(btcusdt, 20 * 60_000).rate).toBe(0.025);
    const equity = 200_000 + 20 * (lp - 60_000);
    expect(equity).toBeCloseTo(maintenanceMargin(btcusdt, 20 * lp), 6);
  });

  it('COIN-M: published BTCUSD brackets reproduce the calculator case without a given bracket', () => {
    const input = { side: 1 as const, positionUsd: 10_000_000, entryPriceQuote: 45_000, walletBalanceCoin: 101 };
    const lp = coinmLiquidationPrice(btcusd, input);
    expect(lp).toBeCloseTo(coinmLiquidationPriceAt(input, 0.125, 11.605), 9);
    expect(Math.abs(lp - 33_599.4) / 33_599.4).toBeLessThan(1e-6);
  });

  it('a liquidation price whose notional lands exactly on a bracket floor is found (both brackets solve it)', () => {
    // Rounding put each bracket's solution a hair outside its own bracket, so none qualified (0 / Infinity).
    expect(usdmLiquidationPrice(btcusdt, { side: -1, sizeBase: 3, entryPriceQuote: 15_000, walletBalanceQuote: 5_200 })).toBeCloseTo(50_000 / 3, 6);
    expect(usdmLiquidationPrice(btcusdt, { side: 1, sizeBase: 15, entryPriceQuote: 4_000, walletBalanceQuote: 10_200 })).toBeCloseTo(50_000 / 15, 6);
    // Every floor, both sides: the wallet that puts the liquidation exactly on the floor gives that price back.
    for (let i = 1; i < btcusdt.floors.length; i++) {
      for (const side of [1, -1] as const) {
        const size = 7;
        const lp = btcusdt.floors[i]! / size;
        const entry = side === 1 ? lp * 1.3 : lp * 0.7;
        const wallet = lp * (size * btcusdt.rates[i]! - side * size) - btcusdt.amounts[i]! + side * size * entry;
        expect(usdmLiquidationPrice(btcusdt, { side, sizeBase: size, entryPriceQuote: entry, walletBalanceQuote: wallet }) / lp).toBeCloseTo(1, 9);
      }
    }
    // COIN-M: 500 contracts x 100 USD long at 50,000, 4.02 BTC: value at the liquidation price is exactly 5 BTC.
    expect(coinmLiquidationPrice(btcusd, { side: 1, positionUsd: 50_000, entryPriceQuote: 50_000, walletBalanceCoin: 4.02 })).toBeCloseTo(10_000, 6);
  });

  it('COIN-M short that cannot be liquidated gets Infinity', () => {
    expect(coinmLiquidationPrice(btcusd, { side: -1, positionUsd: 1_000, entryPriceQuote: 50_000, walletBalanceCoin: 10 })).toBe(Infinity);
  });
});

describe('createBinanceEngine', () => {
  it('doPriceTriggers agrees with the vector-tested liquidation price', () => {
    const out = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };
    engine.doPriceTriggers({ marketId: 'BTCUSDT', side: -1, sizeBase: 2, entryPriceQuote: 50_000, marginQuote: 5_000 }, out);
    const lp = usdmLiquidationPrice(btcusdt, { side: -1, sizeBase: 2, entryPriceQuote: 50_000, walletBalanceQuote: 5_000 });
    expect(out.liquidationPriceQuote).toBe(lp);
    expect(out.liquidationPriceQuote).toBeCloseTo((5_000 + 50 + 2 * 50_000) / (2 * 0.005 + 2), 6); // bracket at LP: 0.5%, 50 USDT
    expect(out.bankruptcyPriceQuote).toBe(52_500);
  });

  it('lowers the bracket first, then closes in full', () => {
    const out: LiquidationOrderV1 = { closeBase: 0, route: 'backstop', limitPriceQuote: 0, feeRate: 0, cooldownSeconds: -1 };
    const base = {
      marketId: 'BTCUSDT', side: 1 as const, entryPriceQuote: 50_000, marginQuote: 0, markPriceQuote: 50_000,
      bankruptcyPriceQuote: 49_000, equityQuote: 0, maintenanceMarginQuote: 1, secondsSinceLastLiquidation: Infinity, insuranceFundQuote: 0,
    };
    engine.doLiquidationOrder({ ...base, sizeBase: 30 }, out); // 1.5M notional, bracket floor 1M
    expect(out.closeBase).toBeCloseTo(10, 9);
    expect(out).toMatchObject({ route: 'market', limitPriceQuote: 49_000, feeRate: 0.015, cooldownSeconds: 0 });
    engine.doLiquidationOrder({ ...base, sizeBase: 0.5 }, out);
    expect(out.closeBase).toBe(0.5);
  });

  it('settles in balance with the clearance fee to the insurance fund', () => {
    const out: SettlementV1 = { feeToFundQuote: 0, feeToLiquidatorQuote: 0, returnedToAccountQuote: 0, shortfallQuote: 0 };
    for (const fill of [99, 96, 90]) {
      const s = { side: 1 as const, closedBase: 1, entryPriceQuote: 100, fillPriceQuote: fill, marginQuote: 5, feeRate: 0.015 };
      engine.doSettle(s, out);
      expect(out.feeToFundQuote + out.feeToLiquidatorQuote + out.returnedToAccountQuote - out.shortfallQuote).toBeCloseTo(5 + fill - 100, 12);
    }
    expect(out.shortfallQuote).toBeCloseTo(5, 12);
  });

  it('ranks ADL candidates by LeveragePnL', () => {
    const a = engine.doAdlScore({ side: 1, sizeBase: 1, entryPriceQuote: 50_000, marginQuote: 1_000, markPriceQuote: 55_000 });
    const b = engine.doAdlScore({ side: 1, sizeBase: 1, entryPriceQuote: 50_000, marginQuote: 1_000, markPriceQuote: 52_000 });
    expect(a).toBeCloseTo((5_000 / 1_000) * ((55_000 * 0.005 - 50) / 6_000), 12);
    expect(a).toBeGreaterThan(b);
    expect(engine.doAdlScore({ side: -1, sizeBase: 1, entryPriceQuote: 50_000, marginQuote: 1_000, markPriceQuote: 55_000 })).toBe(0);
  });

  it('reports limits as problems', () => {
    const p = { marketId: 'BTCUSDT', side: 1 as const, sizeBase: 1, entryPriceQuote: 50_000, leverage: 100, marginMode: 'isolated' as const, collateralAssets: ['USDT'] };
    expect(engine.doValidatePosition(p)).toEqual([]);
    expect(engine.doValidatePosition({ ...p, sizeBase: 10 })[0]).toMatchObject({ code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', field: 'leverage', context: { max: 50, venue: 'binance-usdm' } });
    expect(engine.doValidatePosition({ ...p, collateralAssets: ['DOGE'] })[0]).toMatchObject({ code: 'SCENARIO__COLLATERAL_NOT_ACCEPTED' });
    expect(engine.doValidatePosition({ ...p, marketId: 'FOOUSDT' })[0]).toMatchObject({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId' });
    expect(engine.limits.maxLeverage['BTCUSDT']).toBe(125);
  });
});

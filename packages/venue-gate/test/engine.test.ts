import { describe, expect, it } from 'vitest';
import type { LiquidationOrderV1, PriceTriggersV1, SettlementV1 } from '@firesale/spec';
import { createGateEngine, gateMaintenanceMargin, gateTierIndex, isolatedLiquidationPrice } from '@firesale/venue-gate';

const gate = createGateEngine();

describe('createGateEngine', () => {
  it('states every capability and the fixture limits', () => {
    expect(gate.specificationVersion).toBe('v1');
    expect(gate.venueId).toBe('gate');
    expect(Object.keys(gate.capabilities).sort()).toEqual(
      ['autoDeleveraging', 'backstopVault', 'crossMargin', 'insuranceFund', 'isolatedMargin', 'lending', 'partialLiquidation', 'perStepLimits', 'tieredMargin'],
    );
    expect(gate.limits.maxLeverage['*']).toBe(100);
  });

  it('doPriceTriggers equals the vector-tested liquidation price', () => {
    const out: PriceTriggersV1 = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };
    for (const side of [1, -1] as const) {
      gate.doPriceTriggers({ marketId: 'BTC/USDT:USDT', side, sizeBase: 2, entryPriceQuote: 10, marginQuote: 4 }, out);
      expect(out.liquidationPriceQuote).toBe(
        isolatedLiquidationPrice({ side, entryPriceQuote: 10, sizeBase: 2, walletBalanceQuote: 4, maintenanceMarginRate: 0.01, takerFeeRate: 0.0006 }),
      );
      expect(out.bankruptcyPriceQuote).toBe(10 - side * 2);
    }
  });

  it('gives a long that cannot be liquidated 0 and such a short Infinity', () => {
    const out: PriceTriggersV1 = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };
    gate.doPriceTriggers({ marketId: 'X', side: 1, sizeBase: 1, entryPriceQuote: 10, marginQuote: 20 }, out);
    expect(out.liquidationPriceQuote).toBe(0);
  });

  it('computes maintenance margin from the tier of the notional', () => {
    expect(gate.doMaintenanceMargin('ETH/USDT:USDT', 1000)).toBeCloseTo(10, 12);
    const tiers = [
      { minNotionalQuote: 0, maxNotionalQuote: 1000, maintenanceMarginRate: 0.005, maxLeverage: 100 },
      { minNotionalQuote: 1000, maxNotionalQuote: 2000, maintenanceMarginRate: 0.01, maxLeverage: 50 },
    ];
    expect(gateMaintenanceMargin(tiers, 1500)).toBeCloseTo(15, 12);
    expect(createGateEngine({ tiersByMarket: { 'BTC/USDT:USDT': tiers } }).doValidatePosition({
      marketId: 'BTC/USDT:USDT', side: 1, sizeBase: 1, entryPriceQuote: 1500, leverage: 60, marginMode: 'isolated', collateralAssets: ['USDT'],
    })[0]).toMatchObject({ code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', field: 'leverage', context: { max: 50, venue: 'gate' } });
  });

  it('closes the whole position with the taker fee', () => {
    const out: LiquidationOrderV1 = { closeBase: 0, route: 'backstop', limitPriceQuote: 0, feeRate: 0, cooldownSeconds: 1 };
    gate.doLiquidationOrder({ marketId: 'BTC/USDT:USDT', side: -1, sizeBase: 3, entryPriceQuote: 10, marginQuote: 6, markPriceQuote: 11.9, bankruptcyPriceQuote: 12, equityQuote: 0.3, maintenanceMarginQuote: 0.36, secondsSinceLastLiquidation: Infinity, insuranceFundQuote: 0 }, out);
    expect(out).toEqual({ closeBase: 3, route: 'market', limitPriceQuote: NaN, feeRate: 0.0006, cooldownSeconds: 0 });
  });

  it('doSettle balances', () => {
    const out: SettlementV1 = { feeToFundQuote: 0, feeToLiquidatorQuote: 0, returnedToAccountQuote: 0, shortfallQuote: 0 };
    for (const fill of [11, 11.9, 12.5]) {
      const input = { side: -1 as const, closedBase: 3, entryPriceQuote: 10, fillPriceQuote: fill, marginQuote: 6, feeRate: 0.0006 };
      gate.doSettle(input, out);
      const lhs = input.marginQuote - 3 * (fill - 10);
      expect(out.feeToFundQuote + out.feeToLiquidatorQuote + out.returnedToAccountQuote - out.shortfallQuote).toBeCloseTo(lhs, 9);
    }
  });

  it('returns problems as data', () => {
    const problems = createGateEngine({ minPositionSizeBase: 1 }).doValidatePosition({
      marketId: 'BTC/USDT:USDT', side: 1, sizeBase: 0.5, entryPriceQuote: 100, leverage: 120, marginMode: 'cross', collateralAssets: ['BTC'],
    });
    expect(problems.map((p) => p.code)).toEqual(['SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', 'SCENARIO__SIZE_BELOW_VENUE_MIN', 'SCENARIO__COLLATERAL_NOT_ACCEPTED']);
    expect(createGateEngine({ tiersByMarket: { 'BTC/USDT:USDT': [{ minNotionalQuote: 0, maxNotionalQuote: 1e9, maintenanceMarginRate: 0.004, maxLeverage: 125 }] } })
      .doValidatePosition({ marketId: 'ETH/USDT:USDT', side: 1, sizeBase: 1, entryPriceQuote: 1, leverage: 1, marginMode: 'isolated', collateralAssets: ['USDT'] })[0])
      .toMatchObject({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId' });
  });
});

describe('gateTierIndex', () => {
  it('rejects a negative notional (freqtrade: "nominal value can not be lower than 0")', () => {
    const tiers = [{ minNotionalQuote: 0, maxNotionalQuote: 1_000_000, maintenanceMarginRate: 0.01, maxLeverage: 50 }];
    expect(() => gateTierIndex(tiers, -1)).toThrow(/nominal value can not be lower than 0/);
    expect(gateTierIndex(tiers, 0)).toBe(0);
  });
});

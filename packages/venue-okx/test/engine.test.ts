import { describe, expect, it } from 'vitest';
import type { LiquidationOrderV1, PriceTriggersV1, SettlementV1 } from '@firesale/spec';
import { createOkxEngine, isolatedLiquidationPrice, okxFixtureParams, okxMaintenanceMargin, okxTierIndex } from '@firesale/venue-okx';

const okx = createOkxEngine();
const eth = okxFixtureParams.tiersByMarket['ETH/USDT:USDT'];

describe('createOkxEngine', () => {
  it('states every capability and the fixture limits', () => {
    expect(okx.specificationVersion).toBe('v1');
    expect(okx.venueId).toBe('okx');
    expect(Object.keys(okx.capabilities).sort()).toEqual(
      ['autoDeleveraging', 'backstopVault', 'crossMargin', 'insuranceFund', 'isolatedMargin', 'lending', 'partialLiquidation', 'perStepLimits', 'tieredMargin'],
    );
    expect(okx.limits.maxLeverage['ETH/USDT:USDT']).toBe(75);
  });

  it('doPriceTriggers equals the vector-tested liquidation price', () => {
    const out: PriceTriggersV1 = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };
    for (const side of [1, -1] as const) {
      okx.doPriceTriggers({ marketId: 'ETH/USDT:USDT', side, sizeBase: 1, entryPriceQuote: 1500, marginQuote: 100 }, out);
      expect(out.liquidationPriceQuote).toBe(
        isolatedLiquidationPrice({ side, entryPriceQuote: 1500, sizeBase: 1, walletBalanceQuote: 100, maintenanceMarginRate: 0.01, takerFeeRate: 0.0006 }),
      );
      expect(out.bankruptcyPriceQuote).toBe(1500 - side * 100);
      // The liquidation price lies between entry and bankruptcy.
      expect(side * (1500 - out.liquidationPriceQuote)).toBeGreaterThan(0);
      expect(side * (out.liquidationPriceQuote - out.bankruptcyPriceQuote)).toBeGreaterThan(0);
    }
  });

  it('uses the maintenance rate of the tier of the notional', () => {
    expect(okx.doMaintenanceMargin('ETH/USDT:USDT', 3000)).toBeCloseTo(45, 12);
    expect(okxMaintenanceMargin(eth, 5000)).toBeCloseTo(100, 12);
  });

  it('closes a first-tier position fully and reduces a higher-tier one to the tier below', () => {
    const out: LiquidationOrderV1 = { closeBase: 0, route: 'market', limitPriceQuote: 0, feeRate: 0, cooldownSeconds: 0 };
    const base = { marketId: 'ETH/USDT:USDT', side: 1 as const, entryPriceQuote: 1000, marginQuote: 50, bankruptcyPriceQuote: 950, equityQuote: 5, maintenanceMarginQuote: 10, secondsSinceLastLiquidation: Infinity, insuranceFundQuote: 1e6 };
    okx.doLiquidationOrder({ ...base, sizeBase: 1, markPriceQuote: 1000 }, out);
    expect(out.closeBase).toBe(1);
    expect(out.feeRate).toBe(0.0006);
    okx.doLiquidationOrder({ ...base, sizeBase: 5, markPriceQuote: 1000 }, out);
    expect(out.closeBase).toBeCloseTo(1, 12); // 5,000 notional (tier 3) down to 4,000 (tier 2 max)
  });

  it('doSettle balances', () => {
    const out: SettlementV1 = { feeToFundQuote: 0, feeToLiquidatorQuote: 0, returnedToAccountQuote: 0, shortfallQuote: 0 };
    for (const fill of [980, 951, 940, 900]) {
      const input = { side: 1 as const, closedBase: 1, entryPriceQuote: 1000, fillPriceQuote: fill, marginQuote: 50, feeRate: 0.0006 };
      okx.doSettle(input, out);
      const lhs = input.marginQuote + (fill - 1000);
      expect(out.feeToFundQuote + out.feeToLiquidatorQuote + out.returnedToAccountQuote - out.shortfallQuote).toBeCloseTo(lhs, 9);
      expect(out.shortfallQuote).toBeGreaterThanOrEqual(0);
    }
  });

  it('returns problems as data', () => {
    const position = { marketId: 'ETH/USDT:USDT', side: 1 as const, sizeBase: 1, entryPriceQuote: 1000, leverage: 80, marginMode: 'isolated' as const, collateralAssets: ['DOGE'] };
    const codes = okx.doValidatePosition(position).map((p) => p.code);
    expect(codes).toEqual(['SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', 'SCENARIO__COLLATERAL_NOT_ACCEPTED']);
    expect(okx.doValidatePosition({ ...position, marketId: 'XYZ', leverage: 5, collateralAssets: ['USDT'] })[0]).toMatchObject({
      code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId', context: { venue: 'okx' },
    });
    expect(createOkxEngine({ minPositionSizeBase: 2 }).doValidatePosition({ ...position, leverage: 5, collateralAssets: ['USDT'] })[0]).toMatchObject({
      code: 'SCENARIO__SIZE_BELOW_VENUE_MIN', field: 'sizeBase', context: { min: 2, venue: 'okx' },
    });
  });

  it('ranks more profitable, more leveraged positions first for ADL', () => {
    const low = okx.doAdlScore({ side: 1, sizeBase: 1, entryPriceQuote: 100, marginQuote: 50, markPriceQuote: 110 });
    const high = okx.doAdlScore({ side: 1, sizeBase: 1, entryPriceQuote: 100, marginQuote: 10, markPriceQuote: 110 });
    expect(high).toBeGreaterThan(low);
  });
});

describe('okxTierIndex', () => {
  it('rejects a negative notional (freqtrade: "nominal value can not be lower than 0")', () => {
    expect(() => okxTierIndex(eth!, -1)).toThrow(/nominal value can not be lower than 0/);
    expect(okxTierIndex(eth!, 0)).toBeGreaterThanOrEqual(0);
  });
});

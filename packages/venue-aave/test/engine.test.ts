import fc from 'fast-check';
import type { LiquidationOrderV1, PriceTriggersV1, SettlementV1 } from '@firesale/spec';
import { describe, expect, it } from 'vitest';
import { aaveCapabilities, calculateAccountData, createAaveEngine, liquidationCall } from '@firesale/venue-aave';

const aave = createAaveEngine();
const ONE = 10n ** 18n;
const MAX = (1n << 256n) - 1n;

/** A one-collateral, one-debt account in Aave integers (USDX 6 decimals, WETH 18, prices 8 decimals). */
function account(side: 1 | -1, collateral: number, debt: number, wethPrice: number) {
  const weth = { asset: 'WETH', price: BigInt(Math.round(wethPrice * 1e8)), decimals: 18 };
  const usdx = { asset: 'USDX', price: 10n ** 8n, decimals: 6 };
  const wei = (x: number, decimals: number) => (BigInt(Math.round(x * 1e6)) * 10n ** BigInt(decimals)) / 10n ** 6n;
  const c = side === 1 ? weth : usdx;
  const d = side === 1 ? usdx : weth;
  return {
    collateral: [{ ...c, balance: wei(collateral, c.decimals), liquidationThreshold: 8600n }],
    debt: [{ ...d, balance: wei(debt, d.decimals) }],
  };
}

describe('createAaveEngine', () => {
  it('states every capability and lending', () => {
    expect(aave.capabilities).toBe(aaveCapabilities);
    expect(aave.capabilities.lending).toBe(true);
    expect(aave.limits.maxLeverage['WETH']).toBeCloseTo(1 / (1 - 0.825));
  });

  it('puts the liquidation price where the health factor crosses 1, long and short', () => {
    const out: PriceTriggersV1 = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };
    fc.assert(
      fc.property(fc.constantFrom(1 as const, -1 as const), fc.double({ min: 1, max: 500, noNaN: true }), fc.double({ min: 1.5, max: 4, noNaN: true }), (side, size, leverage) => {
        const entry = 1800;
        const margin = (size * entry) / leverage;
        aave.doPriceTriggers({ marketId: 'WETH', side, sizeBase: size, entryPriceQuote: entry, marginQuote: margin }, out);
        const p = out.liquidationPriceQuote;
        const hf = (price: number) => {
          const collateral = side === 1 ? size : size * entry + margin;
          const debt = side === 1 ? size * entry - margin : size;
          return calculateAccountData(account(side, collateral, debt, price)).healthFactor;
        };
        const worse = side === 1 ? p * 0.999 : p * 1.001;
        const better = side === 1 ? p * 1.001 : p * 0.999;
        return hf(worse) < ONE && hf(better) >= ONE;
      }),
    );
  });

  it('closes what liquidationCall seizes under the 50% close factor', () => {
    const order: LiquidationOrderV1 = { closeBase: 0, route: 'market', limitPriceQuote: 0, feeRate: 0, cooldownSeconds: 0 };
    const debt = 159606.185567;
    aave.doLiquidationOrder({ marketId: 'WETH', side: 1, sizeBase: 100, entryPriceQuote: 1800, marginQuote: 180000 - debt, markPriceQuote: 1800, bankruptcyPriceQuote: 0, equityQuote: 0, maintenanceMarginQuote: 0, secondsSinceLastLiquidation: Infinity, insuranceFundQuote: 0 }, order);
    const exact = liquidationCall({ account: account(1, 100, debt, 1800), collateralAsset: 'WETH', debtAsset: 'USDX', debtToCover: MAX, liquidationBonus: 10500n, liquidationProtocolFee: 1000n });
    expect(exact.closeFactorBps).toBe(5000n);
    expect(order.closeBase).toBeCloseTo(Number(exact.collateralSeized) / 1e18, 6);
    expect(order.feeRate).toBeCloseTo(1 - 1 / 1.05, 12);
  });

  it('settles a bankrupt close with the deficit Aave books', () => {
    const out: SettlementV1 = { feeToFundQuote: 0, feeToLiquidatorQuote: 0, returnedToAccountQuote: 0, shortfallQuote: 0 };
    // vectors/lending.json aave-liq-bad-debt-deficit: 1 WETH at 1000 against 1000 USDX.
    aave.doSettle({ side: 1, closedBase: 1, entryPriceQuote: 1000, fillPriceQuote: 1000, marginQuote: 0, feeRate: 1 - 1 / 1.05 }, out);
    const exact = liquidationCall({ account: account(1, 1, 1000, 1000), collateralAsset: 'WETH', debtAsset: 'USDX', debtToCover: MAX, liquidationBonus: 10500n, liquidationProtocolFee: 1000n });
    expect(out.shortfallQuote).toBeCloseTo(Number(exact.deficitCreated) / 1e6, 5);
    expect(out.feeToFundQuote).toBeCloseTo(Number(exact.liquidationProtocolFee) / 1e18 * 1000, 5);
  });

  it('settles in balance', () => {
    const out: SettlementV1 = { feeToFundQuote: 0, feeToLiquidatorQuote: 0, returnedToAccountQuote: 0, shortfallQuote: 0 };
    fc.assert(
      fc.property(
        fc.constantFrom(1 as const, -1 as const),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 0.01, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        (side, closed, entry, fill, margin) => {
          aave.doSettle({ side, closedBase: closed, entryPriceQuote: entry, fillPriceQuote: fill, marginQuote: margin, feeRate: 0.05 }, out);
          const lhs = margin + side * closed * (fill - entry);
          const rhs = out.feeToFundQuote + out.feeToLiquidatorQuote + out.returnedToAccountQuote - out.shortfallQuote;
          return Math.abs(lhs - rhs) <= 1e-9 * Math.max(1, Math.abs(lhs)) && out.shortfallQuote >= 0;
        },
      ),
    );
  });

  it('returns problems as data', () => {
    const p = { marketId: 'WETH', side: 1 as const, sizeBase: 10, entryPriceQuote: 1800, leverage: 3, marginMode: 'cross' as const, collateralAssets: ['WETH'] };
    const codes = (q: Record<string, unknown>) => aave.doValidatePosition({ ...p, ...q }).map((x) => x.code);
    expect(codes({})).toEqual([]);
    expect(codes({ leverage: 6 })).toEqual(['SCENARIO__LEVERAGE_ABOVE_VENUE_MAX']);
    expect(codes({ side: -1, leverage: 5 })).toEqual(['SCENARIO__LEVERAGE_ABOVE_VENUE_MAX']);
    expect(codes({ side: -1, leverage: 4 })).toEqual([]);
    expect(codes({ marketId: 'DOGE' })).toEqual(['SCENARIO__UNKNOWN_TIER']);
    expect(codes({ collateralAssets: ['DOGE'] })).toEqual(['SCENARIO__COLLATERAL_NOT_ACCEPTED']);
    expect(aave.doMaintenanceMargin('WETH', 1000)).toBeCloseTo(140);
  });
});

import fc from 'fast-check';
import type { LiquidationOrderV1, PriceTriggersV1, SettlementV1 } from '@firesale/spec';
import { describe, expect, it } from 'vitest';
import {
  absorbAccount,
  cometUsdcMainnetLaunch,
  compoundCapabilities,
  createCompoundEngine,
  isLiquidatable,
} from '@firesale/venue-compound';

const compound = createCompoundEngine();
const weth = cometUsdcMainnetLaunch.assets.WETH;
const base = { baseSupplyIndex: 10n ** 15n, baseBorrowIndex: 10n ** 15n, basePrice: 10n ** 8n, baseScale: 10n ** 6n };
const factor = (f: number) => BigInt(Math.round(f * 1e4)) * 10n ** 14n;

/** A WETH/USDC account in Comet integers: `sizeBase` WETH, `debt` USDC, WETH at `price`. */
function account(sizeBase: number, debt: number, price: number) {
  return {
    ...base,
    principal: -BigInt(Math.round(debt * 1e6)),
    collateral: [
      {
        asset: 'WETH',
        balance: BigInt(Math.round(sizeBase * 1e6)) * 10n ** 12n,
        price: BigInt(Math.round(price * 1e8)),
        scale: 10n ** 18n,
        liquidateCollateralFactor: factor(weth.liquidateCollateralFactor),
        liquidationFactor: factor(weth.liquidationFactor),
      },
    ],
  };
}

describe('createCompoundEngine', () => {
  it('states every capability and lending', () => {
    expect(compound.capabilities).toBe(compoundCapabilities);
    expect(compound.capabilities.lending).toBe(true);
    expect(compound.limits.maxLeverage['WETH']).toBeCloseTo(1 / (1 - 0.825));
  });

  it('puts the liquidation price where isLiquidatable turns true', () => {
    const out: PriceTriggersV1 = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1000, noNaN: true }), fc.double({ min: 1.2, max: 5.7, noNaN: true }), (size, leverage) => {
        const entry = 3000;
        const margin = (size * entry) / leverage;
        compound.doPriceTriggers({ marketId: 'WETH', side: 1, sizeBase: size, entryPriceQuote: entry, marginQuote: margin }, out);
        const debt = size * entry - margin;
        const p = out.liquidationPriceQuote;
        expect(out.bankruptcyPriceQuote).toBeCloseTo(debt / size, 6);
        return isLiquidatable(account(size, debt, p * 0.999)).isLiquidatable && !isLiquidatable(account(size, debt, p * 1.001)).isLiquidatable;
      }),
    );
  });

  it('absorbs the whole position and settles as absorb credits the account', () => {
    const order: LiquidationOrderV1 = { closeBase: 0, route: 'market', limitPriceQuote: 0, feeRate: 0, cooldownSeconds: 0 };
    const input = { marketId: 'WETH', side: 1 as const, sizeBase: 10, entryPriceQuote: 3000, marginQuote: 5000, markPriceQuote: 2700, bankruptcyPriceQuote: 2500, equityQuote: 2000, maintenanceMarginQuote: 0, secondsSinceLastLiquidation: Infinity, insuranceFundQuote: 0 };
    compound.doLiquidationOrder(input, order);
    expect(order.closeBase).toBe(10);
    expect(order.route).toBe('network');
    expect(order.feeRate).toBeCloseTo(0.05);
    const out: SettlementV1 = { feeToFundQuote: 0, feeToLiquidatorQuote: 0, returnedToAccountQuote: 0, shortfallQuote: 0 };
    compound.doSettle({ side: 1, closedBase: 10, entryPriceQuote: 3000, fillPriceQuote: 2700, marginQuote: 5000, feeRate: order.feeRate }, out);
    const exact = absorbAccount(base, account(10, 25000, 2700));
    expect(out.returnedToAccountQuote).toBeCloseTo(Number(exact.newBalance) / 1e6, 4);
    expect(out.feeToFundQuote).toBeCloseTo(2700 * 10 * 0.05, 6);
  });

  it('settles in balance', () => {
    const out: SettlementV1 = { feeToFundQuote: 0, feeToLiquidatorQuote: 0, returnedToAccountQuote: 0, shortfallQuote: 0 };
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 0.01, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (closed, entry, fill, margin, feeRate) => {
          compound.doSettle({ side: 1, closedBase: closed, entryPriceQuote: entry, fillPriceQuote: fill, marginQuote: margin, feeRate }, out);
          const lhs = margin + closed * (fill - entry);
          const rhs = out.feeToFundQuote + out.feeToLiquidatorQuote + out.returnedToAccountQuote - out.shortfallQuote;
          return Math.abs(lhs - rhs) <= 1e-9 * Math.max(1, Math.abs(lhs)) && out.shortfallQuote >= 0;
        },
      ),
    );
  });

  it('returns problems as data', () => {
    const p = { marketId: 'WETH', side: 1 as const, sizeBase: 10, entryPriceQuote: 3000, leverage: 3, marginMode: 'cross' as const, collateralAssets: ['WETH'] };
    const codes = (q: Record<string, unknown>) => compound.doValidatePosition({ ...p, ...q }).map((x) => x.code);
    expect(codes({})).toEqual([]);
    expect(codes({ leverage: 6 })).toEqual(['SCENARIO__LEVERAGE_ABOVE_VENUE_MAX']);
    expect(codes({ marketId: 'DOGE' })).toEqual(['SCENARIO__UNKNOWN_TIER']);
    expect(codes({ collateralAssets: ['DOGE'] })).toEqual(['SCENARIO__COLLATERAL_NOT_ACCEPTED']);
    expect(codes({ sizeBase: 0.01 })).toEqual(['SCENARIO__SIZE_BELOW_VENUE_MIN']);
    expect(codes({ side: -1 })).toEqual(['SCENARIO__INVALID_FIELD']);
    expect(compound.doMaintenanceMargin('WETH', 1000)).toBeCloseTo(105);
  });
});

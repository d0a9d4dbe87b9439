import fc from 'fast-check';
import type { LiquidationOrderV1, PriceTriggersV1, SettlementV1 } from '@firesale/spec';
import { describe, expect, it } from 'vitest';
import { RAY, WAD, createMakerEngine, isVaultUnsafe, makerCapabilities, makerDssTestParams, spotPriceRay } from '@firesale/venue-maker';

const maker = createMakerEngine();
const triggers: PriceTriggersV1 = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };

function unsafeAt(sizeBase: number, debtDai: number, price: number): boolean {
  const ink = BigInt(Math.round(sizeBase * 1e6)) * 10n ** 12n;
  const art = BigInt(Math.round(debtDai * 1e6)) * 10n ** 12n;
  const priceWad = BigInt(Math.round(price * 1e9)) * 10n ** 9n;
  return isVaultUnsafe(ink, art, RAY, spotPriceRay(priceWad, RAY, makerDssTestParams.ilks.gold.matRay));
}

describe('createMakerEngine', () => {
  it('states every capability and lending', () => {
    expect(maker.specificationVersion).toBe('v1');
    expect(maker.capabilities).toBe(makerCapabilities);
    expect(maker.capabilities.lending).toBe(true);
    expect(maker.limits.maxLeverage['gold']).toBeCloseTo(2);
  });

  it('puts the liquidation price where Dog.bark starts accepting the vault', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1000, noNaN: true }), fc.double({ min: 1.01, max: 1.99, noNaN: true }), (size, leverage) => {
        const entry = 4;
        const margin = (size * entry) / leverage;
        maker.doPriceTriggers({ marketId: 'gold', side: 1, sizeBase: size, entryPriceQuote: entry, marginQuote: margin }, triggers);
        const debt = size * entry - margin;
        const p = triggers.liquidationPriceQuote;
        expect(p).toBeCloseTo((debt * 2) / size, 9);
        expect(triggers.bankruptcyPriceQuote).toBeCloseTo(debt / size, 9);
        return unsafeAt(size, debt, p * 0.999) && !unsafeAt(size, debt, p * 1.001);
      }),
    );
  });

  it('sizes an order under hole and the dust rules', () => {
    const out: LiquidationOrderV1 = { closeBase: 0, route: 'market', limitPriceQuote: 0, feeRate: 0, cooldownSeconds: 0 };
    const base = { marketId: 'gold', side: 1 as const, entryPriceQuote: 4, markPriceQuote: 1.9, bankruptcyPriceQuote: 0, equityQuote: 0, maintenanceMarginQuote: 0, secondsSinceLastLiquidation: Infinity, insuranceFundQuote: 0 };
    // debt 2000 DAI, room 1000 / 1.1: partial.
    maker.doLiquidationOrder({ ...base, sizeBase: 1000, marginQuote: 2000 }, out);
    expect(out.closeBase).toBeCloseTo((1000 * 1000) / 1.1 / 2000, 9);
    expect(out.route).toBe('market');
    // debt 100 DAI: whole vault.
    maker.doLiquidationOrder({ ...base, sizeBase: 40, marginQuote: 60 }, out);
    expect(out.closeBase).toBe(40);
    expect(out.feeRate * out.closeBase * base.markPriceQuote).toBeCloseTo(10, 9);
  });

  it('settles with the penalty to the fund and balances', () => {
    const out: SettlementV1 = { feeToFundQuote: 0, feeToLiquidatorQuote: 0, returnedToAccountQuote: 0, shortfallQuote: 0 };
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0.01, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (closed, entry, fill, margin, feeRate) => {
          maker.doSettle({ side: 1, closedBase: closed, entryPriceQuote: entry, fillPriceQuote: fill, marginQuote: margin, feeRate }, out);
          const lhs = margin + closed * (fill - entry);
          const rhs = out.feeToFundQuote + out.feeToLiquidatorQuote + out.returnedToAccountQuote - out.shortfallQuote;
          return Math.abs(lhs - rhs) <= 1e-9 * Math.max(1, Math.abs(lhs)) && out.shortfallQuote >= 0 && out.feeToFundQuote >= 0;
        },
      ),
    );
  });

  it('returns problems as data', () => {
    const p = { marketId: 'gold', side: 1 as const, sizeBase: 100, entryPriceQuote: 4, leverage: 1.5, marginMode: 'isolated' as const, collateralAssets: ['GOLD'] };
    expect(maker.doValidatePosition(p)).toEqual([]);
    const codes = (q: Partial<typeof p> | Record<string, unknown>) => maker.doValidatePosition({ ...p, ...q }).map((x) => x.code);
    expect(codes({ leverage: 3 })).toEqual(['SCENARIO__LEVERAGE_ABOVE_VENUE_MAX']);
    expect(codes({ marketId: 'ETH-Z' })).toEqual(['SCENARIO__UNKNOWN_TIER']);
    expect(codes({ collateralAssets: ['WBTC'] })).toEqual(['SCENARIO__COLLATERAL_NOT_ACCEPTED']);
    expect(codes({ sizeBase: 1 })).toEqual(['SCENARIO__SIZE_BELOW_VENUE_MIN']);
    expect(codes({ side: -1 })).toEqual(['SCENARIO__INVALID_FIELD']);
    expect(maker.doMaintenanceMargin('gold', 1000)).toBeCloseTo(500);
    expect(WAD).toBe(10n ** 18n);
  });
});

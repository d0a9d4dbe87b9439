import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LiquidationOrderV1, PriceTriggersV1, SettlementV1, VenueProblemV1 } from '@firesale/spec';
import {
  createDydxEngine,
  dydxCapabilities,
  dydxLiquidationsConfigDefault,
  dydxLiquidityTiers,
  fillablePrice,
  insuranceFundDeltaQuoteQuantums,
  isLiquidatable,
  liquidatablePositionSizeDelta,
  subaccountRisk,
  type LiquidityTier,
  type PerpetualMarket,
} from '@firesale/venue-dydx';

const tier3: LiquidityTier = {
  id: 3,
  name: 'test 20% / 50%',
  initialMarginPpm: 200_000,
  maintenanceFractionPpm: 500_000,
  openInterestLowerCapQuoteQuantums: 0n,
  openInterestUpperCapQuoteQuantums: 0n,
};

function btc(priceUsd: bigint, tier: LiquidityTier = tier3): PerpetualMarket {
  // Test constants: BTC atomic resolution -8, price exponent -5.
  return { perpetualId: 0, atomicResolution: -8, marketPrice: { price: priceUsd * 100_000n, exponent: -5 }, liquidityTier: tier, openInterestBaseQuantums: 0n };
}

function newOrder(): LiquidationOrderV1 {
  return { closeBase: NaN, route: 'market', limitPriceQuote: NaN, feeRate: NaN, cooldownSeconds: NaN };
}

function newSettlement(): SettlementV1 {
  return { feeToFundQuote: NaN, feeToLiquidatorQuote: NaN, returnedToAccountQuote: NaN, shortfallQuote: NaN };
}

const testEngine = createDydxEngine({
  liquidityTiers: [tier3],
  markets: { 'BTC-USD': { liquidityTierId: 3, stepSizeBase: 5e-8 } },
  liquidationsConfig: dydxLiquidationsConfigDefault,
});

describe('createDydxEngine', () => {
  it('states every capability and its limits', () => {
    const engine = createDydxEngine();
    expect(engine.specificationVersion).toBe('v1');
    expect(engine.venueId).toBe('dydx');
    expect(engine.capabilities).toEqual(dydxCapabilities);
    expect(engine.limits.maxLeverage['BTC-USD']).toBe(50);
    expect(engine.limits.maxLeverage['SOL-USD']).toBe(10);
    expect(engine.limits.collateralAssets).toEqual(['USDC']);
  });

  it('maintenance margin is notional x IMF x maintenance fraction of the market tier', () => {
    const engine = createDydxEngine();
    expect(engine.doMaintenanceMargin('BTC-USD', 1_000_000)).toBeCloseTo(12_000, 6);
    expect(engine.doMaintenanceMargin('LINK-USD', 1_000_000)).toBeCloseTo(50_000, 6);
    expect(engine.doMaintenanceMargin('btc-perp', 1_000_000)).toBeCloseTo(12_000, 6);
    expect(() => engine.doMaintenanceMargin('NOPE', 1)).toThrow(/unknown market NOPE/);
  });

  it('reports limit problems as data', () => {
    const engine = createDydxEngine();
    const base = { marketId: 'BTC-USD', side: 1 as const, sizeBase: 1, entryPriceQuote: 50_000, leverage: 10, marginMode: 'cross' as const, collateralAssets: ['USDC'] };
    expect(engine.doValidatePosition(base)).toEqual([]);
    const problems = (p: Partial<typeof base>): readonly VenueProblemV1[] => engine.doValidatePosition({ ...base, ...p });
    expect(problems({ leverage: 60 })).toEqual([
      { code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', field: 'leverage', value: 60, context: { max: 50, venue: 'dydx' } },
    ]);
    expect(problems({ sizeBase: 0.00001 })).toEqual([
      { code: 'SCENARIO__SIZE_BELOW_VENUE_MIN', field: 'sizeBase', value: 0.00001, context: { min: 0.0001, venue: 'dydx' } },
    ]);
    expect(problems({ collateralAssets: ['USDC', 'ETH'] })).toEqual([
      { code: 'SCENARIO__COLLATERAL_NOT_ACCEPTED', field: 'collateralAssets', value: 'ETH', context: { venue: 'dydx', accepted: 'USDC' } },
    ]);
    const unknown = problems({ marketId: 'XYZ-USD' });
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.code).toBe('SCENARIO__UNKNOWN_TIER');
    expect(unknown[0]!.field).toBe('marketId');
    expect(unknown[0]!.context.venue).toBe('dydx');
    expect(String(unknown[0]!.context.known)).toContain('BTC-USD');
  });

  it('lowers the leverage cap with the open-interest-adjusted IMF', () => {
    // Small-Cap: 10% IMF, OIMF from 20M to 50M USDC; at 35M open interest IMF = 10% + 90% * 0.5 = 55%.
    const engine = createDydxEngine({ markets: { 'SOL-USD': { liquidityTierId: 1, openInterestQuote: 35_000_000 } } });
    const problems = engine.doValidatePosition({ marketId: 'SOL-USD', side: 1, sizeBase: 10, entryPriceQuote: 100, leverage: 2, marginMode: 'cross', collateralAssets: ['USDC'] });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.context.max).toBeCloseTo(1 / 0.55, 9);
  });

  it('doPriceTriggers: the liquidation price is where the integer subaccount turns liquidatable', () => {
    const engine = createDydxEngine();
    const largeCap = dydxLiquidityTiers[0]!;
    const out: PriceTriggersV1 = { liquidationPriceQuote: NaN, bankruptcyPriceQuote: NaN };
    for (const [side, quantums, usdc] of [
      [1, 100_000_000n, -45_000_000_000n],
      [-1, -100_000_000n, 55_000_000_000n],
    ] as const) {
      // 1 BTC opened at 50,000 with 5,000 USDC of margin: USDC = -45,000 (long) or +55,000 (short).
      engine.doPriceTriggers({ marketId: 'BTC-USD', side, sizeBase: 1, entryPriceQuote: 50_000, marginQuote: 5_000 }, out);
      const liq = out.liquidationPriceQuote;
      const subaccount = { usdcQuoteQuantums: usdc, perpetualPositions: [{ perpetualId: 0, quantums }] };
      const at = (usd: number) => subaccountRisk(subaccount, [{ ...btc(0n, largeCap), marketPrice: { price: BigInt(Math.round(usd * 1e5)), exponent: -5 } }]);
      // One cent on the safe side is healthy, one cent past the trigger is liquidatable.
      expect(isLiquidatable(at(liq + side * 0.01))).toBe(false);
      expect(isLiquidatable(at(liq - side * 0.01))).toBe(true);
      expect(out.bankruptcyPriceQuote).toBeCloseTo(50_000 - side * 5_000, 9);
    }
  });

  it('doLiquidationOrder: the limit price is the fillable price', () => {
    // Vector dydx-fillable-long-slightly-below-mmr: 0.1 BTC long, USDC -4501, oracle 50,000 -> 49,999.
    const subaccount = { usdcQuoteQuantums: -4_501_000_000n, perpetualPositions: [{ perpetualId: 0, quantums: 10_000_000n }] };
    const exact = fillablePrice(subaccount, [btc(50_000n)], 0, -10_000_000n, dydxLiquidationsConfigDefault.fillablePriceConfig);
    const exactUsd = (Number(exact.num) / Number(exact.den)) * 100; // 10^(-ar-6) = 100
    const out = newOrder();
    testEngine.doLiquidationOrder(
      { marketId: 'BTC-USD', side: 1, sizeBase: 0.1, entryPriceQuote: 50_000, marginQuote: -4_501 + 0, markPriceQuote: 50_000, bankruptcyPriceQuote: 45_010, equityQuote: 499, maintenanceMarginQuote: 500, secondsSinceLastLiquidation: Infinity, insuranceFundQuote: 1e6 },
      out,
    );
    expect(exactUsd).toBe(49_999);
    expect(out.limitPriceQuote).toBeCloseTo(exactUsd, 6);
    expect(out.route).toBe('market');
    expect(out.feeRate).toBe(0.005);
    expect(out.closeBase).toBeCloseTo(0.1, 12);
  });

  it('doLiquidationOrder: rounds the limit to the tick away from the trader (sell up, buy down)', () => {
    const engine = createDydxEngine({ liquidationsConfig: dydxLiquidationsConfigDefault });
    const out = newOrder();
    const input = { marketId: 'BTC-USD', side: 1 as const, sizeBase: 0.1, entryPriceQuote: 50_000, marginQuote: 100, markPriceQuote: 50_000.3, bankruptcyPriceQuote: 49_000, equityQuote: 50, maintenanceMarginQuote: 60, secondsSinceLastLiquidation: Infinity, insuranceFundQuote: 0 };
    engine.doLiquidationOrder(input, out);
    expect(Number.isInteger(out.limitPriceQuote)).toBe(true);
    expect(out.limitPriceQuote).toBeLessThan(50_000.3);
    engine.doLiquidationOrder({ ...input, side: -1 }, out);
    expect(Number.isInteger(out.limitPriceQuote)).toBe(true);
    expect(out.limitPriceQuote).toBeGreaterThan(50_000.3);
  });

  it('doLiquidationOrder: closes what the per-block position and subaccount limits allow', () => {
    const cases = [
      // [portion ppm, subaccount max notional quote quantums, expected delta] from the block_limits vectors.
      [500_000, 18_446_744_073_709_551_615n, -5_000_000n],
      [500_000, 2_000_000_000n, -4_000_000n],
    ] as const;
    for (const [portionPpm, maxNotional, expected] of cases) {
      const config = {
        ...dydxLiquidationsConfigDefault,
        positionBlockLimits: { minPositionNotionalLiquidated: 1_000n, maxPositionPortionLiquidatedPpm: portionPpm },
        subaccountBlockLimits: { maxNotionalLiquidated: maxNotional, maxQuantumsInsuranceLost: maxNotional },
      };
      const exact = liquidatablePositionSizeDelta(btc(50_000n), 10_000_000n, 5n, config.positionBlockLimits, config.subaccountBlockLimits);
      expect(exact).toBe(expected);
      const engine = createDydxEngine({ liquidityTiers: [tier3], markets: { 'BTC-USD': { liquidityTierId: 3, stepSizeBase: 5e-8 } }, liquidationsConfig: config });
      const out = newOrder();
      engine.doLiquidationOrder(
        { marketId: 'BTC-USD', side: 1, sizeBase: 0.1, entryPriceQuote: 50_000, marginQuote: 400, markPriceQuote: 50_000, bankruptcyPriceQuote: 46_000, equityQuote: 400, maintenanceMarginQuote: 500, secondsSinceLastLiquidation: Infinity, insuranceFundQuote: 0 },
        out,
      );
      expect(out.closeBase).toBeCloseTo(-Number(expected) * 1e-8, 12);
    }
  });

  it('doLiquidationOrder: one liquidation per position per block', () => {
    const engine = createDydxEngine({ blockTimeSeconds: 1.5 });
    const out = newOrder();
    const input = { marketId: 'BTC-USD', side: 1 as const, sizeBase: 10, entryPriceQuote: 50_000, marginQuote: 5_000, markPriceQuote: 49_000, bankruptcyPriceQuote: 49_500, equityQuote: -5_000, maintenanceMarginQuote: 5_880, secondsSinceLastLiquidation: 1, insuranceFundQuote: 0 };
    engine.doLiquidationOrder(input, out);
    expect(out.closeBase).toBe(0);
    expect(out.cooldownSeconds).toBe(1.5);
    engine.doLiquidationOrder({ ...input, secondsSinceLastLiquidation: 2 }, out);
    // Genesis limits: 10% of 490,000 USDC notional is 49,000 USDC, i.e. 1 BTC.
    expect(out.closeBase).toBeCloseTo(1, 9);
  });

  it('doSettle follows the insurance fund delta of the integer rule', () => {
    // Vector cases dydx-insurance-*: one 0.1 BTC position; margin = TNC at the oracle, entry = oracle.
    const cases = [
      { usdc: -5_100_000_000n, q: 10_000_000n, isBuy: false, subticks: 56_100_000_000n, feePpm: 5_000 },
      { usdc: -5_100_000_000n, q: 10_000_000n, isBuy: false, subticks: 56_100_000_000n, feePpm: 1_000_000 },
      { usdc: 4_900_000_000n, q: -10_000_000n, isBuy: true, subticks: 44_100_000_000n, feePpm: 5_000 },
      { usdc: -5_100_000_000n, q: 10_000_000n, isBuy: false, subticks: 50_490_000_000n, feePpm: 5_000 },
    ];
    for (const c of cases) {
      const subaccount = { usdcQuoteQuantums: c.usdc, perpetualPositions: [{ perpetualId: 0, quantums: c.q }] };
      const exact = insuranceFundDeltaQuoteQuantums(subaccount, [btc(50_000n)], { perpetualId: 0, isBuy: c.isBuy, fillAmountBaseQuantums: 10_000_000n, subticks: c.subticks, quantumConversionExponent: -8 }, c.feePpm);
      const tnc = Number(subaccountRisk(subaccount, [btc(50_000n)]).nc) / 1e6;
      const out = newSettlement();
      const fillPrice = Number(c.subticks) * 1e-8 * 100; // subticks * 10^qce quote quantums per base quantum -> USD per BTC
      testEngine.doSettle({ side: c.q > 0n ? 1 : -1, closedBase: 0.1, entryPriceQuote: 50_000, fillPriceQuote: fillPrice, marginQuote: tnc, feeRate: c.feePpm / 1e6 }, out);
      expect(out.feeToFundQuote - out.shortfallQuote).toBeCloseTo(Number(exact) / 1e6, 6);
      expect(out.feeToLiquidatorQuote).toBe(0);
    }
  });

  it('doSettle balances: margin + pnl = fees + returned - shortfall', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1 as const, -1 as const),
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 100_000, noNaN: true }),
        fc.double({ min: 0.5, max: 1.5, noNaN: true }),
        fc.double({ min: -1_000, max: 100_000, noNaN: true }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        (side, closedBase, entry, move, margin, feeRate) => {
          const out = newSettlement();
          const fill = entry * move;
          testEngine.doSettle({ side, closedBase, entryPriceQuote: entry, fillPriceQuote: fill, marginQuote: margin, feeRate }, out);
          const lhs = margin + side * closedBase * (fill - entry);
          const rhs = out.feeToFundQuote + out.feeToLiquidatorQuote + out.returnedToAccountQuote - out.shortfallQuote;
          expect(rhs).toBeCloseTo(lhs, 6);
          expect(out.shortfallQuote).toBeGreaterThanOrEqual(0);
          expect(out.feeToFundQuote).toBeLessThanOrEqual(feeRate * closedBase * fill + 1e-9);
        },
      ),
    );
  });

  it('doAdlScore: no ranking; candidates that would fail the collateral check come last', () => {
    expect(testEngine.doAdlScore({ side: -1, sizeBase: 1, entryPriceQuote: 50_000, marginQuote: 5_000, markPriceQuote: 45_000 })).toBe(1);
    expect(testEngine.doAdlScore({ side: -1, sizeBase: 1, entryPriceQuote: 40_000, marginQuote: 5_000, markPriceQuote: 50_000 })).toBe(-Infinity);
  });
});

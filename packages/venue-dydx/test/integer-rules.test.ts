import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baseToQuoteQuantums,
  bankruptcyPriceQuoteQuantums,
  fillablePriceToSubticks,
  formatScaledInteger,
  formatScaledRational,
  insuranceFundDeltaQuoteQuantums,
  isValidUndercollateralizedTransition,
  liquidatablePositionSizeDelta,
  offsetSubaccountPerpetualPosition,
  processDeleveraging,
  quoteToBaseQuantums,
  rat,
  subaccountMaxNotionalLiquidatable,
  subaccountRisk,
  validateFillAgainstSubaccountBlockLimits,
  VenueRuleError,
  type LiquidityTier,
  type PerpetualMarket,
  type Subaccount,
} from '@firesale/venue-dydx';

const tier: LiquidityTier = {
  id: 3,
  name: 'test',
  initialMarginPpm: 200_000,
  maintenanceFractionPpm: 500_000,
  openInterestLowerCapQuoteQuantums: 0n,
  openInterestUpperCapQuoteQuantums: 0n,
};
const btc: PerpetualMarket = { perpetualId: 0, atomicResolution: -8, marketPrice: { price: 5_000_000_000n, exponent: -5 }, liquidityTier: tier, openInterestBaseQuantums: 0n };
const eth: PerpetualMarket = { perpetualId: 1, atomicResolution: -9, marketPrice: { price: 3_000_000_000n, exponent: -6 }, liquidityTier: tier, openInterestBaseQuantums: 0n };
const perpetuals = [btc, eth];

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof VenueRuleError) return error.panic ? `panic:${error.reason}` : error.reason;
    throw error;
  }
  return 'no error';
}

describe('quantum conversions', () => {
  it('truncate toward zero both ways', () => {
    const price = { price: 4_999_999_937n, exponent: -5 };
    // 3e-8 BTC at 49,999.99937 USD is 1,499.9999811 quote quantums.
    expect(baseToQuoteQuantums(-3n, -8, price)).toBe(-1_499n);
    expect(baseToQuoteQuantums(3n, -8, price)).toBe(1_499n);
    expect(quoteToBaseQuantums(-7_000n, -8, btc.marketPrice)).toBe(-14n);
    expect(quoteToBaseQuantums(7_001n, -8, btc.marketPrice)).toBe(14n);
    expect(baseToQuoteQuantums(7_000n, -4, { price: 55_550n, exponent: -1 })).toBe(3_888_500_000n);
  });
});

describe('decimal formatting', () => {
  it('writes exact decimals without trailing zeros', () => {
    expect(formatScaledInteger(-10n, -8)).toBe('-0.0000001');
    expect(formatScaledInteger(49_499_100_000n, -6)).toBe('49499.1');
    expect(formatScaledInteger(0n, -6)).toBe('0');
    expect(formatScaledRational(rat(372n, 125n), 3)).toBe('2976');
    expect(formatScaledRational(rat(1n, 3n), 0)).toBe('0.333333333333333333');
    expect(formatScaledRational(rat(-2n, 3n), 0)).toBe('-0.666666666666666667');
  });
});

describe('fillable price to subticks', () => {
  const pair = { quantumConversionExponent: -8, subticksPerTick: 5n };
  it('rounds sells up and buys down to the tick', () => {
    // 49999/100 quote quantums per base quantum / 10^-8 = 49_999_000_000 subticks.
    expect(fillablePriceToSubticks(rat(499_991n, 1_000n), true, pair)).toBe(49_999_100_000n);
    // 0.4999900000001 / 10^-8 = 49_999_000.00001 subticks: up to 49_999_001, then to the tick of 5.
    expect(fillablePriceToSubticks(rat(4_999_900_000_001n, 10_000_000_000_000n), true, pair)).toBe(49_999_005n);
    expect(fillablePriceToSubticks(rat(4_999_900_000_009n, 10_000_000_000_000n), false, pair)).toBe(49_999_000n);
  });
  it('clamps to [subticksPerTick, maxUint64 rounded down to the tick]', () => {
    expect(fillablePriceToSubticks(rat(0n), false, pair)).toBe(5n);
    const max = (1n << 64n) - 1n;
    expect(fillablePriceToSubticks(rat(max * 10n), true, { quantumConversionExponent: 0, subticksPerTick: 7n })).toBe(max - (max % 7n));
  });
  it('panics on a negative price', () => {
    expect(reason(() => fillablePriceToSubticks(rat(-1n), true, pair))).toBe('panic:ConvertFillablePriceToSubticks: FillablePrice should not be negative');
  });
});

describe('bankruptcy price', () => {
  it('rejects deltas that do not close the position', () => {
    const s: Subaccount = { usdcQuoteQuantums: -4_501_000_000n, perpetualPositions: [{ perpetualId: 0, quantums: 10_000_000n }] };
    expect(reason(() => bankruptcyPriceQuoteQuantums(s, perpetuals, 0, 1n))).toBe('ErrInvalidPerpetualPositionSizeDelta');
    expect(reason(() => bankruptcyPriceQuoteQuantums(s, perpetuals, 0, -10_000_001n))).toBe('ErrInvalidPerpetualPositionSizeDelta');
    expect(reason(() => bankruptcyPriceQuoteQuantums(s, perpetuals, 1, -1n))).toBe('ErrInvalidPerpetualPositionSizeDelta');
  });

  it('closing at the bankruptcy price never lowers TNC/TMMR (it rounds in the fund\'s favour)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10_000_000_000n }),
        fc.boolean(),
        fc.bigInt({ min: -100_000_000_000n, max: 100_000_000_000n }),
        fc.bigInt({ min: 1n, max: 1_000_000_000_000n }),
        fc.bigInt({ min: 1n, max: 10_000n }),
        (size, long, usdc, ethSize, fractionBps) => {
          const q = long ? size : -size;
          const s: Subaccount = { usdcQuoteQuantums: usdc, perpetualPositions: [{ perpetualId: 0, quantums: q }, { perpetualId: 1, quantums: ethSize }] };
          const closeAbs = (size * fractionBps + 9_999n) / 10_000n;
          const delta = long ? -closeAbs : closeAbs;
          const before = subaccountRisk(s, perpetuals);
          const b = bankruptcyPriceQuoteQuantums(s, perpetuals, 0, delta);
          const after = subaccountRisk(
            { usdcQuoteQuantums: usdc + b, perpetualPositions: [{ perpetualId: 0, quantums: q + delta }, { perpetualId: 1, quantums: ethSize }] },
            perpetuals,
          );
          expect(after.mmr <= before.mmr).toBe(true);
          // TNC'/TMMR' >= TNC/TMMR by cross-multiplication.
          expect(after.nc * before.mmr >= before.nc * after.mmr).toBe(true);
          expect(isValidUndercollateralizedTransition(before, after)).toBe(after.mmr > 0n || after.nc > before.nc);
        },
      ),
    );
  });
});

describe('insurance fund delta', () => {
  it('refuses a zero fill and a fill on the wrong side', () => {
    const s: Subaccount = { usdcQuoteQuantums: -5_100_000_000n, perpetualPositions: [{ perpetualId: 0, quantums: 10_000_000n }] };
    const fill = { perpetualId: 0, isBuy: false, fillAmountBaseQuantums: 0n, subticks: 1n, quantumConversionExponent: -8 };
    expect(reason(() => insuranceFundDeltaQuoteQuantums(s, perpetuals, fill, 5_000))).toBe('ErrInvalidQuantumsForInsuranceFundDeltaCalculation');
    expect(reason(() => insuranceFundDeltaQuoteQuantums(s, perpetuals, { ...fill, isBuy: true, fillAmountBaseQuantums: 1n }, 5_000))).toBe('ErrInvalidPerpetualPositionSizeDelta');
  });
});

describe('block limits', () => {
  const limits = { maxNotionalLiquidated: 150n, maxQuantumsInsuranceLost: 150n };
  it('refuses a perpetual already liquidated this block, and panics past the limit', () => {
    expect(reason(() => subaccountMaxNotionalLiquidatable({ perpetualsLiquidated: [0], notionalLiquidated: 0n, quantumsInsuranceLost: 0n }, 0, limits))).toBe('ErrSubaccountHasLiquidatedPerpetual');
    expect(reason(() => subaccountMaxNotionalLiquidatable({ perpetualsLiquidated: [], notionalLiquidated: 151n, quantumsInsuranceLost: 0n }, 0, limits))).toBe('panic:ErrLiquidationExceedsSubaccountMaxNotionalLiquidated');
  });
  it('liquidates a short by a positive delta, and the whole of a position at or below one step', () => {
    const pos = { minPositionNotionalLiquidated: 1n, maxPositionPortionLiquidatedPpm: 100_000 };
    const sub = { maxNotionalLiquidated: 1n << 60n, maxQuantumsInsuranceLost: 1n << 60n };
    expect(liquidatablePositionSizeDelta(btc, -140n, 5n, pos, sub)).toBe(10n);
    expect(liquidatablePositionSizeDelta(btc, -5n, 5n, pos, sub)).toBe(5n);
    expect(reason(() => liquidatablePositionSizeDelta(btc, 0n, 5n, pos, sub))).toBe('ErrNoPerpetualPositionsToLiquidate');
  });
  it('rejects fills beyond the notional or insurance budget', () => {
    // 1 BTC base quantum at 50,000 is 500 quote quantums.
    expect(reason(() => validateFillAgainstSubaccountBlockLimits(btc, 1n, 0n, limits))).toBe('ErrLiquidationExceedsSubaccountMaxNotionalLiquidated');
    expect(reason(() => validateFillAgainstSubaccountBlockLimits(btc, 0n, -151n, limits))).toBe('ErrLiquidationExceedsSubaccountMaxInsuranceLost');
    expect(reason(() => validateFillAgainstSubaccountBlockLimits(btc, 0n, -150n, limits))).toBe('no error');
  });
});

describe('deleveraging', () => {
  const liquidated: Subaccount = { usdcQuoteQuantums: 54_999_000_000n, perpetualPositions: [{ perpetualId: 0, quantums: -100_000_000n }] };
  it('rejects a delta on the wrong side of the offsetting position', () => {
    const sameSide: Subaccount = { usdcQuoteQuantums: 50_000_000_000n, perpetualPositions: [{ perpetualId: 0, quantums: -100_000_000n }] };
    expect(reason(() => processDeleveraging(liquidated, sameSide, perpetuals, 0, 100_000_000n))).toBe('ErrInvalidPerpetualPositionSizeDelta');
  });
  it('walks candidates from the start index, skipping those that fail the collateral check', () => {
    const failing: Subaccount = { usdcQuoteQuantums: -50_001_000_000n, perpetualPositions: [{ perpetualId: 0, quantums: 100_000_000n }] };
    const small: Subaccount = { usdcQuoteQuantums: 50_000_000_000n, perpetualPositions: [{ perpetualId: 0, quantums: 30_000_000n }] };
    const big: Subaccount = { usdcQuoteQuantums: 50_000_000_000n, perpetualPositions: [{ perpetualId: 0, quantums: 100_000_000n }] };
    const sameSide: Subaccount = { usdcQuoteQuantums: 50_000_000_000n, perpetualPositions: [{ perpetualId: 0, quantums: -1n }] };
    // At TNC = 0 the liquidated short's bankruptcy price is the oracle price, which the TNC < 0 candidate cannot take.
    const bankrupt: Subaccount = { usdcQuoteQuantums: 50_000_000_000n, perpetualPositions: [{ perpetualId: 0, quantums: -100_000_000n }] };
    const r = offsetSubaccountPerpetualPosition(bankrupt, [big, failing, sameSide, small], perpetuals, 0, 100_000_000n, 1);
    expect(r.fills.map((f) => [f.offsettingIndex, f.deltaQuantums])).toEqual([
      [3, 30_000_000n],
      [0, 70_000_000n],
    ]);
    expect(r.remainingQuantums).toBe(0n);
    expect(r.liquidatedAfter.perpetualPositions).toEqual([]);
    // USDC is conserved between the two sides.
    const total = (xs: readonly Subaccount[]) => xs.reduce((acc, s) => acc + s.usdcQuoteQuantums, 0n);
    expect(r.liquidatedAfter.usdcQuoteQuantums + total(r.candidatesAfter)).toBe(bankrupt.usdcQuoteQuantums + total([big, failing, sameSide, small]));
    expect(r.candidatesAfter[1]).toBe(failing);
  });
  it('each match sees the open interest the matches before it left (OI-adjusted initial margin)', () => {
    // IMF 20% up to 1e11 quote quantums of OI (2 BTC at 50,000), 100% from 2e11. OI starts at 4 BTC; the short
    // is offset against A (long 1) then B (long 2 BTC, -50,000 USDC). Checked at 4 - 1 = 3 BTC of OI, B's 60% IMF
    // refuses it; at the 2 BTC left after its own match, 20%: B keeps TNC 20,000 against IMR 10,000.
    const oimf: LiquidityTier = { ...tier, openInterestLowerCapQuoteQuantums: 100_000_000_000n, openInterestUpperCapQuoteQuantums: 200_000_000_000n };
    const market: PerpetualMarket = { ...btc, liquidityTier: oimf, openInterestBaseQuantums: 400_000_000n };
    const short: Subaccount = { usdcQuoteQuantums: 40_000_000_000n, perpetualPositions: [{ perpetualId: 0, quantums: -200_000_000n }] };
    const a: Subaccount = { usdcQuoteQuantums: 0n, perpetualPositions: [{ perpetualId: 0, quantums: 100_000_000n }] };
    const b: Subaccount = { usdcQuoteQuantums: -50_000_000_000n, perpetualPositions: [{ perpetualId: 0, quantums: 200_000_000n }] };
    const r = offsetSubaccountPerpetualPosition(short, [a, b], [market], 0, 200_000_000n, 0);
    expect(r.fills.map((f) => [f.offsettingIndex, f.deltaQuantums])).toEqual([
      [0, 100_000_000n],
      [1, 100_000_000n],
    ]);
    expect(r.remainingQuantums).toBe(0n);
    expect(r.perpetualsAfter[0]!.openInterestBaseQuantums).toBe(200_000_000n);
  });

  it('uses the oracle price in final settlement when TNC >= 0', () => {
    const offsetting: Subaccount = { usdcQuoteQuantums: 50_000_000_000n, perpetualPositions: [{ perpetualId: 0, quantums: 100_000_000n }] };
    const r = processDeleveraging(liquidated, offsetting, perpetuals, 0, 100_000_000n, { finalSettlement: true });
    expect(r.quoteQuantumsToLiquidated).toBe(-50_000_000_000n);
  });
});

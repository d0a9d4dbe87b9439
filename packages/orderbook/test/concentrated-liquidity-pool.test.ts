import { describe, expect, it } from 'vitest';
import { createConcentratedLiquidityPool, createConstantProductPool, createFill } from '@firesale/orderbook';

// Closed forms of the Uniswap v3 whitepaper §6.2.3, within one range of liquidity L:
//   selling Δx base: √P' = L√P / (L + Δx√P), quote out L(√P - √P');
//   buying Δx base:  √P' = L√P / (L - Δx√P), quote in L(√P' - √P).
const sellSqrt = (l: number, s: number, dx: number): number => (l * s) / (l + dx * s);
const buySqrt = (l: number, s: number, dx: number): number => (l * s) / (l - dx * s);

describe('createConcentratedLiquidityPool', () => {
  const L = 10_000;
  const single = { initialPriceQuote: 100, ranges: [{ lowerPriceQuote: 64, upperPriceQuote: 144, liquidity: L }] };

  it('a swap within one range matches the closed form', () => {
    const model = createConcentratedLiquidityPool(single);
    expect(model.modelId).toBe('concentrated-liquidity');
    expect(model.initialMidPriceQuote).toBe(100);
    expect(model.capabilities).toMatchObject({ automatedMarketMaker: true, resilience: false });
    const pool = model.doCreate();
    const fill = createFill();
    pool.quote('sell', 50, fill);
    const after = sellSqrt(L, 10, 50);
    expect(fill.filledBase).toBe(50);
    expect(fill.exhausted).toBe(false);
    expect(fill.priceAfterQuote).toBeCloseTo(after * after, 10);
    expect(fill.amountQuote).toBeCloseTo(L * (10 - after), 8);
    // within one range the average is the geometric mean of the prices before and after: P·P' = (√P·√P')²
    expect(fill.averagePriceQuote).toBeCloseTo(10 * after, 10);
    pool.doExecute('buy', 30, 0, fill);
    const up = buySqrt(L, 10, 30);
    expect(fill.priceAfterQuote).toBeCloseTo(up * up, 10);
    expect(fill.amountQuote).toBeCloseTo(L * (up - 10), 8);
    expect(pool.midPriceQuote()).toBeCloseTo(up * up, 10);
  });

  it('inside its range it trades exactly like a constant-product pool with the virtual reserves', () => {
    // virtual reserves at P = 100: x = L/√P = 1000, y = L√P = 100,000
    const cl = createConcentratedLiquidityPool({ ...single, feeRate: 0.003 }).doCreate();
    const cp = createConstantProductPool({ baseReserve: 1000, quoteReserve: 100_000, feeRate: 0.003 }).doCreate();
    const a = createFill();
    const b = createFill();
    for (const [side, size] of [['sell', 40], ['buy', 25], ['sell', 5]] as const) {
      cl.doExecute(side, size, 0, a);
      cp.doExecute(side, size, 0, b);
      expect(a.priceAfterQuote).toBeCloseTo(b.priceAfterQuote, 9);
      expect(a.amountQuote).toBeCloseTo(b.amountQuote, 7);
      expect(a.averagePriceQuote).toBeCloseTo(b.averagePriceQuote, 9);
    }
  });

  it('a swap crosses ranges, sums overlapping ones and jumps gaps without liquidity', () => {
    // [81, 121] L=1000 overlapping [90.25, 110.25] L=3000; a gap from 64 to 81; [49, 64] L=2000.
    const pool = createConcentratedLiquidityPool({
      initialPriceQuote: 100,
      ranges: [
        { lowerPriceQuote: 81, upperPriceQuote: 121, liquidity: 1000 },
        { lowerPriceQuote: 90.25, upperPriceQuote: 110.25, liquidity: 3000 },
        { lowerPriceQuote: 49, upperPriceQuote: 64, liquidity: 2000 },
      ],
    }).doCreate();
    const fill = createFill();
    // 100 -> 90.25 with L = 4000, then 90.25 -> 81 with L = 1000
    const toInner = 4000 * (1 / 9.5 - 1 / 10);
    const toOuter = 1000 * (1 / 9 - 1 / 9.5);
    expect(pool.depthToPriceBase('sell', 90.25)).toBeCloseTo(toInner, 10);
    expect(pool.depthToPriceBase('sell', 81)).toBeCloseTo(toInner + toOuter, 10);
    // Through the gap the depth does not grow until the next range.
    expect(pool.depthToPriceBase('sell', 70)).toBeCloseTo(toInner + toOuter, 10);
    const extra = 5;
    pool.quote('sell', toInner + toOuter + extra, fill);
    const s = sellSqrt(2000, 8, extra);
    expect(fill.priceAfterQuote).toBeCloseTo(s * s, 9);
    const quote = 4000 * (10 - 9.5) + 1000 * (9.5 - 9) + 2000 * (8 - s);
    expect(fill.amountQuote).toBeCloseTo(quote, 7);
    expect(fill.exhausted).toBe(false);
    // Selling exactly to the end of a range stops there; the next sell jumps the gap.
    pool.doExecute('sell', toInner + toOuter, 0, fill);
    expect(pool.midPriceQuote()).toBeCloseTo(81, 9);
    pool.doExecute('sell', 1e-9, 1, fill);
    expect(pool.midPriceQuote()).toBeCloseTo(64, 6);
    // Buying back walks up through the gap and both ranges.
    pool.doExecute('buy', 1000 * (1 / 9 - 1 / 9.5) + 4000 * (1 / 9.5 - 1 / 10.5), 2, fill);
    expect(fill.exhausted).toBe(false);
    expect(pool.midPriceQuote()).toBeCloseTo(110.25, 6);
  });

  it('running out of liquidity fills what the pool holds, says so, and leaves the price at the last range', () => {
    const pool = createConcentratedLiquidityPool({ ...single, feeRate: 0.01 }).doCreate();
    const fill = createFill();
    const available = L * (1 / 8 - 1 / 10); // base the curve can take down to 64
    expect(pool.depthToPriceBase('sell', 1)).toBeCloseTo(available / 0.99, 9);
    pool.doExecute('sell', 1000, 0, fill);
    expect(fill.exhausted).toBe(true);
    expect(fill.filledBase).toBeCloseTo(available / 0.99, 9);
    expect(fill.amountQuote).toBeCloseTo(L * (10 - 8), 7);
    expect(fill.priceAfterQuote).toBeCloseTo(64, 9);
    pool.quote('sell', 1, fill);
    expect(fill).toMatchObject({ filledBase: 0, amountQuote: 0, exhausted: true });
    expect(fill.priceAfterQuote).toBeCloseTo(64, 9);
    const buy = createFill();
    pool.quote('buy', 1e6, buy);
    expect(buy.exhausted).toBe(true);
    expect(buy.filledBase).toBeCloseTo(L * (1 / 8 - 1 / 12), 9);
    expect(buy.priceAfterQuote).toBeCloseTo(144, 9);
    expect(buy.amountQuote).toBeCloseTo((L * (12 - 8)) / 0.99, 6);
  });

  it('follows the reference price anywhere, scales liquidity with the depth multiplier, and has no resilience', () => {
    const pool = createConcentratedLiquidityPool(single).doCreate();
    const fill = createFill();
    pool.doSetReferencePrice(25);
    expect(pool.midPriceQuote()).toBeCloseTo(25, 12);
    pool.quote('sell', 1, fill);
    expect(fill.filledBase).toBe(0);
    pool.doSetReferencePrice(81);
    pool.doSetDepthMultiplier(0.5);
    pool.doExecute('sell', 10, 0, fill);
    const s = sellSqrt(L / 2, 9, 10);
    expect(fill.priceAfterQuote).toBeCloseTo(s * s, 10);
    pool.doAdvance(1e6);
    expect(pool.midPriceQuote()).toBeCloseTo(s * s, 12);
    expect(() => pool.doAdvance(5)).toThrow(RangeError);
  });

  it('rejects bad options with the field named', () => {
    const range = { lowerPriceQuote: 90, upperPriceQuote: 110, liquidity: 1 };
    expect(() => createConcentratedLiquidityPool({ initialPriceQuote: 100, ranges: [] })).toThrow(/ranges: give at least one range/);
    expect(() => createConcentratedLiquidityPool({ initialPriceQuote: 100, ranges: [{ ...range, liquidity: 0 }, { ...range, liquidity: 0 }] })).toThrow(
      /ranges: every range has liquidity 0/,
    );
    expect(() => createConcentratedLiquidityPool({ initialPriceQuote: 100, ranges: [range, { ...range, upperPriceQuote: 80 }] })).toThrow(
      /ranges\[1\]\.upperPriceQuote: 80 is not above lowerPriceQuote 90/,
    );
    expect(() => createConcentratedLiquidityPool({ initialPriceQuote: 100, ranges: [{ ...range, liquidity: -1 }] })).toThrow(/ranges\[0\]\.liquidity/);
    expect(() => createConcentratedLiquidityPool({ initialPriceQuote: 100, ranges: [{ ...range, lowerPriceQuote: Number.NaN }] })).toThrow(
      /ranges\[0\]\.lowerPriceQuote/,
    );
    expect(() => createConcentratedLiquidityPool({ initialPriceQuote: 0, ranges: [range] })).toThrow(/initialPriceQuote/);
    expect(() => createConcentratedLiquidityPool({ initialPriceQuote: 100, ranges: [range], feeRate: 1 })).toThrow(/feeRate/);
  });
});

import { describe, expect, it } from 'vitest';
import { createFill, createLinearBook, createParametricBook } from '@firesale/orderbook';

describe('createParametricBook', () => {
  it('exponent 1 is the linear book with depth depthQuotePerPercent / (0.01 · mid²) base per quote', () => {
    const mid = 2500;
    const depthQuotePerPercent = 5_000_000;
    const parametric = createParametricBook({ midPriceQuote: mid, depthQuotePerPercent, exponent: 1 }).doCreate();
    const linear = createLinearBook({
      midPriceQuote: mid,
      depthBasePerQuote: depthQuotePerPercent / (0.01 * mid * mid),
    }).doCreate();
    const a = createFill();
    const b = createFill();
    for (const [side, size] of [
      ['sell', 10],
      ['sell', 1234.5],
      ['buy', 700],
      ['sell', 3],
    ] as const) {
      parametric.doExecute(side, size, 0, a);
      linear.doExecute(side, size, 0, b);
      expect(a.priceAfterQuote).toBeCloseTo(b.priceAfterQuote, 9);
      expect(a.averagePriceQuote).toBeCloseTo(b.averagePriceQuote, 9);
      expect(a.amountQuote / b.amountQuote).toBeCloseTo(1, 12);
    }
  });

  it('the quoted depth within 1% moves the price 1%, for any exponent', () => {
    for (const exponent of [0.5, 1, 2, 3]) {
      const book = createParametricBook({ midPriceQuote: 100_000, depthQuotePerPercent: 20_000_000, exponent }).doCreate();
      const fill = createFill();
      book.quote('sell', 200, fill);
      expect(fill.priceAfterQuote).toBeCloseTo(99_000, 6);
      expect(book.depthToPriceBase('sell', 99_000)).toBeCloseTo(200, 9);
      expect(book.depthToPriceBase('buy', 101_000)).toBeCloseTo(200, 9);
    }
  });

  it('exponent 2 is square-root impact: 4× the volume moves the price 2×', () => {
    const model = createParametricBook({ midPriceQuote: 100, depthQuotePerPercent: 1_000_000, exponent: 2 });
    const small = createFill();
    const large = createFill();
    model.doCreate().quote('sell', 250, small);
    model.doCreate().quote('sell', 1000, large);
    expect((100 - large.priceAfterQuote) / (100 - small.priceAfterQuote)).toBeCloseTo(2, 12);
    // Average of a √ profile: the mean displacement is 2/3 of the final one.
    expect((100 - large.averagePriceQuote) / (100 - large.priceAfterQuote)).toBeCloseTo(2 / 3, 12);
  });

  it('defaults to exponent 1 and checks its options', () => {
    expect(createParametricBook({ midPriceQuote: 10, depthQuotePerPercent: 100 }).modelId).toBe('power-law');
    expect(() => createParametricBook({ midPriceQuote: 10, depthQuotePerPercent: 100, exponent: 0 })).toThrow(
      /exponent/,
    );
    expect(() => createParametricBook({ midPriceQuote: 10, depthQuotePerPercent: -5 })).toThrow(
      /depthQuotePerPercent/,
    );
  });
});

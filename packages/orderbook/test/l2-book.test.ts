import { describe, expect, it } from 'vitest';
import { createFill, createL2Book } from '@firesale/orderbook';
import type { L2Level } from '@firesale/orderbook';

const bids: L2Level[] = [
  [99, 1],
  [98, 2],
  [96, 3],
];
const asks: L2Level[] = [
  [101, 1],
  [102, 2],
  [104, 3],
];

describe('createL2Book', () => {
  it('starts at the midpoint of the best bid and ask', () => {
    const model = createL2Book({ bids, asks });
    expect(model.initialMidPriceQuote).toBe(100);
    expect(model.modelId).toBe('l2-snapshot');
    expect(model.capabilities.observedLevels).toBe(true);
    expect(model.doCreate().midPriceQuote()).toBe(100);
  });

  it('fills at the VWAP of the consumed slices; the mid becomes the best remaining level', () => {
    const book = createL2Book({ bids, asks }).doCreate();
    const fill = createFill();
    book.quote('sell', 2.5, fill);
    // 1 @ 99 + 1.5 @ 98 = 246
    expect(fill.amountQuote).toBeCloseTo(246, 12);
    expect(fill.averagePriceQuote).toBeCloseTo(98.4, 12);
    expect(fill.priceAfterQuote).toBeCloseTo(98, 12);
    book.doExecute('sell', 3, 0, fill);
    // 1 @ 99 + 2 @ 98 = 295; levels 99 and 98 are gone, 96 is the best remaining
    expect(fill.amountQuote).toBeCloseTo(295, 12);
    expect(fill.priceAfterQuote).toBeCloseTo(96, 12);
    book.doExecute('sell', 1, 0, fill);
    expect(fill.averagePriceQuote).toBeCloseTo(96, 12);
    book.doExecute('buy', 2, 0, fill);
    // buying back walks the same levels: 1 @ 96, 1 @ 98
    expect(fill.amountQuote).toBeCloseTo(194, 12);
    expect(fill.priceAfterQuote).toBeCloseTo(98, 12);
  });

  it('buys walk the asks', () => {
    const book = createL2Book({ bids, asks }).doCreate();
    const fill = createFill();
    book.quote('buy', 4, fill);
    // 1 @ 101 + 2 @ 102 + 1 @ 104 = 409
    expect(fill.amountQuote).toBeCloseTo(409, 12);
    expect(fill.priceAfterQuote).toBeCloseTo(104, 12);
    expect(book.depthToPriceBase('buy', 102)).toBeCloseTo(3, 12);
    expect(book.depthToPriceBase('sell', 97.5)).toBeCloseTo(3, 12);
    expect(book.depthToPriceBase('sell', 100)).toBe(0);
  });

  it("extrapolates past the last level with the side's average density", () => {
    const book = createL2Book({ bids, asks }).doCreate();
    const fill = createFill();
    // bids: 6 base within 4 quote of the mid -> 1.5 base per quote beyond 96.
    book.quote('sell', 9, fill);
    // levels: 100·6 - (1·1 + 2·2 + 3·4) = 583; then 3 base from 96 down to 94 average 95 = 285
    expect(fill.amountQuote).toBeCloseTo(868, 9);
    expect(fill.priceAfterQuote).toBeCloseTo(94, 12);
    expect(fill.exhausted).toBe(false);
    expect(book.depthToPriceBase('sell', 94)).toBeCloseTo(9, 12);
  });

  it("'exhaust' stops at the last level", () => {
    const book = createL2Book({ bids, asks, beyondLastLevel: 'exhaust' }).doCreate();
    const fill = createFill();
    book.quote('sell', 9, fill);
    expect(fill.filledBase).toBeCloseTo(6, 12);
    expect(fill.exhausted).toBe(true);
    expect(fill.amountQuote).toBeCloseTo(583, 9);
    expect(book.depthToPriceBase('sell', 50)).toBeCloseTo(6, 12);
    book.quote('buy', 100, fill);
    expect(fill.filledBase).toBeCloseTo(6, 12);
    expect(fill.exhausted).toBe(true);
  });

  it('levels move with the reference price', () => {
    const book = createL2Book({ bids, asks }).doCreate();
    const fill = createFill();
    book.doSetReferencePrice(90);
    book.quote('sell', 2, fill);
    // levels at 89 and 88
    expect(fill.averagePriceQuote).toBeCloseTo(88.5, 12);
  });

  it('a depth multiplier of 0.5 halves every level', () => {
    const book = createL2Book({ bids, asks }).doCreate();
    const fill = createFill();
    book.doSetDepthMultiplier(0.5);
    book.quote('sell', 1, fill);
    // levels become 0.5 @ 99, 1 @ 98, 1.5 @ 96: selling 1 takes 0.5 @ 99 + 0.5 @ 98, half of 98 remains
    expect(fill.averagePriceQuote).toBeCloseTo(98.5, 12);
    expect(fill.priceAfterQuote).toBeCloseTo(98, 12);
    book.quote('sell', 1.5, fill);
    expect(fill.priceAfterQuote).toBeCloseTo(96, 12);
  });

  it('recovers: consumed volume decays with the half-life', () => {
    const book = createL2Book({ bids, asks, resilience: { halfLifeSeconds: 10 } }).doCreate();
    const fill = createFill();
    book.doExecute('sell', 3, 0, fill);
    expect(book.midPriceQuote()).toBeCloseTo(96, 12);
    book.doAdvance(10);
    // 1.5 base still consumed: level 98 is the best remaining
    expect(book.midPriceQuote()).toBeCloseTo(98, 12);
  });

  it('throws a RangeError naming the first problem', () => {
    expect(() =>
      createL2Book({
        bids: [
          [99, 1],
          [100, 1],
        ],
        asks,
      }),
    ).toThrow(/bids\[1\]\[0\]/);
    expect(() => createL2Book({ bids, asks: [] })).toThrow(/asks/);
  });
});

import { describe, expect, it } from 'vitest';
import type { OrderBookV1 } from '@firesale/spec';
import { createFill, createLinearBook } from '@firesale/orderbook';
import { analyticCases } from './analytic-cases';
import { expectMatches } from './expect-matches';

type FixedPointInputs = {
  p0: number;
  positions: number;
  trigger_spacing: number;
  size_base: number;
  depth_base_per_price_unit: number;
  exogenous_drop: number;
};

/**
 * Synchronous rounds on a linear book: each round liquidates (sells whole) every long whose trigger
 * `p0 - (i - 0.5)·spacing` is at or above the price the previous round left.
 */
function runLinearCascade(book: OrderBookV1, inputs: FixedPointInputs) {
  const fill = createFill();
  book.doSetReferencePrice(inputs.p0 - inputs.exogenous_drop);
  let liquidated = 0;
  let generations = 0;
  for (;;) {
    const price = book.midPriceQuote();
    let triggered = 0;
    for (let i = liquidated + 1; i <= inputs.positions; i++) {
      if (inputs.p0 - (i - 0.5) * inputs.trigger_spacing >= price) triggered++;
      else break;
    }
    if (triggered === 0) break;
    generations++;
    for (let j = 0; j < triggered; j++) book.doExecute('sell', inputs.size_base, 0, fill);
    liquidated += triggered;
  }
  const finalPrice = book.midPriceQuote();
  return {
    final_price: finalPrice,
    liquidated_positions: liquidated,
    total_drop: inputs.p0 - finalPrice,
    amplification: (inputs.p0 - finalPrice) / inputs.exogenous_drop,
    generations_synchronous: generations,
  };
}

describe('createLinearBook', () => {
  it('selling q lowers the mid by q/depth and fills at the midpoint of the move', () => {
    const book = createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 200 }).doCreate();
    const fill = createFill();
    book.doExecute('sell', 50, 0, fill);
    expect(fill.filledBase).toBe(50);
    expect(fill.priceAfterQuote).toBeCloseTo(99.75, 12);
    expect(fill.averagePriceQuote).toBeCloseTo(99.875, 12);
    expect(fill.amountQuote).toBeCloseTo(50 * 99.875, 9);
    expect(fill.exhausted).toBe(false);
    expect(book.midPriceQuote()).toBeCloseTo(99.75, 12);
    expect(book.referencePriceQuote()).toBe(100);
  });

  it('a buy mirrors a sell, and a buy after a sell of the same size restores the mid', () => {
    const model = createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 200 });
    const sell = createFill();
    const buy = createFill();
    model.doCreate().quote('sell', 30, sell);
    model.doCreate().quote('buy', 30, buy);
    expect(100 - sell.priceAfterQuote).toBeCloseTo(buy.priceAfterQuote - 100, 12);
    expect(100 - sell.averagePriceQuote).toBeCloseTo(buy.averagePriceQuote - 100, 12);
    const book = model.doCreate();
    book.doExecute('sell', 30, 0, sell);
    book.doExecute('buy', 30, 0, buy);
    expect(book.midPriceQuote()).toBeCloseTo(100, 12);
    // Buying back walks the same prices: it pays exactly what the sale received.
    expect(buy.amountQuote).toBeCloseTo(sell.amountQuote, 9);
  });

  it('stops at the price floor and reports exhaustion', () => {
    const book = createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 10, minPriceQuote: 90 }).doCreate();
    const fill = createFill();
    expect(book.depthToPriceBase('sell', 95)).toBeCloseTo(50, 12);
    expect(book.depthToPriceBase('sell', 80)).toBeCloseTo(100, 12);
    book.doExecute('sell', 150, 0, fill);
    expect(fill.exhausted).toBe(true);
    expect(fill.filledBase).toBeCloseTo(100, 12);
    expect(fill.priceAfterQuote).toBeCloseTo(90, 12);
    expect(fill.averagePriceQuote).toBeCloseTo(95, 12);
    book.doExecute('sell', 1, 0, fill);
    expect(fill.filledBase).toBe(0);
    expect(fill.averagePriceQuote).toBeCloseTo(90, 12);
  });

  it('the default floor is 1e-9 × the initial mid', () => {
    const book = createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 1 }).doCreate();
    const fill = createFill();
    book.quote('sell', 1e6, fill);
    expect(fill.exhausted).toBe(true);
    expect(fill.priceAfterQuote).toBeCloseTo(1e-7, 15);
  });

  it('moves with the reference price', () => {
    const book = createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 100 }).doCreate();
    const fill = createFill();
    book.doExecute('sell', 100, 0, fill);
    book.doSetReferencePrice(90);
    expect(book.midPriceQuote()).toBeCloseTo(89, 12);
    expect(book.depthToPriceBase('buy', 95)).toBeCloseTo(600, 9);
  });

  it('a depth multiplier of 0.5 doubles the impact', () => {
    const book = createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 100 }).doCreate();
    const fill = createFill();
    book.doSetDepthMultiplier(0.5);
    book.quote('sell', 100, fill);
    expect(fill.priceAfterQuote).toBeCloseTo(98, 12);
  });

  it('rejects bad options, sizes, times and multipliers with the field named', () => {
    expect(() => createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 0 })).toThrow(/depthBasePerQuote/);
    expect(() => createLinearBook({ midPriceQuote: Number.NaN, depthBasePerQuote: 1 })).toThrow(/midPriceQuote/);
    expect(() =>
      createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 1, resilience: { halfLifeSeconds: -1 } }),
    ).toThrow(/halfLifeSeconds/);
    const book = createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 1 }).doCreate();
    const fill = createFill();
    expect(() => book.quote('sell', -1, fill)).toThrow(RangeError);
    expect(() => book.doSetDepthMultiplier(0)).toThrow(RangeError);
    expect(() => book.doSetReferencePrice(Number.NaN)).toThrow(RangeError);
    book.doAdvance(10);
    expect(() => book.doAdvance(9)).toThrow(/before/);
  });

  it('recovers with a half-life', () => {
    const book = createLinearBook({
      midPriceQuote: 100,
      depthBasePerQuote: 100,
      resilience: { halfLifeSeconds: 10 },
    }).doCreate();
    const fill = createFill();
    book.doExecute('sell', 100, 5, fill);
    book.doAdvance(15);
    expect(book.midPriceQuote()).toBeCloseTo(99.5, 12);
    book.doAdvance(25);
    expect(book.midPriceQuote()).toBeCloseTo(99.75, 12);
  });

  describe('linear_fixed_point fixtures (vectors/analytic.json) on this book', () => {
    const cases = analyticCases('linear_fixed_point');
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const testCase of cases) {
      it(testCase.id, () => {
        const inputs = testCase.inputs as unknown as FixedPointInputs;
        const book = createLinearBook({
          midPriceQuote: inputs.p0,
          depthBasePerQuote: inputs.depth_base_per_price_unit,
        }).doCreate();
        const got = runLinearCascade(book, inputs);
        const expected = testCase.expected as Record<string, unknown>;
        expectMatches(
          got,
          {
            final_price: expected['final_price'],
            liquidated_positions: expected['liquidated_positions'],
            total_drop: expected['total_drop'],
            amplification: expected['amplification'],
            generations_synchronous: expected['generations_synchronous'],
          },
          testCase.tolerance,
        );
      });
    }
  });
});

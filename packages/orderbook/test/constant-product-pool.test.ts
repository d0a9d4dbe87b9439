import { describe, expect, it } from 'vitest';
import type { OrderBookV1 } from '@firesale/spec';
import { createConstantProductPool, createFill } from '@firesale/orderbook';
import { analyticCases } from './analytic-cases';
import { expectMatches } from './expect-matches';

describe('createConstantProductPool', () => {
  it('selling q base moves the price to k / (x + q)²', () => {
    const model = createConstantProductPool({ baseReserve: 1000, quoteReserve: 100_000 });
    expect(model.initialMidPriceQuote).toBe(100);
    expect(model.capabilities.automatedMarketMaker).toBe(true);
    const pool = model.doCreate();
    const fill = createFill();
    pool.doExecute('sell', 10, 0, fill);
    expect(fill.priceAfterQuote).toBeCloseTo(1e8 / 1010 ** 2, 10);
    // quote out = y - k / (x + q) = 100000 - 1e8 / 1010
    expect(fill.amountQuote).toBeCloseTo(100_000 - 1e8 / 1010, 9);
    expect(fill.averagePriceQuote).toBeCloseTo((100_000 - 1e8 / 1010) / 10, 10);
    expect(pool.midPriceQuote()).toBeCloseTo(98.029604940692, 10);
    pool.doExecute('buy', 10, 0, fill);
    expect(pool.midPriceQuote()).toBeCloseTo(100, 10);
    expect(fill.amountQuote).toBeCloseTo(100_000 - 1e8 / 1010, 9);
  });

  it('buying q base moves the price to k / (x - q)²', () => {
    const pool = createConstantProductPool({ baseReserve: 1000, quoteReserve: 100_000 }).doCreate();
    const fill = createFill();
    pool.quote('buy', 100, fill);
    expect(fill.priceAfterQuote).toBeCloseTo(1e8 / 900 ** 2, 10);
    expect(fill.amountQuote).toBeCloseTo(1e8 / 900 - 100_000, 9);
    expect(pool.depthToPriceBase('buy', 1e8 / 900 ** 2)).toBeCloseTo(100, 9);
    expect(pool.depthToPriceBase('sell', 1e8 / 1100 ** 2)).toBeCloseTo(100, 9);
  });

  it('a fee reduces the impact: only q·(1 - fee) enters the curve', () => {
    const withFee = createConstantProductPool({ baseReserve: 1000, quoteReserve: 100_000, feeRate: 0.003 }).doCreate();
    const noFee = createConstantProductPool({ baseReserve: 1000, quoteReserve: 100_000 }).doCreate();
    const a = createFill();
    const b = createFill();
    withFee.quote('sell', 10, a);
    noFee.quote('sell', 10, b);
    expect(a.priceAfterQuote).toBeCloseTo(1e8 / (1000 + 10 * 0.997) ** 2, 10);
    expect(a.priceAfterQuote).toBeGreaterThan(b.priceAfterQuote);
    expect(a.amountQuote).toBeLessThan(b.amountQuote);
    expect(withFee.depthToPriceBase('sell', a.priceAfterQuote)).toBeCloseTo(10, 9);
  });

  it('setting the reference price arbitrages the pool to it', () => {
    const pool = createConstantProductPool({ baseReserve: 1000, quoteReserve: 100_000 }).doCreate();
    const fill = createFill();
    pool.doSetReferencePrice(81);
    expect(pool.midPriceQuote()).toBeCloseTo(81, 10);
    expect(pool.referencePriceQuote()).toBe(81);
    // x = √(k / p) = 10000 / 9; selling q now gives k / (x + q)²
    pool.quote('sell', 100, fill);
    expect(fill.priceAfterQuote).toBeCloseTo(1e8 / (10000 / 9 + 100) ** 2, 10);
    // no resilience: time does not move the price
    pool.doExecute('sell', 100, 0, fill);
    pool.doAdvance(1e6);
    expect(pool.midPriceQuote()).toBeCloseTo(fill.priceAfterQuote, 12);
  });

  it('a depth multiplier scales both reserves at the current price', () => {
    const pool = createConstantProductPool({ baseReserve: 1000, quoteReserve: 100_000 }).doCreate();
    const fill = createFill();
    pool.doSetDepthMultiplier(0.5);
    expect(pool.midPriceQuote()).toBeCloseTo(100, 10);
    pool.quote('sell', 10, fill);
    // reserves 500 / 50000: k = 2.5e7
    expect(fill.priceAfterQuote).toBeCloseTo(2.5e7 / 510 ** 2, 10);
  });

  it('never empties the base reserve and checks its options', () => {
    const pool = createConstantProductPool({ baseReserve: 1000, quoteReserve: 100_000 }).doCreate();
    const fill = createFill();
    pool.quote('buy', 1000, fill);
    expect(fill.exhausted).toBe(true);
    expect(fill.filledBase).toBeLessThan(1000);
    expect(fill.priceAfterQuote).toBeCloseTo(100 * 1e9, 0);
    expect(() => createConstantProductPool({ baseReserve: 0, quoteReserve: 1 })).toThrow(/baseReserve/);
    expect(() => createConstantProductPool({ baseReserve: 1, quoteReserve: 1, feeRate: 1 })).toThrow(/feeRate/);
  });

  describe('amm_cascade fixtures (vectors/analytic.json) on this pool', () => {
    type Inputs = {
      pool_base: number;
      pool_quote: number;
      fee: number;
      exogenous_sell_base: number;
      positions: number;
      size_base: number;
      trigger_price_of_position_i: string;
    };
    const cases = analyticCases('amm_cascade');
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const testCase of cases) {
      it(testCase.id, () => {
        const inputs = testCase.inputs as unknown as Inputs;
        // "99.0 - i * 0.2, i = 0..positions-1 (long)"
        const rule = /^\s*([\d.]+)\s*-\s*i\s*\*\s*([\d.]+)\s*,\s*i\s*=\s*0\.\./.exec(inputs.trigger_price_of_position_i);
        expect(rule).not.toBeNull();
        const start = Number(rule?.[1]);
        const step = Number(rule?.[2]);
        const pool: OrderBookV1 = createConstantProductPool({
          baseReserve: inputs.pool_base,
          quoteReserve: inputs.pool_quote,
          feeRate: inputs.fee,
        }).doCreate();
        const fill = createFill();
        pool.doExecute('sell', inputs.exogenous_sell_base, 0, fill);
        let liquidated = 0;
        let generations = 0;
        for (;;) {
          const price = pool.midPriceQuote();
          let triggered = 0;
          for (let i = liquidated; i < inputs.positions && start - i * step >= price; i++) triggered++;
          if (triggered === 0) break;
          generations++;
          pool.doExecute('sell', triggered * inputs.size_base, 0, fill);
          liquidated += triggered;
        }
        const expected = testCase.expected as Record<string, unknown>;
        expectMatches(
          { final_price: pool.midPriceQuote(), liquidated_positions: liquidated, generations_synchronous: generations },
          expected,
          testCase.tolerance,
        );
      });
    }
  });
});

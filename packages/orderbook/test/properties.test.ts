import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OrderBookModelV1, OrderSide } from '@firesale/spec';
import {
  createConstantProductPool,
  createFill,
  createL2Book,
  createLinearBook,
  createParametricBook,
} from '@firesale/orderbook';
import type { L2Level } from '@firesale/orderbook';

/** A model description fast-check can print, with the model it builds. */
type Built = { label: string; model: OrderBookModelV1; halfLifeSeconds: number | undefined; continuous: boolean };

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const halfLife = fc.option(positive(0.5, 500), { nil: undefined });
const resilienceOf = (h: number | undefined) => (h === undefined ? {} : { resilience: { halfLifeSeconds: h } });

const linearArb = fc
  .record({ mid: positive(1, 1e5), depth: positive(1e-2, 1e5), h: halfLife })
  .map(
    ({ mid, depth, h }): Built => ({
      label: `linear(${mid}, ${depth}, ${h})`,
      model: createLinearBook({ midPriceQuote: mid, depthBasePerQuote: depth, ...resilienceOf(h) }),
      halfLifeSeconds: h,
      continuous: true,
    }),
  );

const powerArb = fc
  .record({ mid: positive(1, 1e5), depth: positive(1e3, 1e9), exponent: positive(0.3, 3), h: halfLife })
  .map(
    ({ mid, depth, exponent, h }): Built => ({
      label: `power(${mid}, ${depth}, ${exponent}, ${h})`,
      model: createParametricBook({
        midPriceQuote: mid,
        depthQuotePerPercent: depth,
        exponent,
        ...resilienceOf(h),
      }),
      halfLifeSeconds: h,
      continuous: true,
    }),
  );

// Level gaps as fractions of the mid (at most 30 × 2% = 60% deep), sizes in base.
const sideArb = fc.array(fc.tuple(positive(1e-4, 0.02), positive(0.01, 50)), { minLength: 1, maxLength: 30 });
const l2Arb = fc
  .record({
    mid: positive(10, 1e4),
    bidSteps: sideArb,
    askSteps: sideArb,
    exhaust: fc.boolean(),
    h: halfLife,
  })
  .map(({ mid, bidSteps, askSteps, exhaust, h }): Built => {
    const levels = (steps: [number, number][], sign: number): L2Level[] => {
      let distance = 0;
      return steps.map(([gap, size]) => {
        distance += gap * mid;
        return [mid + sign * distance, size] as const;
      });
    };
    return {
      label: `l2(${mid}, ${JSON.stringify(bidSteps)}, ${JSON.stringify(askSteps)}, ${exhaust}, ${h})`,
      model: createL2Book({
        bids: levels(bidSteps, -1),
        asks: levels(askSteps, 1),
        beyondLastLevel: exhaust ? 'exhaust' : 'extrapolate',
        ...resilienceOf(h),
      }),
      halfLifeSeconds: h,
      continuous: false,
    };
  });

const poolArbWith = (fee: fc.Arbitrary<number>) =>
  fc.record({ base: positive(1, 1e6), price: positive(0.01, 1e5), fee }).map(
    ({ base, price, fee }): Built => ({
      label: `pool(${base}, ${price}, ${fee})`,
      model: createConstantProductPool({ baseReserve: base, quoteReserve: base * price, feeRate: fee }),
      halfLifeSeconds: undefined,
      continuous: true,
    }),
  );
const poolArb = poolArbWith(fc.oneof(fc.constant(0), positive(0, 0.05)));
const feelessPoolArb = poolArbWith(fc.constant(0));

const anyModel = fc.oneof(linearArb, powerArb, l2Arb, poolArb);
/** Every model without trading fees: the average fill then lies between the prices before and after. */
const feelessModel = fc.oneof(linearArb, powerArb, l2Arb, feelessPoolArb);
const resilientModel = fc.oneof(linearArb, powerArb, l2Arb).filter((b) => b.halfLifeSeconds !== undefined);
const sideOf = fc.constantFrom<OrderSide>('sell', 'buy');
// Sizes from zero up; subnormal sizes are left out (amountQuote / filledBase is meaningless there).
const size = fc.oneof(fc.constant(0), positive(1e-12, 2000));
const step = fc.record({ side: sideOf, size, dt: positive(0, 20), shock: fc.option(positive(0.5, 1.5)) });

/** Slack for floating-point rounding only (1e-12 of the price), never a modelling tolerance. */
const roundoff = (price: number) => 1e-12 * Math.abs(price);

function replay(model: OrderBookModelV1, steps: { side: OrderSide; size: number; dt: number; shock: number | null }[]) {
  const book = model.doCreate();
  const fill = createFill();
  let t = 0;
  for (const s of steps) {
    t += s.dt;
    if (s.shock !== null) book.doSetReferencePrice(book.referencePriceQuote() * s.shock);
    book.doExecute(s.side, s.size, t, fill);
  }
  return { book, t };
}

describe('order book properties (fast-check)', () => {
  it('quote() equals doExecute() on a copy', () => {
    fc.assert(
      fc.property(anyModel, fc.array(step, { maxLength: 8 }), sideOf, size, positive(0, 20), (built, steps, side, q, dt) => {
        const a = replay(built.model, steps);
        const b = replay(built.model, steps);
        const quoted = createFill();
        const executed = createFill();
        a.book.doAdvance(a.t + dt);
        a.book.quote(side, q, quoted);
        b.book.doExecute(side, q, b.t + dt, executed);
        expect(quoted).toEqual(executed);
        expect(b.book.midPriceQuote()).toBe(executed.priceAfterQuote);
      }),
    );
  });

  it('selling more never gives a higher mid or a higher average price (buying: never lower)', () => {
    fc.assert(
      fc.property(anyModel, fc.array(step, { maxLength: 5 }), sideOf, size, size, (built, steps, side, q1, q2) => {
        const { book } = replay(built.model, steps);
        const small = createFill();
        const large = createFill();
        book.quote(side, Math.min(q1, q2), small);
        book.quote(side, Math.max(q1, q2), large);
        const sign = side === 'sell' ? 1 : -1;
        expect(sign * (large.priceAfterQuote - small.priceAfterQuote)).toBeLessThanOrEqual(
          roundoff(small.priceAfterQuote),
        );
        expect(sign * (large.averagePriceQuote - small.averagePriceQuote)).toBeLessThanOrEqual(
          roundoff(small.averagePriceQuote),
        );
        expect(large.filledBase).toBeGreaterThanOrEqual(small.filledBase);
      }),
    );
  });

  it('the average fill lies between the price before and after', () => {
    fc.assert(
      fc.property(feelessModel, fc.array(step, { maxLength: 5 }), sideOf, size, (built, steps, side, q) => {
        const { book } = replay(built.model, steps);
        const fill = createFill();
        const before = book.midPriceQuote();
        book.quote(side, q, fill);
        const low = Math.min(before, fill.priceAfterQuote);
        const high = Math.max(before, fill.priceAfterQuote);
        expect(fill.averagePriceQuote).toBeGreaterThanOrEqual(low);
        expect(fill.averagePriceQuote).toBeLessThanOrEqual(high);
        expect(fill.filledBase).toBeLessThanOrEqual(q);
        if (!fill.exhausted) expect(fill.filledBase).toBe(q);
        if (fill.filledBase > 0) {
          expect(Math.abs(fill.amountQuote / fill.filledBase - fill.averagePriceQuote)).toBeLessThanOrEqual(
            roundoff(fill.averagePriceQuote) * 10,
          );
        }
      }),
    );
  });

  it('with resilience the mid returns monotonically toward the reference', () => {
    fc.assert(
      fc.property(
        resilientModel,
        sideOf,
        positive(0.01, 2000),
        fc.array(positive(0, 50), { minLength: 1, maxLength: 10 }),
        (built, side, q, gaps) => {
          const book = built.model.doCreate();
          const fill = createFill();
          book.doExecute(side, q, 0, fill);
          const ref = book.referencePriceQuote();
          let gap = book.midPriceQuote() - ref;
          let t = 0;
          for (const dt of gaps) {
            t += dt;
            book.doAdvance(t);
            const next = book.midPriceQuote() - ref;
            // Same side of the reference, never farther away.
            expect(Math.sign(next) * Math.sign(gap)).toBeGreaterThanOrEqual(0);
            expect(Math.abs(next)).toBeLessThanOrEqual(Math.abs(gap) + roundoff(ref));
            gap = next;
          }
        },
      ),
    );
  });

  it('a depth multiplier below 1 never reduces the impact', () => {
    fc.assert(
      fc.property(anyModel, sideOf, positive(0.01, 2000), positive(0.01, 1), (built, side, q, m) => {
        const normal = built.model.doCreate();
        const stressed = built.model.doCreate();
        stressed.doSetDepthMultiplier(m);
        const a = createFill();
        const b = createFill();
        normal.quote(side, q, a);
        stressed.quote(side, q, b);
        const mid = normal.midPriceQuote();
        // Rounding slack relative to the largest price compared (a pool's buy can reach 1e9 × the mid).
        const slack = roundoff(Math.max(mid, a.priceAfterQuote, b.priceAfterQuote));
        expect(Math.abs(b.priceAfterQuote - mid)).toBeGreaterThanOrEqual(Math.abs(a.priceAfterQuote - mid) - slack);
        if (!a.exhausted && !b.exhausted) {
          expect(Math.abs(b.averagePriceQuote - mid)).toBeGreaterThanOrEqual(
            Math.abs(a.averagePriceQuote - mid) - slack,
          );
        }
        expect(stressed.depthToPriceBase(side, side === 'sell' ? mid * 0.9 : mid * 1.1)).toBeLessThanOrEqual(
          normal.depthToPriceBase(side, side === 'sell' ? mid * 0.9 : mid * 1.1) * (1 + 1e-12),
        );
      }),
    );
  });

  it('consumed volume decays to about zero after many half-lives', () => {
    fc.assert(
      fc.property(resilientModel, sideOf, positive(0.01, 2000), (built, side, q) => {
        const book = built.model.doCreate();
        const fill = createFill();
        book.doExecute(side, q, 0, fill);
        // 200 half-lives: V shrinks by 2^-200, and even a cubic-depth book (displacement ∝ V^(1/3)) is back at ref.
        book.doAdvance(200 * (built.halfLifeSeconds as number));
        const ref = book.referencePriceQuote();
        if (built.continuous) {
          expect(Math.abs(book.midPriceQuote() - ref)).toBeLessThanOrEqual(1e-9 * ref);
        } else {
          // An L2 book keeps a sliver of the best level consumed: the mid sits on the touch of that side.
          const touch = createFill();
          book.quote(side === 'sell' ? 'buy' : 'sell', 0, touch);
          const fresh = built.model.doCreate();
          const best = createFill();
          fresh.quote(side, 1e-300, best);
          expect(book.midPriceQuote()).toBeCloseTo(best.priceAfterQuote, 9);
        }
      }),
    );
  });
});

import fc from 'fast-check';
import type { OrderBookCapabilitiesV1, OrderBookFillV1, OrderBookModelV1, OrderBookV1, OrderSide } from '@firesale/spec';
import { assertCheck, show } from './assert';
import type { ConformanceCheck } from './check-types';
import { compareCheckIds } from './engine-checks';

/** Builds the order book model under test. */
export type OrderBookFactory = (seed: number) => OrderBookModelV1;

/** What the order-book checks receive. */
export type OrderBookCheckContext = {
  readonly create: OrderBookFactory;
  readonly model: OrderBookModelV1;
  readonly seed: number;
  readonly numRuns: number;
};

/** Every OrderBookCapabilitiesV1 key. */
export const orderBookCapabilityKeys: readonly (keyof OrderBookCapabilitiesV1)[] = ['resilience', 'depthMultiplier', 'observedLevels', 'automatedMarketMaker'];

/** Relative slack for price comparisons (one part in 10^9). */
const SLACK = 1e-9;

function emptyFill(): OrderBookFillV1 {
  return { filledBase: NaN, amountQuote: NaN, averagePriceQuote: NaN, priceAfterQuote: NaN, exhausted: false };
}

/**
 * An order size scaled to the book: the base that moves the price by `fraction` of the mid (from
 * `depthToPriceBase`), times `scale`; 1 base when the book reports no finite depth there.
 */
function scaledSize(book: OrderBookV1, side: OrderSide, fraction: number, scale: number): number {
  const mid = book.midPriceQuote();
  const depth = book.depthToPriceBase(side, side === 'sell' ? mid * (1 - fraction) : mid * (1 + fraction));
  return (Number.isFinite(depth) && depth > 0 ? depth : 1) * scale;
}

const orderArbitrary = fc.record({
  side: fc.constantFrom<OrderSide>('sell', 'buy'),
  fraction: fc.double({ min: 1e-4, max: 0.3, noNaN: true }),
  scale: fc.double({ min: 0, max: 2, noNaN: true }),
});

function params(context: OrderBookCheckContext): fc.Parameters<unknown> {
  return { numRuns: context.numRuns, seed: context.seed, endOnFailure: true };
}

const unsortedOrderBookChecks: readonly ConformanceCheck<OrderBookCheckContext>[] = [
  {
    id: 'OB-MUST-001',
    level: 'MUST',
    title: "specificationVersion is 'v1'",
    run: ({ model }) => assertCheck(model.specificationVersion === 'v1', `specificationVersion is ${show(model.specificationVersion)}, expected 'v1'`),
  },
  {
    id: 'OB-MUST-002',
    level: 'MUST',
    title: 'modelId is named, every capability key is a boolean, the initial mid is positive and finite',
    run: ({ model }) => {
      assertCheck(typeof model.modelId === 'string' && model.modelId !== '', `modelId is ${show(model.modelId)}`);
      const caps = model.capabilities as unknown as Record<string, unknown>;
      for (const key of orderBookCapabilityKeys) assertCheck(typeof caps?.[key] === 'boolean', `capabilities.${key} is ${show(caps?.[key])}, expected a boolean`);
      assertCheck(Number.isFinite(model.initialMidPriceQuote) && model.initialMidPriceQuote > 0, `initialMidPriceQuote is ${show(model.initialMidPriceQuote)}`);
    },
  },
  {
    id: 'OB-MUST-003',
    level: 'MUST',
    title: 'doCreate gives independent books that start at the initial mid, with the reference price equal to it',
    run: ({ model }) => {
      const a = model.doCreate();
      const b = model.doCreate();
      const mid = model.initialMidPriceQuote;
      assertCheck(Math.abs(a.midPriceQuote() - mid) <= SLACK * mid, `a new book's mid ${show(a.midPriceQuote())} is not the initial mid ${show(mid)}`);
      assertCheck(Math.abs(a.referencePriceQuote() - mid) <= SLACK * mid, `a new book's reference ${show(a.referencePriceQuote())} is not the initial mid ${show(mid)}`);
      a.doExecute('sell', scaledSize(a, 'sell', 0.05, 1), 0, emptyFill());
      assertCheck(Math.abs(b.midPriceQuote() - mid) <= SLACK * mid, `selling on one book moved another book's mid to ${show(b.midPriceQuote())}`);
    },
  },
  {
    id: 'OB-MUST-004',
    level: 'MUST',
    title: 'quote equals execute: quote() fills exactly as doExecute() then does',
    run: (context) => {
      fc.assert(
        fc.property(fc.array(orderArbitrary, { minLength: 1, maxLength: 5 }), (orders) => {
          const book = context.model.doCreate();
          orders.forEach((o, step) => {
            const size = scaledSize(book, o.side, o.fraction, o.scale);
            const quoted = emptyFill();
            const executed = emptyFill();
            book.quote(o.side, size, quoted);
            book.doExecute(o.side, size, 0, executed);
            for (const key of Object.keys(quoted) as (keyof OrderBookFillV1)[]) {
              const q = quoted[key];
              const e = executed[key];
              const same = typeof q === 'number' && typeof e === 'number' ? Math.abs(q - e) <= SLACK * Math.max(1, Math.abs(q)) || (Number.isNaN(q) && Number.isNaN(e)) : q === e;
              assertCheck(same, `${o.side} ${show(size)} at step ${step}: quote ${key} = ${show(q)}, execute ${key} = ${show(e)}`);
            }
          });
        }),
        params(context),
      );
    },
  },
  {
    id: 'OB-MUST-005',
    level: 'MUST',
    title: 'selling more never raises the price after the trade, buying more never lowers it',
    run: (context) => {
      fc.assert(
        fc.property(orderArbitrary, fc.double({ min: 1, max: 3, noNaN: true }), (o, factor) => {
          const book = context.model.doCreate();
          const size = scaledSize(book, o.side, o.fraction, o.scale);
          const small = emptyFill();
          const large = emptyFill();
          book.quote(o.side, size, small);
          book.quote(o.side, size * factor, large);
          const slack = SLACK * book.midPriceQuote();
          const ok = o.side === 'sell' ? large.priceAfterQuote <= small.priceAfterQuote + slack : large.priceAfterQuote >= small.priceAfterQuote - slack;
          assertCheck(ok, `${o.side} ${show(size)} leaves the price at ${show(small.priceAfterQuote)}, ${show(size * factor)} at ${show(large.priceAfterQuote)}`);
          const mid = book.midPriceQuote();
          const direction = o.side === 'sell' ? small.priceAfterQuote <= mid + slack : small.priceAfterQuote >= mid - slack;
          assertCheck(direction, `${o.side} ${show(size)} moved the price the wrong way: ${show(mid)} -> ${show(small.priceAfterQuote)}`);
        }),
        params(context),
      );
    },
  },
  {
    id: 'OB-MUST-006',
    level: 'MUST',
    title: 'the average fill lies between the price before and the price after the trade',
    run: (context) => {
      fc.assert(
        fc.property(orderArbitrary, (o) => {
          const book = context.model.doCreate();
          const size = scaledSize(book, o.side, o.fraction, o.scale);
          const fill = emptyFill();
          const before = book.midPriceQuote();
          book.quote(o.side, size, fill);
          if (!(fill.filledBase > 0)) return;
          const low = Math.min(before, fill.priceAfterQuote) * (1 - SLACK);
          const high = Math.max(before, fill.priceAfterQuote) * (1 + SLACK);
          assertCheck(fill.averagePriceQuote >= low && fill.averagePriceQuote <= high, `${o.side} ${show(size)}: average ${show(fill.averagePriceQuote)} is outside [${show(Math.min(before, fill.priceAfterQuote))}, ${show(Math.max(before, fill.priceAfterQuote))}]`);
        }),
        params(context),
      );
    },
  },
  {
    id: 'OB-MUST-007',
    level: 'MUST',
    title: 'fills are well formed: 0 <= filled <= size, amount = average x filled, exhausted only when short',
    run: (context) => {
      fc.assert(
        fc.property(orderArbitrary, (o) => {
          const book = context.model.doCreate();
          const size = scaledSize(book, o.side, o.fraction, o.scale);
          const fill = emptyFill();
          book.quote(o.side, size, fill);
          const where = `${o.side} ${show(size)} -> ${show(fill)}`;
          assertCheck(Number.isFinite(fill.filledBase) && fill.filledBase >= 0 && fill.filledBase <= size * (1 + SLACK), `filledBase out of [0, size]: ${where}`);
          assertCheck(Number.isFinite(fill.amountQuote) && fill.amountQuote >= 0, `amountQuote is not a finite number >= 0: ${where}`);
          assertCheck(Number.isFinite(fill.averagePriceQuote) && fill.averagePriceQuote > 0 && Number.isFinite(fill.priceAfterQuote) && fill.priceAfterQuote > 0, `prices are not positive and finite: ${where}`);
          assertCheck(Math.abs(fill.amountQuote - fill.averagePriceQuote * fill.filledBase) <= 1e-6 * Math.max(1, fill.amountQuote), `amountQuote != average x filled: ${where}`);
          assertCheck(!fill.exhausted || fill.filledBase < size, `exhausted although the whole size filled: ${where}`);
          assertCheck(fill.exhausted || fill.filledBase >= size * (1 - 1e-9), `filled less than asked without being exhausted: ${where}`);
        }),
        params(context),
      );
    },
  },
  {
    id: 'OB-MUST-008',
    level: 'MUST',
    title: 'time never goes backwards: advancing to an earlier time throws a RangeError or changes nothing',
    run: ({ model }) => {
      const book = model.doCreate();
      book.doExecute('sell', scaledSize(book, 'sell', 0.05, 1), 10, emptyFill());
      book.doAdvance(20);
      const mid = book.midPriceQuote();
      book.doAdvance(20);
      assertCheck(Math.abs(book.midPriceQuote() - mid) <= SLACK * mid, `advancing to the same time moved the mid from ${show(mid)} to ${show(book.midPriceQuote())}`);
      try {
        book.doAdvance(5);
      } catch (error) {
        assertCheck(error instanceof RangeError, `advancing backwards threw ${String(error)}, not a RangeError`);
        return;
      }
      assertCheck(Math.abs(book.midPriceQuote() - mid) <= SLACK * mid, `advancing from 20 s back to 5 s moved the mid from ${show(mid)} to ${show(book.midPriceQuote())}`);
    },
  },
  {
    id: 'OB-MUST-009',
    level: 'MUST',
    title: 'with no trades the mid follows the reference price',
    run: (context) => {
      fc.assert(
        fc.property(fc.double({ min: 0.2, max: 5, noNaN: true }), (factor) => {
          const book = context.model.doCreate();
          const target = context.model.initialMidPriceQuote * factor;
          book.doSetReferencePrice(target);
          assertCheck(Math.abs(book.referencePriceQuote() - target) <= SLACK * target, `reference is ${show(book.referencePriceQuote())} after setting ${show(target)}`);
          assertCheck(Math.abs(book.midPriceQuote() - target) <= 1e-6 * target, `mid is ${show(book.midPriceQuote())} after setting the reference to ${show(target)}`);
        }),
        params(context),
      );
    },
  },
  {
    id: 'OB-SHOULD-001',
    level: 'SHOULD',
    title: 'resilience returns the mid toward the reference when claimed; without it advancing time moves nothing',
    run: ({ model }) => {
      const book = model.doCreate();
      book.doExecute('sell', scaledSize(book, 'sell', 0.05, 1), 0, emptyFill());
      const ref = book.referencePriceQuote();
      const gaps: number[] = [];
      for (const t of [0, 1, 10, 100, 1_000, 100_000]) {
        book.doAdvance(t);
        gaps.push(Math.abs(ref - book.midPriceQuote()));
      }
      const scale = SLACK * ref;
      for (let i = 1; i < gaps.length; i++) assertCheck(gaps[i]! <= gaps[i - 1]! + scale, `the gap to the reference grew over time: ${show(gaps)}`);
      if (model.capabilities.resilience) {
        assertCheck(gaps[gaps.length - 1]! < gaps[0]! * 0.5, `the model claims resilience but the gap to the reference went ${show(gaps)}`);
      } else {
        assertCheck(Math.abs(gaps[gaps.length - 1]! - gaps[0]!) <= scale, `the model claims no resilience but the gap to the reference went ${show(gaps)}`);
      }
    },
  },
  {
    id: 'OB-SHOULD-002',
    level: 'SHOULD',
    title: 'more depth (a larger depth multiplier) moves the price no more for the same sell, when claimed',
    run: (context) => {
      if (!context.model.capabilities.depthMultiplier) return 'not applicable: the model has no depth multiplier';
      fc.assert(
        fc.property(orderArbitrary, fc.double({ min: 1, max: 4, noNaN: true }), (o, multiplier) => {
          const thin = context.model.doCreate();
          const thick = context.model.doCreate();
          thick.doSetDepthMultiplier(multiplier);
          const size = scaledSize(thin, o.side, o.fraction, o.scale);
          const a = emptyFill();
          const b = emptyFill();
          thin.quote(o.side, size, a);
          thick.quote(o.side, size, b);
          const mid = thin.midPriceQuote();
          const moveThin = Math.abs(a.priceAfterQuote - mid);
          const moveThick = Math.abs(b.priceAfterQuote - thick.midPriceQuote());
          assertCheck(moveThick <= moveThin + SLACK * mid, `${o.side} ${show(size)} moved the price ${show(moveThin)} at depth x1 and ${show(moveThick)} at x${show(multiplier)}`);
        }),
        params(context),
      );
    },
  },
  {
    id: 'OB-SHOULD-003',
    level: 'SHOULD',
    title: 'trading depthToPriceBase(side, limit) fills at an average no worse than the limit',
    run: (context) => {
      fc.assert(
        fc.property(fc.constantFrom<OrderSide>('sell', 'buy'), fc.double({ min: 1e-4, max: 0.3, noNaN: true }), (side, fraction) => {
          const book = context.model.doCreate();
          const mid = book.midPriceQuote();
          const limit = side === 'sell' ? mid * (1 - fraction) : mid * (1 + fraction);
          const depth = book.depthToPriceBase(side, limit);
          assertCheck(Number.isFinite(depth) && depth >= 0, `depthToPriceBase(${side}, ${show(limit)}) = ${show(depth)}`);
          const fill = emptyFill();
          book.quote(side, depth, fill);
          if (!(fill.filledBase > 0)) return;
          const ok = side === 'sell' ? fill.averagePriceQuote >= limit * (1 - SLACK) : fill.averagePriceQuote <= limit * (1 + SLACK);
          assertCheck(ok, `${side} of depthToPriceBase = ${show(depth)} filled at an average ${show(fill.averagePriceQuote)}, past the limit ${show(limit)}`);
        }),
        params(context),
      );
    },
  },
];

/** Every OrderBookModelV1 check, MUST first, in id order. Ids never change. */
export const orderBookChecks: readonly ConformanceCheck<OrderBookCheckContext>[] = [...unsortedOrderBookChecks].sort((a, b) => compareCheckIds(a.id, b.id));

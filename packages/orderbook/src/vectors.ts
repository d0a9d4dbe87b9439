/**
 * Vector handlers of @firesale/orderbook: the `resilience` cases of vectors/analytic.json run through
 * {@link createLinearBook}, so `firesale vectors` checks the code users run.
 *
 * @packageDocumentation
 */
import type { VectorCaseV1, VectorHandlerV1 } from '@firesale/spec';
import { createFill } from './create-fill';
import { createLinearBook } from './linear-book';
import { VenueRuleError } from './venue-rule-error';

export { VenueRuleError } from './venue-rule-error';

function inputNumber(inputs: Readonly<Record<string, unknown>>, key: string, caseId: string): number {
  const value = inputs[key];
  if (typeof value !== 'number') throw new TypeError(`${caseId}: inputs.${key} is not a number`);
  return value;
}

type Sale = { timeSeconds: number; sizeBase: number };

function readSales(inputs: Readonly<Record<string, unknown>>, caseId: string): Sale[] {
  const raw = inputs['sells'];
  if (!Array.isArray(raw)) throw new TypeError(`${caseId}: inputs.sells is not a list`);
  return raw.map((sale: unknown, i) => {
    const record = (typeof sale === 'object' && sale !== null ? sale : {}) as Record<string, unknown>;
    const t = record['t'];
    const base = record['base'];
    if (typeof t !== 'number' || typeof base !== 'number') {
      throw new TypeError(`${caseId}: inputs.sells[${i}] needs numbers t and base`);
    }
    return { timeSeconds: t, sizeBase: base };
  });
}

/**
 * `resilience` (analytic.json): a linear book with exponential recovery. Builds the book from `p0`,
 * `depth_base_per_price_unit` and `recovery_rate_per_second`, replays `sells` in time order and reads the mid at
 * each `observe_at` time, just after any sale at that instant. Returns `{ price_at_t<time>: mid }` with the time
 * printed as JSON prints it (`t5`, `t2.5`).
 */
const resilienceHandler: VectorHandlerV1 = {
  specificationVersion: 'v1',
  kind: 'resilience',
  run(testCase: VectorCaseV1): unknown {
    const inputs = testCase.inputs;
    const rate = inputNumber(inputs, 'recovery_rate_per_second', testCase.id);
    let model;
    try {
      model = createLinearBook({
        midPriceQuote: inputNumber(inputs, 'p0', testCase.id),
        depthBasePerQuote: inputNumber(inputs, 'depth_base_per_price_unit', testCase.id),
        ...(rate === 0 ? {} : { resilience: { ratePerSecond: rate } }),
      });
    } catch (error) {
      if (error instanceof RangeError) throw new VenueRuleError(error.message);
      throw error;
    }
    const sales = readSales(inputs, testCase.id).sort((a, b) => a.timeSeconds - b.timeSeconds);
    const observeRaw = inputs['observe_at'];
    if (!Array.isArray(observeRaw) || !observeRaw.every((t): t is number => typeof t === 'number')) {
      throw new TypeError(`${testCase.id}: inputs.observe_at is not a list of numbers`);
    }
    const observeAt = [...observeRaw].sort((a, b) => a - b);
    const book = model.doCreate();
    const fill = createFill();
    const result: Record<string, number> = {};
    let next = 0;
    for (const t of observeAt) {
      for (; next < sales.length && (sales[next] as Sale).timeSeconds <= t; next++) {
        const sale = sales[next] as Sale;
        book.doExecute('sell', sale.sizeBase, sale.timeSeconds, fill);
      }
      book.doAdvance(t);
      result[`price_at_t${String(t)}`] = book.midPriceQuote();
    }
    return result;
  },
};

/** Every vector handler of this package. */
export const vectorHandlers: readonly VectorHandlerV1[] = [resilienceHandler];

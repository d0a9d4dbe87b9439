import { describe, expect, it } from 'vitest';
import type { LiquidationEngineModelV1, OrderBookModelV1 } from '@firesale/spec';
import { createGenericEngine } from '@firesale/venue-generic';
import { createLinearBook } from '@firesale/orderbook';
import { checkLiquidationEngine, checkOrderBook, isAcceptable } from '../src/index';
import type { CheckResult } from '../src/index';

const generic = () => createGenericEngine();

/** Ids of the checks that did not pass. */
function failedIds(results: readonly CheckResult[]): string[] {
  return results.filter((r) => r.status === 'failed').map((r) => r.id);
}

/** A generic engine with some members replaced. */
function broken(overrides: Partial<Record<keyof LiquidationEngineModelV1, unknown>>): () => LiquidationEngineModelV1 {
  return () => ({ ...generic(), ...overrides }) as LiquidationEngineModelV1;
}

describe('checkLiquidationEngine on the generic venue', () => {
  it('passes every check', () => {
    const results = checkLiquidationEngine(generic);
    expect(results.filter((r) => !isAcceptable(r))).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(20);
  });
});

describe('checkLiquidationEngine on deliberately broken plugins', () => {
  it('a wrong specificationVersion fails LE-MUST-001', () => {
    const failed = failedIds(checkLiquidationEngine(broken({ specificationVersion: 'v2' })));
    expect(failed).toContain('LE-MUST-001');
    expect(failed).toContain('LE-MUST-015'); // core refuses the version as well
    expect(failed.every((id) => ['LE-MUST-001', 'LE-MUST-015', 'LE-MUST-016'].includes(id))).toBe(true);
  });

  it('a settlement that does not balance fails LE-MUST-013', () => {
    const base = generic();
    const create = broken({
      doSettle: (input: Parameters<LiquidationEngineModelV1['doSettle']>[0], out: Parameters<LiquidationEngineModelV1['doSettle']>[1]) => {
        base.doSettle(input, out);
        out.feeToFundQuote += 0.01 * input.marginQuote + 1; // value from nowhere
      },
    });
    const failed = failedIds(checkLiquidationEngine(create));
    expect(failed).toContain('LE-MUST-013');
    expect(failed).toContain('LE-MUST-015'); // core's conservation check catches it too
  });

  it('a liquidation price on the wrong side of entry fails LE-MUST-010', () => {
    const base = generic();
    const create = broken({
      doPriceTriggers: (input: Parameters<LiquidationEngineModelV1['doPriceTriggers']>[0], out: Parameters<LiquidationEngineModelV1['doPriceTriggers']>[1]) => {
        base.doPriceTriggers(input, out);
        out.liquidationPriceQuote = 2 * input.entryPriceQuote - out.liquidationPriceQuote; // mirrored
      },
      doLiquidationPrices: undefined, // so core indexes the mirrored prices
    });
    const failed = failedIds(checkLiquidationEngine(create));
    expect(failed).toContain('LE-MUST-010');
    expect(failed).toContain('LE-MUST-016'); // healthy positions liquidate on a zero shock
    expect(failed).not.toContain('LE-MUST-017');
  });

  it('a batch of liquidation prices that differs from doPriceTriggers fails LE-MUST-017', () => {
    const base = generic();
    const offByOneUlp = broken({
      doLiquidationPrices: (input: Parameters<NonNullable<LiquidationEngineModelV1['doLiquidationPrices']>>[0], out: Float64Array) => {
        base.doLiquidationPrices!(input, out);
        for (let i = input.from; i < input.to; i++) out[i] = out[i]! * (1 + Number.EPSILON);
      },
    });
    expect(failedIds(checkLiquidationEngine(offByOneUlp))).toEqual(['LE-MUST-017']);
    const spills = broken({
      doLiquidationPrices: (input: Parameters<NonNullable<LiquidationEngineModelV1['doLiquidationPrices']>>[0], out: Float64Array) => {
        base.doLiquidationPrices!({ ...input, to: Math.min(input.to + 1, input.side.length) }, out);
      },
    });
    expect(failedIds(checkLiquidationEngine(spills))).toContain('LE-MUST-017');
  });

  it('a doValidatePosition that throws fails LE-MUST-005 (and every validation check)', () => {
    const create = broken({
      doValidatePosition: () => {
        throw new Error('not implemented');
      },
    });
    const failed = failedIds(checkLiquidationEngine(create));
    expect(failed).toEqual(expect.arrayContaining(['LE-MUST-005', 'LE-MUST-006']));
  });

  it('a validation that ignores leverage fails LE-MUST-006', () => {
    expect(failedIds(checkLiquidationEngine(broken({ doValidatePosition: () => [] })))).toContain('LE-MUST-006');
  });

  it('a missing capability key fails LE-MUST-003', () => {
    const { lending: _lending, ...caps } = generic().capabilities;
    expect(failedIds(checkLiquidationEngine(broken({ capabilities: caps })))).toEqual(['LE-MUST-003']);
  });

  it('a fee rate of 1 and a close larger than the position fail LE-MUST-012', () => {
    const create = broken({
      doLiquidationOrder: (input: { sizeBase: number }, out: Record<string, unknown>) => {
        out.closeBase = input.sizeBase * 2;
        out.route = 'market';
        out.limitPriceQuote = NaN;
        out.feeRate = 1;
        out.cooldownSeconds = 0;
      },
    });
    expect(failedIds(checkLiquidationEngine(create))).toContain('LE-MUST-012');
  });

  it('a maintenance margin that falls with notional fails LE-SHOULD-001', () => {
    expect(failedIds(checkLiquidationEngine(broken({ doMaintenanceMargin: (_m: string, n: number) => Math.max(0, 1000 - n * 1e-3) })))).toContain('LE-SHOULD-001');
  });

  it('an ADL score that ignores profit fails LE-SHOULD-003', () => {
    expect(failedIds(checkLiquidationEngine(broken({ doAdlScore: () => 1 })))).toEqual(['LE-SHOULD-003']);
  });

  it('a factory that throws fails every check instead of crashing', () => {
    const results = checkLiquidationEngine(() => {
      throw new Error('boom');
    });
    expect(results.every((r) => r.status === 'failed' && /boom/.test(r.message ?? ''))).toBe(true);
  });
});

describe('checkOrderBook', () => {
  const linear = () => createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 50, resilience: { halfLifeSeconds: 10 } });

  it('passes every check on a linear book', () => {
    expect(checkOrderBook(linear).filter((r) => !isAcceptable(r))).toEqual([]);
  });

  it('a wrong specificationVersion fails OB-MUST-001', () => {
    expect(failedIds(checkOrderBook(() => ({ ...linear(), specificationVersion: 'v0' }) as unknown as OrderBookModelV1))).toEqual(['OB-MUST-001']);
  });

  it('a quote that differs from the execution fails OB-MUST-004', () => {
    const model = linear();
    const create = (): OrderBookModelV1 => ({
      ...model,
      doCreate: () => {
        const book = model.doCreate();
        return {
          midPriceQuote: () => book.midPriceQuote(),
          referencePriceQuote: () => book.referencePriceQuote(),
          doSetReferencePrice: (p) => book.doSetReferencePrice(p),
          depthToPriceBase: (side, limit) => book.depthToPriceBase(side, limit),
          quote: (side, size, out) => {
            book.quote(side, size, out);
            out.averagePriceQuote *= 1.01; // an optimistic quote
            out.amountQuote *= 1.01;
          },
          doExecute: (side, size, t, out) => book.doExecute(side, size, t, out),
          doAdvance: (t) => book.doAdvance(t),
          doSetDepthMultiplier: (m) => book.doSetDepthMultiplier(m),
        };
      },
    });
    expect(failedIds(checkOrderBook(create))).toContain('OB-MUST-004');
  });

  it('a sell that raises the price fails OB-MUST-005 and OB-MUST-006', () => {
    const model = linear();
    const create = (): OrderBookModelV1 => ({
      ...model,
      doCreate: () => {
        const book = model.doCreate();
        const flip = (side: 'sell' | 'buy') => (side === 'sell' ? 'buy' : 'sell');
        return { ...book, midPriceQuote: () => book.midPriceQuote(), referencePriceQuote: () => book.referencePriceQuote(), doSetReferencePrice: (p) => book.doSetReferencePrice(p), depthToPriceBase: (s, l) => book.depthToPriceBase(s, l), doAdvance: (t) => book.doAdvance(t), doSetDepthMultiplier: (m) => book.doSetDepthMultiplier(m), quote: (side, size, out) => book.quote(flip(side), size, out), doExecute: (side, size, t, out) => book.doExecute(flip(side), size, t, out) };
      },
    });
    expect(failedIds(checkOrderBook(create))).toEqual(expect.arrayContaining(['OB-MUST-005']));
  });
});

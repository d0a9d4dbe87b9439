import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isFiresaleError } from '@firesale/core';
import {
  impactDepthQuote,
  leverageRatio,
  marketDepthQuote,
  priceImpactFraction,
  sellFraction,
  simulateFireSale,
} from '@firesale/contagion';
import type { FireSaleModelInput } from '@firesale/contagion';

const twoBanks: FireSaleModelInput = {
  marketableHoldingsQuote: [[90], [70]],
  equityQuote: [4, 4.5],
  illiquidHoldingsQuote: [[10, 0], [0, 20]],
  illiquidShockFraction: [0.2, 0],
  initialPrice: [1],
  priceFloor: [0.5],
  averageDailyVolumeQuote: [50],
  dailyVolatility: [0.02],
  depthCoefficient: 0.4,
  liquidationHorizonDays: 20,
  maxLeverage: 33.3,
  targetLeverage: 31.635,
};

function codeAndPath(fn: () => unknown): [string, string] | undefined {
  try {
    fn();
  } catch (error) {
    if (isFiresaleError(error, 'SCENARIO__INVALID_FIELD')) return [error.code, error.context.path];
    throw error;
  }
  return undefined;
}

describe('Cont–Schaanning building blocks', () => {
  it('market depth and impact depth follow c·ADV/σ·√τ and (1 - B/S0)·D', () => {
    const d = marketDepthQuote(0.4, 50, 0.02, 20);
    expect(d).toBeCloseTo(0.4 * 2500 * Math.sqrt(20), 10);
    expect(impactDepthQuote(0.5, 1, d)).toBeCloseTo(2236.0679775, 6);
  });

  it('impact is 0 without sales and never takes the price below the floor', () => {
    expect(priceImpactFraction(0, 100, 0.5, 1)).toBe(0);
    const psi = priceImpactFraction(1e9, 100, 0.5, 0.8);
    expect(0.8 * (1 - psi)).toBeCloseTo(0.5, 12);
  });

  it('leverage is infinite at zero equity and a defaulted bank that sells sells everything', () => {
    expect(leverageRatio(10, 5, 0)).toBe(Infinity);
    const p = { maxLeverage: 20, targetLeverage: 19, insolventBanksSell: true };
    expect(sellFraction(10, 5, 0, p)).toBe(1);
    expect(sellFraction(10, 5, 0, { ...p, insolventBanksSell: false })).toBe(0);
    expect(sellFraction(0, 5, 0, p)).toBe(0);
    expect(sellFraction(90, 10, 5, p)).toBe(0);
    expect(sellFraction(97, 10, 5, p)).toBeCloseTo((107 - 95) / 97, 14);
  });
});

describe('simulateFireSale', () => {
  it('reproduces the FinNetValu two-bank example and converges', () => {
    const r = simulateFireSale(twoBanks);
    expect(r.converged).toBe(true);
    expect(r.rounds).toHaveLength(3);
    expect(r.rounds[0]!.sellFraction[0]).toBeCloseTo(0.385888888889, 10);
    expect(r.final.defaults).toBe(0);
  });

  it('uses the FinNetValu defaults: target 0.95·max, alpha 0.5, insolvent banks sell', () => {
    const { targetLeverage: _t, ...rest } = twoBanks;
    const r = simulateFireSale(rest);
    // After the shock bank 1 holds 90 + 8 with equity 2: leverage 49 > 33.3, sells down to 0.95 * 33.3.
    expect(r.rounds[0]!.leverageBefore[0]).toBeCloseTo(49, 12);
    expect(r.rounds[0]!.sellFraction[0]).toBeCloseTo((98 - 0.95 * 33.3 * 2) / 90, 12);
    const withAlpha = simulateFireSale({ ...rest, implementationShortfall: 1 });
    // alpha = 1: a seller loses the full impact on what it sells too, L = sum Pi Psi.
    const first = withAlpha.rounds[0]!;
    expect(first.lossQuote[0]).toBeCloseTo(90 * first.priceImpactFraction[0]!, 12);
  });

  it('stops at maxRounds and says it did not converge', () => {
    const r = simulateFireSale({ ...twoBanks, maxRounds: 1 });
    expect(r.rounds).toHaveLength(1);
    expect(r.converged).toBe(false);
  });

  it('names the field of bad input', () => {
    expect(codeAndPath(() => simulateFireSale({ ...twoBanks, equityQuote: [4] }))).toEqual(['SCENARIO__INVALID_FIELD', 'marketableHoldingsQuote']);
    expect(codeAndPath(() => simulateFireSale({ ...twoBanks, marketableHoldingsQuote: [[90], [-1]] }))).toEqual([
      'SCENARIO__INVALID_FIELD',
      'marketableHoldingsQuote[1][0]',
    ]);
    expect(codeAndPath(() => simulateFireSale({ ...twoBanks, priceFloor: [1.2] }))).toEqual(['SCENARIO__INVALID_FIELD', 'priceFloor[0]']);
    expect(codeAndPath(() => simulateFireSale({ ...twoBanks, targetLeverage: 40 }))).toEqual(['SCENARIO__INVALID_FIELD', 'targetLeverage']);
    expect(codeAndPath(() => simulateFireSale({ ...twoBanks, illiquidShockFraction: [0.2, Number.NaN] }))).toEqual([
      'SCENARIO__INVALID_FIELD',
      'illiquidShockFraction[1]',
    ]);
    expect(codeAndPath(() => simulateFireSale({ ...twoBanks, dailyVolatility: [0] }))).toEqual(['SCENARIO__INVALID_FIELD', 'dailyVolatility[0]']);
  });
});

const system = fc
  .record({ banks: fc.integer({ min: 1, max: 5 }), assets: fc.integer({ min: 1, max: 3 }), illiquid: fc.integer({ min: 1, max: 2 }) })
  .chain(({ banks, assets, illiquid }) =>
    fc.record({
      marketableHoldingsQuote: fc.array(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: assets, maxLength: assets }), { minLength: banks, maxLength: banks }),
      equityQuote: fc.array(fc.double({ min: 0.5, max: 10, noNaN: true }), { minLength: banks, maxLength: banks }),
      illiquidHoldingsQuote: fc.array(fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: illiquid, maxLength: illiquid }), { minLength: banks, maxLength: banks }),
      illiquidShockFraction: fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: illiquid, maxLength: illiquid }),
      initialPrice: fc.constant(new Array<number>(assets).fill(1)),
      priceFloor: fc.array(fc.double({ min: 0, max: 0.9, noNaN: true }), { minLength: assets, maxLength: assets }),
      averageDailyVolumeQuote: fc.array(fc.double({ min: 5, max: 200, noNaN: true }), { minLength: assets, maxLength: assets }),
      dailyVolatility: fc.array(fc.double({ min: 0.01, max: 0.05, noNaN: true }), { minLength: assets, maxLength: assets }),
      depthCoefficient: fc.constant(0.4),
      liquidationHorizonDays: fc.double({ min: 0.5, max: 20, noNaN: true }),
      maxLeverage: fc.double({ min: 5, max: 40, noNaN: true }),
      implementationShortfall: fc.double({ min: 0, max: 1, noNaN: true }),
      insolventBanksSell: fc.boolean(),
    }),
  );

describe('fire-sale properties', () => {
  it('conserves value: equity0 + creditor loss = equity + shock loss + fire-sale losses, and the balance sheet balances', () => {
    fc.assert(
      fc.property(system, (input) => {
        const r = simulateFireSale(input);
        expect(r.converged).toBe(true);
        input.equityQuote.forEach((c0, i) => {
          const a = r.accounts[i]!;
          const scale = 1 + c0 + a.liabilitiesQuote;
          const equity = r.final.equityQuote[i]!;
          // Every unit of the initial equity is still equity or was lost (shock + fire sales), the part beyond
          // equity being borne by creditors.
          expect(Math.abs(c0 + a.creditorLossQuote - (equity + a.shockLossQuote + a.fireSaleLossQuote))).toBeLessThanOrEqual(1e-9 * scale);
          // Balance sheet: what the bank holds minus what it owes is its equity net of creditor losses.
          let held = r.illiquidValueAfterShockQuote[i]! + a.cashRaisedQuote - a.liabilitiesQuote;
          for (const v of r.final.holdingsQuote[i]!) held += v;
          expect(Math.abs(held - (equity - a.creditorLossQuote))).toBeLessThanOrEqual(1e-9 * scale);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('more initial shock never reduces the number of defaults', () => {
    fc.assert(
      fc.property(system, fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: 2, maxLength: 2 }), (input, extra) => {
        const bigger = input.illiquidShockFraction.map((e, k) => Math.min(e + extra[k]!, 1));
        const small = simulateFireSale(input);
        const large = simulateFireSale({ ...input, illiquidShockFraction: bigger });
        expect(large.final.defaults).toBeGreaterThanOrEqual(small.final.defaults);
      }),
      { numRuns: 1000 },
    );
  });

  it('prices only fall, never below the floor, and holdings never go negative', () => {
    fc.assert(
      fc.property(system, (input) => {
        const r = simulateFireSale(input);
        r.final.prices.forEach((s, mu) => {
          expect(s).toBeLessThanOrEqual(1);
          expect(s).toBeGreaterThanOrEqual(input.priceFloor[mu]! - 1e-12);
        });
        for (const row of r.final.holdingsQuote) for (const v of row) expect(v).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });
});

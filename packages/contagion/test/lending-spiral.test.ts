import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isFiresaleError } from '@firesale/core';
import { simulateLendingSpiral, spiralThreshold } from '@firesale/contagion';

describe('spiralThreshold', () => {
  it('is 1 + LI in collateral ratio and 1/(1 + LI) in LTV (95.238% at 5%)', () => {
    const t = spiralThreshold(0.05);
    expect(t.crThreshold).toBeCloseTo(1.05, 15);
    expect(t.ltvThreshold).toBeCloseTo(0.952380952381, 12);
  });

  it('rejects a negative incentive naming the field', () => {
    expect(() => spiralThreshold(-0.1)).toThrow(/liquidationIncentive/);
  });
});

describe('simulateLendingSpiral', () => {
  it('agrees with the closed form: one uncapped liquidation lowers C/D exactly when LTV > 1/(1 + LI)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0.5, max: 1.3, noNaN: true }),
        fc.double({ min: 0, max: 0.25, noNaN: true }),
        fc.double({ min: 0.05, max: 0.6, noNaN: true }),
        (collateral, ltv, li, closeFactor) => {
          const t = spiralThreshold(li);
          fc.pre(Math.abs(ltv - t.ltvThreshold) > 1e-9);
          const r = simulateLendingSpiral({ collateralQuote: collateral, debtQuote: ltv * collateral, liquidationIncentive: li, closeFactor, liquidationLtv: 0.4, maxLiquidations: 1 });
          const step = r.steps[0]!;
          fc.pre(!step.seizeCappedByCollateral);
          expect(step.crDecreased).toBe(r.inSpiralRegion);
          expect(r.inSpiralRegion).toBe(ltv * collateral / collateral > t.ltvThreshold);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves the collateral ratio unchanged at CR = 1 + LI', () => {
    const r = simulateLendingSpiral({ collateralQuote: 105, debtQuote: 100, liquidationIncentive: 0.05, closeFactor: 0.5, liquidationLtv: 0.8, maxLiquidations: 3 });
    for (const s of r.steps) expect(s.crAfter).toBeCloseTo(1.05, 12);
    expect(r.steps.every((s) => !s.crDecreased)).toBe(true);
    expect(r.inSpiralRegion).toBe(false);
  });

  it('conserves value: seized = repaid · (1 + LI) every step, and bad debt only once the collateral is gone', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0.81, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (collateral, ltv, li, closeFactor) => {
          const r = simulateLendingSpiral({ collateralQuote: collateral, debtQuote: ltv * collateral, liquidationIncentive: li, closeFactor, liquidationLtv: 0.8, maxLiquidations: 50 });
          for (const s of r.steps) {
            expect(s.collateralSeizedQuote).toBeCloseTo(s.debtRepaidQuote * (1 + li), 6);
            expect(s.collateralAfterQuote).toBeGreaterThanOrEqual(0);
          }
          if (r.badDebtQuote > 0) expect(r.finalCollateralQuote).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the field of bad input', () => {
    const base = { collateralQuote: 100, debtQuote: 90, liquidationIncentive: 0.05, closeFactor: 0.5, liquidationLtv: 0.8 };
    for (const [patch, path] of [
      [{ collateralQuote: -1 }, 'collateralQuote'],
      [{ closeFactor: 1.5 }, 'closeFactor'],
      [{ closeFactor: 0 }, 'closeFactor'],
      [{ liquidationIncentive: Number.NaN }, 'liquidationIncentive'],
    ] as const) {
      let caught: unknown;
      try {
        simulateLendingSpiral({ ...base, ...patch });
      } catch (error) {
        caught = error;
      }
      expect(isFiresaleError(caught, 'SCENARIO__INVALID_FIELD') && caught.context.path).toBe(path);
    }
  });
});

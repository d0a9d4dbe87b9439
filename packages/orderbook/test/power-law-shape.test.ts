import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPowerLawShape } from '../src/power-law-shape';

// The power law's formulas with `Math.pow`, as the shape computes them for every other exponent.
const withPow = (unitQuote: number, unitBase: number, exponent: number) => {
  const k = 1 + 1 / exponent;
  const scale = (unitQuote * unitBase) / k;
  return {
    displacementQuote: (v: number) => unitQuote * Math.pow(v / unitBase, 1 / exponent),
    integralQuote: (a: number, b: number) =>
      a <= 0 ? scale * Math.pow(b / unitBase, k) : scale * Math.pow(a / unitBase, k) * Math.expm1(k * Math.log1p((b - a) / a)),
    consumedBase: (d: number) => unitBase * Math.pow(d / unitQuote, exponent),
  };
};

describe('power-law shape', () => {
  it('at exponent 1 (powers written out) gives what Math.pow gives, bit for bit', () => {
    const positive = fc.double({ min: 1e-6, max: 1e9, noNaN: true });
    const amount = fc.double({ min: 0, max: 1e12, noNaN: true });
    fc.assert(
      fc.property(positive, positive, amount, amount, (unitQuote, unitBase, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const shape = createPowerLawShape(unitQuote, unitBase, 1);
        const reference = withPow(unitQuote, unitBase, 1);
        expect(Object.is(shape.displacementQuote(to), reference.displacementQuote(to))).toBe(true);
        expect(Object.is(shape.integralQuote(from, to), reference.integralQuote(from, to))).toBe(true);
        expect(Object.is(shape.consumedBase(to), reference.consumedBase(to))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

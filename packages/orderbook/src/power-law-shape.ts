import type { DisplacementShape } from './displacement-book';

/**
 * A side whose cumulative depth grows as a power of the price distance: `B(Δ) = unitBase · (Δ / unitQuote)^exponent`
 * base rest within `Δ` quote of the reference. Its inverse, the displacement after consuming `v` base, is
 * `unitQuote · (v / unitBase)^(1/exponent)`: exponent 1 is a linear book, exponent 2 square-root impact.
 *
 * @param unitQuote - A reference price distance in quote (the 1% distance of the parametric book).
 * @param unitBase - Base resting within `unitQuote` of the reference.
 * @param exponent - Growth exponent of cumulative depth (positive, finite).
 */
export function createPowerLawShape(unitQuote: number, unitBase: number, exponent: number): DisplacementShape {
  const inverseExponent = 1 / exponent;
  const integralExponent = 1 + inverseExponent;
  // ∫0^v unitQuote·(u/unitBase)^(1/e) du = unitQuote·unitBase/(1 + 1/e) · (v/unitBase)^(1 + 1/e)
  const integralScale = (unitQuote * unitBase) / integralExponent;
  if (exponent === 1) return linearPowerLawShape(unitQuote, unitBase, integralScale);
  return {
    capacityBase: Number.POSITIVE_INFINITY,
    displacementQuote: (consumedBase) => unitQuote * Math.pow(consumedBase / unitBase, inverseExponent),
    integralQuote(fromBase, toBase) {
      const to = Math.pow(toBase / unitBase, integralExponent);
      if (fromBase <= 0) return integralScale * to;
      // b^k - a^k = a^k · expm1(k · log1p((b - a) / a)): accurate for thin slices deep in the book.
      const from = Math.pow(fromBase / unitBase, integralExponent);
      return integralScale * from * Math.expm1(integralExponent * Math.log1p((toBase - fromBase) / fromBase));
    },
    consumedBase: (displacementQuote) => unitBase * Math.pow(displacementQuote / unitQuote, exponent),
  };
}

/**
 * The power law at exponent 1 (the parametric book's default), with its powers written out: `x^1` is `x` and `x^2`
 * is `x * x`, exactly what `Math.pow` returns for those exponents (V8's `pow` special-cases them), so prices are the
 * same bit for bit and a fill skips three calls into the math library.
 */
function linearPowerLawShape(unitQuote: number, unitBase: number, integralScale: number): DisplacementShape {
  return {
    capacityBase: Number.POSITIVE_INFINITY,
    displacementQuote: (consumedBase) => unitQuote * (consumedBase / unitBase),
    integralQuote(fromBase, toBase) {
      const toRatio = toBase / unitBase;
      const to = toRatio * toRatio;
      if (fromBase <= 0) return integralScale * to;
      const fromRatio = fromBase / unitBase;
      return integralScale * (fromRatio * fromRatio) * Math.expm1(2 * Math.log1p((toBase - fromBase) / fromBase));
    },
    consumedBase: (displacementQuote) => unitBase * (displacementQuote / unitQuote),
  };
}

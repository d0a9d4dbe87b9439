import { describe, expect, it } from 'vitest';
import { isFiresaleError } from '@firesale/core';
import { createCorrelatedSampler, normalQuantile } from '@firesale/contagion';

describe('normalQuantile', () => {
  it('matches the standard normal quantiles to 1e-8', () => {
    // Φ⁻¹ values from standard tables (Abramowitz & Stegun 26.2).
    const table: [number, number][] = [
      [0.5, 0],
      [0.975, 1.959963984540054],
      [0.025, -1.959963984540054],
      [0.01, -2.326347874040841],
      [0.001, -3.090232306167814],
      [0.8413447460685429, 1],
      [0.9999, 3.719016485455709],
    ];
    for (const [p, z] of table) expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-8 * Math.max(1, Math.abs(z)));
  });

  it('rejects probabilities outside (0, 1)', () => {
    for (const p of [0, 1, -0.1, Number.NaN]) {
      let error: unknown;
      try {
        normalQuantile(p);
      } catch (e) {
        error = e;
      }
      expect(isFiresaleError(error, 'SCENARIO__INVALID_FIELD')).toBe(true);
    }
  });
});

describe('correlated stress (conditional quantile)', () => {
  it('puts the anchor at its quantile and the others at their conditional mean', () => {
    const sampler = createCorrelatedSampler({ correlation: [[1, 0.8], [0.8, 1]], volatilities: [0.05, 0.1], returnModel: 'simple' });
    const z = normalQuantile(0.01);
    const [a, b] = sampler.stress(0.01);
    expect(a).toBeCloseTo(0.05 * z, 12);
    expect(b).toBeCloseTo(0.1 * 0.8 * z, 12);
    const [c, d] = sampler.stress(0.01, 1);
    expect(c).toBeCloseTo(0.05 * 0.8 * z, 12);
    expect(d).toBeCloseTo(0.1 * z, 12);
  });

  it('uses the correlation implied by a factor model and the log return model by default', () => {
    const sampler = createCorrelatedSampler({ factorLoadings: [[0.9], [0.6]], volatilities: [0.05, 0.08], means: [0, -0.01] });
    const z = normalQuantile(0.05);
    const [a, b] = sampler.stress(0.05);
    expect(a).toBeCloseTo(Math.expm1(0.05 * z), 12);
    expect(b).toBeCloseTo(Math.expm1(-0.01 + 0.08 * 0.54 * z), 12);
    expect(() => sampler.stress(0.05, 2)).toThrow(/anchorIndex/);
  });
});

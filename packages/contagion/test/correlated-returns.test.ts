import { describe, expect, it } from 'vitest';
import { createRng, isFiresaleError } from '@firesale/core';
import { checkCorrelationMatrix, choleskyLower, correlatedReturns, createCorrelatedSampler, impliedCorrelation, shocksFromReturns, symmetricEigen } from '@firesale/contagion';

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

function sampleCorrelation(draws: readonly (readonly number[])[], a: number, b: number): number {
  const n = draws.length;
  let ma = 0;
  let mb = 0;
  for (const d of draws) {
    ma += d[a]!;
    mb += d[b]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (const d of draws) {
    sab += (d[a]! - ma) * (d[b]! - mb);
    saa += (d[a]! - ma) ** 2;
    sbb += (d[b]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

const corr = [
  [1, 0.8, 0.3],
  [0.8, 1, 0.5],
  [0.3, 0.5, 1],
];

describe('correlation matrix checks', () => {
  it('rejects a matrix that is not positive semi-definite, naming the entry and the eigenvalue', () => {
    const bad = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    const error = caught(() => correlatedReturns({ correlation: bad, volatilities: [0.05, 0.05, 0.05], seed: 1 }));
    expect(isFiresaleError(error, 'SCENARIO__INVALID_FIELD')).toBe(true);
    if (!isFiresaleError(error, 'SCENARIO__INVALID_FIELD')) return;
    const smallest = symmetricEigen(bad).values[0]!;
    expect(smallest).toBeLessThan(0);
    expect(error.context.path).toBe('correlation[2][1]');
    expect(error.context.reason).toBe(`not positive semi-definite (eigenvalue ${Number(smallest.toPrecision(2))})`);
    expect(error.message).toBe(`correlation[2][1]: not positive semi-definite (eigenvalue ${Number(smallest.toPrecision(2))})`);
  });

  it('names the entry of an asymmetric matrix, a diagonal other than 1, an entry above 1, a ragged row', () => {
    const path = (m: number[][]): unknown => {
      const e = caught(() => checkCorrelationMatrix(m, 3));
      return isFiresaleError(e, 'SCENARIO__INVALID_FIELD') ? [e.context.path, e.context.reason] : e;
    };
    expect(path([[1, 0.8, 0.3], [0.8, 1, 0.5], [0.3, 0.4, 1]])).toEqual(['correlation[2][1]', 'not symmetric: correlation[1][2] is 0.5']);
    expect(path([[1, 0.8, 0.3], [0.8, 0.9, 0.5], [0.3, 0.5, 1]])).toEqual(['correlation[1][1]', 'a diagonal entry must be 1']);
    expect(path([[1, 1.2, 0.3], [1.2, 1, 0.5], [0.3, 0.5, 1]])).toEqual(['correlation[0][1]', 'a correlation must be within [-1, 1]']);
    expect(path([[1, 0.8, 0.3], [0.8, 1], [0.3, 0.5, 1]])).toEqual(['correlation[1]', 'has 2 entries, expected 3']);
  });

  it('accepts a singular (perfectly correlated) matrix and factors it exactly', () => {
    const singular = [
      [1, 1, 0],
      [1, 1, 0],
      [0, 0, 1],
    ];
    const l = choleskyLower(checkCorrelationMatrix(singular, 3));
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += l[i]![k]! * l[j]![k]!;
        expect(s).toBeCloseTo(singular[i]![j]!, 12);
      }
    }
  });

  it('needs exactly one of correlation and factorLoadings', () => {
    expect(isFiresaleError(caught(() => createCorrelatedSampler({ volatilities: [0.1] })), 'SCENARIO__VALUE_MISSING')).toBe(true);
    const both = caught(() => createCorrelatedSampler({ volatilities: [0.1], correlation: [[1]], factorLoadings: [[0.5]] }));
    expect(isFiresaleError(both, 'SCENARIO__INVALID_FIELD') && both.context.path).toBe('factorLoadings');
    const loud = caught(() => createCorrelatedSampler({ volatilities: [0.1, 0.1], factorLoadings: [[0.5, 0.5], [0.9, 0.6]] }));
    expect(isFiresaleError(loud, 'SCENARIO__INVALID_FIELD') && loud.context.path).toBe('factorLoadings[1]');
    const vol = caught(() => createCorrelatedSampler({ volatilities: [0.1, -0.1], correlation: [[1, 0], [0, 1]] }));
    expect(isFiresaleError(vol, 'SCENARIO__INVALID_FIELD') && vol.context.path).toBe('volatilities[1]');
  });
});

describe('correlatedReturns', () => {
  it('reproduces the correlation and volatilities (simple returns, 20,000 draws)', () => {
    const vols = [0.05, 0.08, 0.02];
    const draws = correlatedReturns({ correlation: corr, volatilities: vols, seed: 42, draws: 20_000, returnModel: 'simple' });
    expect(draws).toHaveLength(20_000);
    for (const [a, b] of [[0, 1], [0, 2], [1, 2]] as const) expect(Math.abs(sampleCorrelation(draws, a, b) - corr[a]![b]!)).toBeLessThan(0.03);
    vols.forEach((v, m) => {
      const sd = Math.sqrt(draws.reduce((s, d) => s + d[m]! ** 2, 0) / draws.length);
      expect(Math.abs(sd / v - 1)).toBeLessThan(0.03);
    });
  });

  it('is seeded: same seed same draws, draw d the same whatever the number of draws', () => {
    const a = correlatedReturns({ correlation: corr, volatilities: [0.05, 0.08, 0.02], seed: 7, draws: 5 });
    const b = correlatedReturns({ correlation: corr, volatilities: [0.05, 0.08, 0.02], seed: 7, draws: 3 });
    expect(b).toEqual(a.slice(0, 3));
    expect(correlatedReturns({ correlation: corr, volatilities: [0.05, 0.08, 0.02], seed: 8, draws: 1 })[0]).not.toEqual(a[0]);
    const sampler = createCorrelatedSampler({ correlation: corr, volatilities: [0.05, 0.08, 0.02] });
    expect(sampler.sample(createRng(7).fork(4))).toEqual(a[4]);
  });

  it('log returns never fall below -100%', () => {
    const draws = correlatedReturns({ correlation: [[1]], volatilities: [2], seed: 3, draws: 2000 });
    for (const [r] of draws) expect(r!).toBeGreaterThan(-1);
  });

  it('factor model: implied correlation b·bᵀ, matched by the draws', () => {
    const loadings = [[0.9, 0], [0.7, 0.3], [0.2, 0.8]];
    const implied = impliedCorrelation(loadings);
    expect(implied[0]![1]).toBeCloseTo(0.63, 12);
    expect(implied[1]![2]).toBeCloseTo(0.14 + 0.24, 12);
    const draws = correlatedReturns({ factorLoadings: loadings, volatilities: [0.03, 0.03, 0.03], seed: 11, draws: 20_000, returnModel: 'simple' });
    for (const [a, b] of [[0, 1], [0, 2], [1, 2]] as const) expect(Math.abs(sampleCorrelation(draws, a, b) - implied[a]![b]!)).toBeLessThan(0.03);
  });

  it('turns a draw into simulator shocks', () => {
    expect(shocksFromReturns(['BTC', 'ETH'], [-0.1, -0.15], { overSeconds: 60 })).toEqual([
      { marketId: 'BTC', returnFraction: -0.1, overSeconds: 60 },
      { marketId: 'ETH', returnFraction: -0.15, overSeconds: 60 },
    ]);
    expect(() => shocksFromReturns(['BTC'], [-0.1, -0.15])).toThrow(/marketIds/);
  });
});

import type { ShockInput } from '@firesale/core';
import { createRng, FiresaleError } from '@firesale/core';
import type { Rng } from '@firesale/core';
import type { Fraction } from '@firesale/spec';
import { checkCorrelationMatrix, choleskyLower } from './correlation-matrix';
import { checkMatrix, checkNumber, checkVector, invalid } from './field-checks';
import { normalQuantile } from './normal-quantile';

/** How the correlated normal draw x (mean + volatility * z) becomes a return fraction. */
export type ReturnModel = 'log' | 'simple';

/** A joint distribution of per-market returns: a correlation matrix or a factor model, and each market's volatility. */
export type CorrelatedReturnsSpec = {
  /** Per market: the standard deviation of its return over the shock horizon (0.05 = 5%). */
  readonly volatilities: readonly Fraction[];
  /** Per market: the mean of the return over the horizon (default 0). */
  readonly means?: readonly Fraction[];
  /** A symmetric, unit-diagonal, positive semi-definite correlation matrix (one of this or `factorLoadings`). */
  readonly correlation?: readonly (readonly number[])[];
  /**
   * `factorLoadings[m][f]`: market m's loading on common factor f. Market m's standardised return is
   * `sum_f b[m][f] F_f + sqrt(1 - sum_f b[m][f]^2) e_m` with independent standard normals F and e; so the squares
   * of a row must sum to at most 1, and the implied correlation is `b bᵀ` off the diagonal.
   */
  readonly factorLoadings?: readonly (readonly number[])[];
  /**
   * `log` (default): the return fraction is `exp(x) - 1`, never below -100%, and the correlation is that of log
   * returns; `simple`: the return fraction is x itself (the correlation is exact, but a draw may fall below -1).
   */
  readonly returnModel?: ReturnModel;
};

/** A validated distribution, ready to draw from many times. */
export type CorrelatedReturnsSampler = {
  readonly marketCount: number;
  /** The correlation of the standardised draws (the input matrix, or `b bᵀ` with a unit diagonal). */
  readonly correlation: readonly (readonly number[])[];
  /** One joint draw of per-market return fractions, from `rng`. */
  sample(rng: Rng): number[];
  /**
   * A deterministic correlated stress: market `anchorIndex` at the `quantile` of its distribution (standardised move
   * `z = Φ⁻¹(quantile)`), every other market m at its conditional mean given that move, `correlation[m][anchor] · z`
   * (the Gaussian regression of the standardised draws), each turned into a return fraction as {@link sample} does.
   *
   * @throws `FiresaleError` `SCENARIO__INVALID_FIELD` for a quantile outside (0, 1) (path `quantile`) or an
   * anchor that is not a market index (path `anchorIndex`).
   */
  stress(quantile: Fraction, anchorIndex?: number): number[];
};

/**
 * Validates a correlation matrix or factor model once (Cholesky factor of the correlation matrix) and returns a
 * sampler of joint per-market returns.
 *
 * @throws `FiresaleError` `SCENARIO__VALUE_MISSING` when neither `correlation` nor `factorLoadings` is given;
 * `SCENARIO__INVALID_FIELD` naming the field for both given, a matrix that is not square, symmetric, unit-diagonal
 * or positive semi-definite (`correlation[2][1]: not positive semi-definite (eigenvalue -0.13)`), loadings whose
 * squares sum above 1, or a negative volatility.
 */
export function createCorrelatedSampler(spec: CorrelatedReturnsSpec): CorrelatedReturnsSampler {
  const vols = checkVector(spec.volatilities, 'volatilities', undefined, 0);
  const n = vols.length;
  const means = spec.means === undefined ? new Array<number>(n).fill(0) : checkVector(spec.means, 'means', n);
  const model = spec.returnModel ?? 'log';
  if (model !== 'log' && model !== 'simple') throw invalid('returnModel', model, "must be 'log' or 'simple'");
  if (spec.correlation !== undefined && spec.factorLoadings !== undefined) {
    throw invalid('factorLoadings', 'given', 'give either correlation or factorLoadings, not both');
  }
  const toReturn = (m: number, z: number): number => {
    const x = means[m]! + vols[m]! * z;
    return model === 'log' ? Math.expm1(x) : x;
  };

  if (spec.factorLoadings !== undefined) {
    const b = checkMatrix(spec.factorLoadings, 'factorLoadings', n);
    const idio = b.map((row, m) => {
      let s = 0;
      for (const x of row) s += x * x;
      if (s > 1 + 1e-12) throw invalid(`factorLoadings[${m}]`, row, `the loadings' squares sum to ${Number(s.toPrecision(4))}, above 1`);
      return Math.sqrt(Math.max(1 - s, 0));
    });
    const factors = b[0]?.length ?? 0;
    const implied = impliedCorrelation(b);
    return {
      marketCount: n,
      correlation: implied,
      stress: (quantile, anchorIndex = 0) => conditionalStress(implied, quantile, anchorIndex, toReturn),
      sample(rng: Rng): number[] {
        const f: number[] = [];
        for (let k = 0; k < factors; k++) f.push(rng.nextNormal());
        const out: number[] = [];
        for (let m = 0; m < n; m++) {
          let z = 0;
          const row = b[m]!;
          for (let k = 0; k < factors; k++) z += row[k]! * f[k]!;
          out.push(toReturn(m, z + idio[m]! * rng.nextNormal()));
        }
        return out;
      },
    };
  }
  if (spec.correlation === undefined) {
    throw new FiresaleError('SCENARIO__VALUE_MISSING', { path: 'correlation' });
  }
  const corr = checkCorrelationMatrix(spec.correlation, n);
  const l = choleskyLower(corr);
  return {
    marketCount: n,
    correlation: corr,
    stress: (quantile, anchorIndex = 0) => conditionalStress(corr, quantile, anchorIndex, toReturn),
    sample(rng: Rng): number[] {
      const e: number[] = [];
      for (let m = 0; m < n; m++) e.push(rng.nextNormal());
      const out: number[] = [];
      for (let m = 0; m < n; m++) {
        let z = 0;
        const row = l[m]!;
        for (let k = 0; k <= m; k++) z += row[k]! * e[k]!;
        out.push(toReturn(m, z));
      }
      return out;
    },
  };
}

function conditionalStress(
  correlation: readonly (readonly number[])[],
  quantile: number,
  anchorIndex: number,
  toReturn: (m: number, z: number) => number,
): number[] {
  const z = normalQuantile(quantile);
  if (!Number.isInteger(anchorIndex) || anchorIndex < 0 || anchorIndex >= correlation.length) {
    throw invalid('anchorIndex', anchorIndex, `must be a market index from 0 to ${correlation.length - 1}`);
  }
  return correlation.map((row, m) => toReturn(m, (m === anchorIndex ? 1 : row[anchorIndex]!) * z));
}

/** The correlation implied by factor loadings b: `b bᵀ` off the diagonal, 1 on it. */
export function impliedCorrelation(factorLoadings: readonly (readonly number[])[]): number[][] {
  return factorLoadings.map((bi, i) =>
    factorLoadings.map((bj, j) => {
      if (i === j) return 1;
      let s = 0;
      for (let k = 0; k < bi.length; k++) s += bi[k]! * (bj[k] ?? 0);
      return s;
    }),
  );
}

/** {@link CorrelatedReturnsSpec} plus the seed and how many joint draws. */
export type CorrelatedReturnsInput = CorrelatedReturnsSpec & {
  /** 32-bit integer seed for {@link createRng}. */
  readonly seed: number;
  /** Number of joint draws (default 1). */
  readonly draws?: number;
};

/**
 * Draws per-market return fractions jointly: `result[d][m]` is market m's return in draw d. Draw d uses
 * `createRng(seed).fork(d)`, so draw d is the same whatever the number of draws (Monte Carlo path d can be
 * recomputed alone).
 *
 * @throws `FiresaleError` as {@link createCorrelatedSampler}, and `SCENARIO__INVALID_FIELD` for a bad `seed` or
 * `draws`.
 * @example
 * ```ts
 * const [draw] = correlatedReturns({ correlation: [[1, 0.8], [0.8, 1]], volatilities: [0.05, 0.08], seed: 7 });
 * // draw = [r_BTC, r_ETH], correlated 0.8
 * ```
 */
export function correlatedReturns(input: CorrelatedReturnsInput): number[][] {
  const sampler = createCorrelatedSampler(input);
  const seed = checkNumber(input.seed, 'seed');
  if (!Number.isInteger(seed)) throw invalid('seed', seed, 'must be an integer');
  const draws = checkNumber(input.draws ?? 1, 'draws', 0);
  if (!Number.isInteger(draws)) throw invalid('draws', draws, 'must be an integer');
  const root = createRng(seed);
  const out: number[][] = [];
  for (let d = 0; d < draws; d++) out.push(sampler.sample(root.fork(d)));
  return out;
}

/**
 * Turns one joint draw into simulator shocks: market `marketIds[m]` moves by `returnFractions[m]`, starting at
 * `atSeconds` and unfolding over `overSeconds` (both default 0).
 */
export function shocksFromReturns(
  marketIds: readonly string[],
  returnFractions: readonly number[],
  timing: { readonly atSeconds?: number; readonly overSeconds?: number } = {},
): ShockInput[] {
  if (marketIds.length !== returnFractions.length) {
    throw invalid('marketIds', marketIds.length, `has ${marketIds.length} entries, expected ${returnFractions.length}`);
  }
  return marketIds.map((marketId, m) => ({ marketId, returnFraction: returnFractions[m]!, ...timing }));
}

import type { Rng, ShockInput } from '@firesale/core';
import { SECONDS_PER_YEAR, type BootstrapShockModel, type GbmShockModel, type MertonShockModel, type ShockModelSpec } from './shock-model';

/**
 * Draws exogenous price paths into preallocated buffers (one per market), reused for every path of a batch:
 * the engine reads them during a run and keeps no reference afterwards.
 */
export type PathSampler = {
  /** Draws path `pathIndex`'s shocks from `rng`. The returned array and its paths are reused by the next call. */
  sample(rng: Rng, pathIndex: number): readonly ShockInput[];
};

/** Builds the sampler of a shock model for `marketIds` over `horizonSeconds`. */
export function createPathSampler(spec: ShockModelSpec, marketIds: readonly string[], horizonSeconds: number): PathSampler {
  switch (spec.model) {
    case 'gbm':
    case 'merton':
      return diffusionSampler(spec, marketIds, horizonSeconds);
    case 'bootstrap':
      return bootstrapSampler(spec, marketIds, horizonSeconds);
    case 'stress':
      return {
        sample: (_rng, pathIndex) => {
          const scenario = spec.scenarios[pathIndex % spec.scenarios.length]!;
          return scenario.shocks.map((s) => ({ marketId: s.marketId, returnFraction: s.returnFraction, atSeconds: s.atSeconds ?? 0, overSeconds: s.overSeconds ?? 0 }));
        },
      };
  }
}

type PathBuffers = { times: Float64Array; moves: Float64Array[]; shocks: ShockInput[] };

function buffers(marketIds: readonly string[], points: number, stepSeconds: number, horizonSeconds: number): PathBuffers {
  const times = new Float64Array(points + 1);
  for (let k = 0; k <= points; k++) times[k] = Math.min(horizonSeconds, k * stepSeconds);
  const moves = marketIds.map(() => new Float64Array(points + 1));
  const shocks = marketIds.map((marketId, m) => ({ marketId, returnFraction: 0, path: { timeSeconds: times, returnFraction: moves[m]! } }));
  return { times, moves, shocks };
}

function diffusionSampler(spec: GbmShockModel | MertonShockModel, marketIds: readonly string[], horizonSeconds: number): PathSampler {
  const stepSeconds = spec.pathStepSeconds ?? horizonSeconds / 60;
  const points = Math.max(1, Math.ceil(horizonSeconds / stepSeconds - 1e-9));
  const { times, moves, shocks } = buffers(marketIds, points, stepSeconds, horizonSeconds);
  const sigma = spec.volatilityAnnual;
  const mu = spec.driftAnnual ?? 0;
  const rho = spec.correlation ?? 0;
  const common = Math.sqrt(Math.max(0, rho));
  const own = Math.sqrt(Math.max(0, 1 - rho));
  const jumps = spec.model === 'merton';
  const lambda = jumps ? spec.jumpIntensityAnnual : 0;
  const jumpMean = jumps ? spec.jumpMeanLog : 0;
  const jumpStd = jumps ? spec.jumpStdLog : 0;
  const compensator = jumps ? lambda * (Math.exp(jumpMean + (jumpStd * jumpStd) / 2) - 1) : 0;
  const logX = new Float64Array(marketIds.length);
  return {
    sample(rng) {
      logX.fill(0);
      for (let k = 1; k <= points; k++) {
        const dtYears = (times[k]! - times[k - 1]!) / SECONDS_PER_YEAR;
        const drift = (mu - compensator - (sigma * sigma) / 2) * dtYears;
        const scale = sigma * Math.sqrt(dtYears);
        const z0 = rho > 0 ? rng.nextNormal() : 0;
        for (let m = 0; m < logX.length; m++) {
          const z = common * z0 + own * rng.nextNormal();
          let x = logX[m]! + drift + scale * z;
          if (jumps) {
            const count = poisson(lambda * dtYears, rng);
            for (let j = 0; j < count; j++) x += jumpMean + jumpStd * rng.nextNormal();
          }
          logX[m] = x;
          moves[m]![k] = Math.expm1(x);
        }
      }
      return shocks;
    },
  };
}

/** A Poisson draw (Knuth's product method: the means per path step are small). */
function poisson(mean: number, rng: Rng): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.nextFloat();
  while (p > limit) {
    k++;
    p *= rng.nextFloat();
  }
  return k;
}

function bootstrapSampler(spec: BootstrapShockModel, marketIds: readonly string[], horizonSeconds: number): PathSampler {
  const points = Math.max(1, Math.ceil(horizonSeconds / spec.intervalSeconds - 1e-9));
  const { moves, shocks } = buffers(marketIds, points, spec.intervalSeconds, horizonSeconds);
  const series = marketIds.map((id) => spec.logReturns[id] ?? Object.values(spec.logReturns)[0] ?? []);
  const rows = Math.min(...series.map((s) => s.length));
  const block = Math.max(1, Math.min(rows, Math.floor(spec.blockLength ?? 1)));
  const logX = new Float64Array(marketIds.length);
  return {
    sample(rng) {
      logX.fill(0);
      let row = 0;
      let left = 0;
      for (let k = 1; k <= points; k++) {
        if (left === 0) {
          row = rng.nextInt(rows - block + 1);
          left = block;
        }
        for (let m = 0; m < logX.length; m++) {
          logX[m]! += series[m]![row]!;
          moves[m]![k] = Math.expm1(logX[m]!);
        }
        row++;
        left--;
      }
      return shocks;
    },
  };
}

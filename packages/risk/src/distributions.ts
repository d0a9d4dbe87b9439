import type { Rng } from '@firesale/core';

/** A distribution of a positive parameter (drawn once per path, seeded). */
export type ParameterDistribution =
  | { readonly distribution: 'fixed'; readonly value: number }
  | { readonly distribution: 'uniform'; readonly min: number; readonly max: number }
  | { readonly distribution: 'lognormal'; readonly median: number; readonly sigma: number; readonly max?: number }
  | { readonly distribution: 'discrete'; readonly values: readonly number[]; readonly weights?: readonly number[] };

/** Draws one value from `rng` (each parameter gets its own forked stream, so changing one spec never shifts another). */
export function sampleDistribution(spec: ParameterDistribution, rng: Rng): number {
  switch (spec.distribution) {
    case 'fixed':
      rng.nextFloat();
      return spec.value;
    case 'uniform':
      return spec.min + (spec.max - spec.min) * rng.nextFloat();
    case 'lognormal': {
      const x = spec.median * Math.exp(spec.sigma * rng.nextNormal());
      return spec.max === undefined ? x : Math.min(x, spec.max);
    }
    case 'discrete': {
      const weights = spec.weights ?? spec.values.map(() => 1);
      let total = 0;
      for (const w of weights) total += w;
      let u = rng.nextFloat() * total;
      for (let i = 0; i < spec.values.length; i++) {
        u -= weights[i] ?? 0;
        if (u < 0) return spec.values[i]!;
      }
      return spec.values[spec.values.length - 1]!;
    }
  }
}

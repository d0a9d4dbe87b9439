import type { AdlBatchingV1, AdlPolicyV1 } from '@firesale/spec';
import { FiresaleError } from './firesale-error';

/** The ADL policies the engine knows, default first. */
export const ADL_POLICIES = ['ranking', 'pro-rata', 'shortfall-only'] as const satisfies readonly AdlPolicyV1[];

/** The ADL batchings the engine knows, default first. */
export const ADL_BATCHINGS = ['interleaved', 'separate'] as const satisfies readonly AdlBatchingV1[];

/**
 * Checks an ADL policy name from a run or scenario option.
 *
 * @throws {@link FiresaleError} `SCENARIO__INVALID_FIELD` naming `path` when it is not one of {@link ADL_POLICIES}.
 */
export function adlPolicyOption(value: unknown, path: string): AdlPolicyV1 {
  if (value === undefined) return 'ranking';
  if (typeof value === 'string' && (ADL_POLICIES as readonly string[]).includes(value)) return value as AdlPolicyV1;
  throw new FiresaleError('SCENARIO__INVALID_FIELD', { path, value, reason: `must be one of ${ADL_POLICIES.join(', ')}` });
}

/**
 * Checks an ADL batching name from a run or scenario option.
 *
 * @throws {@link FiresaleError} `SCENARIO__INVALID_FIELD` naming `path` when it is not one of {@link ADL_BATCHINGS}.
 */
export function adlBatchingOption(value: unknown, path: string): AdlBatchingV1 {
  if (value === undefined) return 'interleaved';
  if (typeof value === 'string' && (ADL_BATCHINGS as readonly string[]).includes(value)) return value as AdlBatchingV1;
  throw new FiresaleError('SCENARIO__INVALID_FIELD', { path, value, reason: `must be one of ${ADL_BATCHINGS.join(', ')}` });
}

/**
 * Splits `totalBase` over `count` positions in proportion to `weight`, never giving a position more than its
 * `availableBase` (water-filling: what a capped position cannot take is spread over the others in proportion to
 * their weights). Positions with no weight or nothing available get 0. Writes each share into `outBase` and returns
 * the base allocated: `min(totalBase, Σ availableBase of weighted positions)`, up to rounding.
 *
 * @example
 * ```ts
 * const out = new Float64Array(2);
 * allocateProRata([1, 10], [1, 1], 2, 4, out); // out = [1, 3]: the first is capped at 1, the rest goes to the second
 * ```
 */
export function allocateProRata(
  availableBase: ArrayLike<number>,
  weight: ArrayLike<number>,
  count: number,
  totalBase: number,
  outBase: Float64Array,
): number {
  // Positions saturate in increasing order of available / weight: cap them in that order, then split the rest.
  const order: number[] = [];
  let totalWeight = 0;
  for (let i = 0; i < count; i++) {
    outBase[i] = 0;
    if (availableBase[i]! > 0 && weight[i]! > 0) {
      order.push(i);
      totalWeight += weight[i]!;
    }
  }
  order.sort((x, y) => availableBase[x]! / weight[x]! - availableBase[y]! / weight[y]! || x - y);
  let remaining = Math.max(0, totalBase);
  let k = 0;
  for (; k < order.length && remaining > 0; k++) {
    const i = order[k]!;
    if (remaining * (weight[i]! / totalWeight) < availableBase[i]!) break;
    outBase[i] = availableBase[i]!;
    remaining -= availableBase[i]!;
    totalWeight -= weight[i]!;
  }
  if (remaining > 0 && totalWeight > 0) for (let j = k; j < order.length; j++) outBase[order[j]!] = remaining * (weight[order[j]!]! / totalWeight);
  let allocated = 0;
  for (let i = 0; i < count; i++) allocated += outBase[i]!;
  return allocated;
}

import { requirePositiveFinite } from './option-checks';

/**
 * How fast a book's displacement recovers after trades: exponential decay of the consumed volume toward zero,
 * `V(t) = V(t0) · exp(-ratePerSecond · (t - t0))` (Obizhaeva & Wang 2013, "Optimal trading strategy and
 * supply/demand dynamics", J. Financial Markets 16(1)). Give exactly one of the two fields.
 */
export type ResilienceOptions =
  | {
      /** Simulated seconds for the displacement to halve; the rate is `ln 2 / halfLifeSeconds`. */
      readonly halfLifeSeconds: number;
      readonly ratePerSecond?: undefined;
    }
  | {
      /** Decay rate of the displacement, per simulated second. */
      readonly ratePerSecond: number;
      readonly halfLifeSeconds?: undefined;
    };

/**
 * The decay rate per simulated second for `options`; 0 (no recovery) when `options` is omitted.
 *
 * @param options - Resilience options, or `undefined` for a book that never recovers.
 * @param name - Path of the option for error messages, such as `createLinearBook.resilience`.
 * @throws RangeError when both or neither field is given, or a value is not a positive finite number.
 */
export function resilienceRatePerSecond(options: ResilienceOptions | undefined, name: string): number {
  if (options === undefined) return 0;
  const hasHalfLife = options.halfLifeSeconds !== undefined;
  const hasRate = options.ratePerSecond !== undefined;
  if (hasHalfLife === hasRate) {
    throw new RangeError(`${name}: give exactly one of halfLifeSeconds or ratePerSecond`);
  }
  if (hasHalfLife) return Math.LN2 / requirePositiveFinite(options.halfLifeSeconds as number, `${name}.halfLifeSeconds`);
  return requirePositiveFinite(options.ratePerSecond as number, `${name}.ratePerSecond`);
}

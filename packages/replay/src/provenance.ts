/**
 * Where a number in a history comes from: `observed` (a venue's feed, a trade print), `estimated` (inferred,
 * such as a crowd of positions reconstructed from open interest) or `simulated` (written by the engine).
 */
export type Provenance = 'observed' | 'estimated' | 'simulated';

/** Every provenance tag a history may use, in the order they are listed in error messages. */
export const PROVENANCES: readonly Provenance[] = ['observed', 'estimated', 'simulated'];

/** True when `value` is one of {@link PROVENANCES}. */
export function isProvenance(value: unknown): value is Provenance {
  return typeof value === 'string' && (PROVENANCES as readonly string[]).includes(value);
}

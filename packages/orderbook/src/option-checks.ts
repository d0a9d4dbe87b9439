/**
 * Checks a factory option is a finite number above zero.
 *
 * @param value - The option's value.
 * @param name - The option's path for the message, such as `createLinearBook.depthBasePerQuote`.
 * @returns `value`, narrowed.
 * @throws RangeError naming the option when the value is not a positive finite number.
 */
export function requirePositiveFinite(value: number, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name}: ${String(value)} is not a positive finite number`);
  }
  return value;
}

/**
 * Checks a factory option is a finite number at or above zero.
 *
 * @throws RangeError naming the option when the value is negative, infinite or NaN.
 */
export function requireNonNegativeFinite(value: number, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name}: ${String(value)} is not a non-negative finite number`);
  }
  return value;
}

/**
 * Checks an argument of a book method is a finite number above zero (a reference price, a depth multiplier).
 *
 * @throws RangeError `method: name value is not a positive finite number`.
 */
export function requirePositiveArgument(value: number, method: string, name: string): void {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${method}: ${name} ${String(value)} is not a positive finite number`);
}

/**
 * The error of a book clock that went backwards: `doAdvance` to `timeSeconds` before `lastTimeSeconds`. Books test
 * `!(timeSeconds >= lastTimeSeconds)` themselves and build the error only then, so the check costs a comparison.
 */
export function timeBeforeError(timeSeconds: number, lastTimeSeconds: number, what: 'book' | 'pool'): RangeError {
  return new RangeError(`doAdvance: time ${String(timeSeconds)} s is before the ${what}'s last update at ${String(lastTimeSeconds)} s`);
}

/** Default price floor as a fraction of the initial mid: prices never fall below `1e-9 × initial mid`. */
export const DEFAULT_MIN_PRICE_FRACTION = 1e-9;

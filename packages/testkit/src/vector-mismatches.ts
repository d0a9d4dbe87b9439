/** A vector tolerance: `exact`, `abs:x` (|actual - expected| <= x) or `rel:x` (<= x × |expected|). */
type VectorTolerance = { readonly kind: 'exact' | 'rel' | 'abs'; readonly x: number };

function parseVectorTolerance(tolerance: string): VectorTolerance {
  if (tolerance === 'exact') return { kind: 'exact', x: 0 };
  const [kind, x] = tolerance.split(':');
  if ((kind !== 'rel' && kind !== 'abs') || x === undefined) throw new Error(`unknown tolerance ${tolerance}`);
  return { kind, x: Number(x) };
}

/**
 * Compares what a venue computed for a vector case with the case's `expected`, as the `firesale vectors` runner
 * does: recursively over the expected object's keys and arrays (same length), numbers within the case's tolerance
 * with nothing added on top, everything else strictly equal; keys named `intermediate` are helpers, not assertions.
 * Returns every mismatch as `path: expected …, got …`; an empty list means the case passes.
 *
 * @throws Error for a tolerance other than `exact`, `abs:x` or `rel:x`.
 * @example
 * ```ts
 * expect(vectorMismatches(handler.run(testCase), testCase.expected, testCase.tolerance)).toEqual([]);
 * ```
 */
export function vectorMismatches(actual: unknown, expected: unknown, tolerance: string, path = '$'): string[] {
  const tol = parseVectorTolerance(tolerance);
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return [`${path}: expected number ${expected}, got ${JSON.stringify(actual)}`];
    const diff = Math.abs(actual - expected);
    const ok = tol.kind === 'exact' ? actual === expected : tol.kind === 'abs' ? diff <= tol.x : diff <= tol.x * Math.abs(expected);
    return ok ? [] : [`${path}: expected ${expected}, got ${actual} (${tolerance})`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${path}: expected array of ${expected.length}, got ${JSON.stringify(actual)}`];
    return expected.flatMap((e, i) => vectorMismatches(actual[i], e, tolerance, `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${path}: expected object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([key, e]) =>
      key === 'intermediate' ? [] : vectorMismatches((actual as Record<string, unknown>)[key], e, tolerance, `${path}.${key}`),
    );
  }
  return actual === expected ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByKey } from '../src/sort-by-key';

describe('sortByKey', () => {
  it('orders ids by key then id, like a comparison sort, for clustered, tied and infinite keys', () => {
    const key = fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom(-Infinity, Infinity, 0, 1, 1 + 1e-12), fc.integer({ min: 0, max: 20 }));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3000 }), fc.nat(50), (values, offset) => {
        const n = values.length;
        const ids = Uint32Array.from({ length: n + offset }, (_, i) => (i < offset ? 999_999 : n - 1 - (i - offset)));
        const keys = Float64Array.from({ length: n + offset }, (_, i) => (i < offset ? -1 : values[ids[i]!]!));
        sortByKey(ids, keys, offset, offset + n);
        const want = Array.from({ length: n }, (_, i) => i).sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : a - b));
        expect(Array.from(ids.subarray(offset))).toEqual(want);
        expect(Array.from(keys.subarray(offset))).toEqual(want.map((i) => values[i]));
        // Slots outside [lo, hi) are left alone.
        expect(Array.from(ids.subarray(0, offset)).every((id) => id === 999_999)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

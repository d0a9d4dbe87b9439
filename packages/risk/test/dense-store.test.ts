import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DenseStore } from '../src/dense-store';

/** The counts a sparse map would hold, as a store (keys ascending, zero counts left out). */
function reference(adds: readonly [number, number][]): { keys: number[]; counts: number[] } {
  const map = new Map<number, number>();
  for (const [key, count] of adds) map.set(key, (map.get(key) ?? 0) + count);
  const keys = [...map.keys()].filter((k) => map.get(k)! > 0).sort((a, b) => a - b);
  return { keys, counts: keys.map((k) => map.get(k)!) };
}

describe('DenseStore', () => {
  it('holds the same buckets as a sparse map, whatever order and range the keys come in', () => {
    const add = fc.tuple(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -200_000, max: 200_000 })), fc.integer({ min: 1, max: 1000 }));
    fc.assert(
      fc.property(fc.array(add, { maxLength: 300 }), fc.array(add, { maxLength: 100 }), (first, second) => {
        const store = new DenseStore();
        for (const [key, count] of first) store.add(key, count);
        expect(store.toStore()).toEqual(reference(first));
        // Emptied, it refills as new, and what it held before is gone.
        store.clear();
        expect(store.toStore()).toEqual({ keys: [], counts: [] });
        store.addStore(reference(second));
        expect(store.toStore()).toEqual(reference(second));
      }),
      { numRuns: 300 },
    );
  });
});

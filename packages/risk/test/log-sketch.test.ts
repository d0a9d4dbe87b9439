import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogSketch, mergeSketches, sketchMean, sketchQuantile, sketchTailMean } from '@firesale/risk';

const sketchOf = (values: readonly number[], accuracy?: number) => {
  const s = new LogSketch(accuracy);
  for (const v of values) s.add(v);
  return s.toData();
};

describe('LogSketch', () => {
  it('returns every quantile within its relative accuracy of the exact order statistic', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 300 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, q) => {
        const sketch = sketchOf(values);
        const sorted = [...values].sort((a, b) => a - b);
        const exact = sorted[Math.floor(q * (sorted.length - 1))]!;
        const got = sketchQuantile(sketch, q);
        const bound = Math.abs(exact) <= 1e-12 ? 1e-12 : Math.abs(exact) * sketch.relativeAccuracy * 1.000001;
        if (q <= 0 || q >= 1) return got === (q <= 0 ? sorted[0] : sorted[sorted.length - 1]);
        return Math.abs(got - exact) <= bound;
      }),
      { numRuns: 300 },
    );
  });

  it('merges exactly: merging two sketches equals sketching the concatenation, in any grouping', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 80 }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 80 }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 80 }),
        (a, b, c) => {
          const [sa, sb, sc] = [sketchOf(a), sketchOf(b), sketchOf(c)];
          const left = mergeSketches(mergeSketches(sa, sb), sc);
          const right = mergeSketches(sa, mergeSketches(sb, sc));
          expect(left).toEqual(right);
          expect(mergeSketches(sa, sb)).toEqual(mergeSketches(sb, sa));
          expect(left).toEqual(sketchOf([...a, ...b, ...c]));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('computes the tail mean (expected shortfall) and the mean within the accuracy', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    const sketch = sketchOf(values);
    expect(sketchTailMean(sketch, 0.99)).toBeCloseTo(995.5, -1);
    expect(Math.abs(sketchTailMean(sketch, 0.99) - 995.5) / 995.5).toBeLessThan(0.002);
    expect(Math.abs(sketchMean(sketch) - 500.5) / 500.5).toBeLessThan(0.002);
    expect(sketchQuantile(sketchOf([]), 0.5)).toBeNaN();
  });

  it('keeps a bounded number of buckets however many values it sees', () => {
    const s = new LogSketch();
    for (let i = 0; i < 200_000; i++) s.add(Math.exp((i % 1000) / 100));
    expect(s.toData().positive.keys.length).toBeLessThanOrEqual(Math.ceil(10 / Math.log(1.002 / 0.998)) + 2);
  });
});

import { describe, expect, it } from 'vitest';
import { vectorMismatches } from '../src';

describe('vectorMismatches', () => {
  it('passes values within the tolerance and nothing beyond it', () => {
    expect(vectorMismatches(1.0001, 1, 'rel:1e-4')).toEqual([]);
    expect(vectorMismatches(1.00011, 1, 'rel:1e-4')).toEqual(['$: expected 1, got 1.00011 (rel:1e-4)']);
    expect(vectorMismatches(100.5, 100, 'abs:0.5')).toEqual([]);
    expect(vectorMismatches(100.6, 100, 'abs:0.5')).toHaveLength(1);
    expect(vectorMismatches(0.1 + 0.2, 0.3, 'exact')).toHaveLength(1);
  });

  it('walks objects and arrays, lists every mismatch with its path, and skips intermediate keys', () => {
    const expected = { price: 10, sides: [1, -1], route: 'market', intermediate: { x: 1 } };
    expect(vectorMismatches({ price: 10, sides: [1, -1], route: 'market' }, expected, 'exact')).toEqual([]);
    expect(vectorMismatches({ price: 11, sides: [1, 1], route: 'adl' }, expected, 'exact')).toEqual([
      '$.price: expected 10, got 11 (exact)',
      '$.sides[1]: expected -1, got 1 (exact)',
      '$.route: expected "market", got "adl"',
    ]);
  });

  it('fails on a wrong type or length rather than coercing', () => {
    expect(vectorMismatches('10', 10, 'exact')).toEqual(['$: expected number 10, got "10"']);
    expect(vectorMismatches([1], [1, 2], 'exact')).toEqual(['$: expected array of 2, got [1]']);
    expect(vectorMismatches(null, { a: 1 }, 'exact')).toEqual(['$: expected object, got null']);
    expect(vectorMismatches(undefined, null, 'exact')).toHaveLength(1);
  });

  it('rejects an unknown tolerance', () => {
    expect(() => vectorMismatches(1, 1, 'ulp:2')).toThrow('unknown tolerance ulp:2');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vectorHandlers } from '@firesale/contagion/vectors';
import { expectMatches, loadContagionCases, mismatches } from './expect-matches';

const kinds = new Set(vectorHandlers.map((h) => h.kind));
const cases = loadContagionCases().filter((c) => kinds.has(c.kind));

describe('vectors/containment-contagion.json: fire_sale_contagion and spiral_threshold', () => {
  it('covers both kinds', () => {
    expect([...kinds].sort()).toEqual(['fire_sale_contagion', 'spiral_threshold']);
    for (const kind of kinds) expect(cases.filter((c) => c.kind === kind).length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, testCase) => {
    const handler = vectorHandlers.find((h) => h.kind === testCase.kind && (h.venue === undefined || h.venue === testCase.venue));
    expect(handler).toBeDefined();
    expectMatches(handler!.run(testCase), testCase.expected, testCase.tolerance);
  });
});

// Exact ties of the spiral rule (CR = 1 + LI leaves the CR unchanged; a seize equal to the collateral is not capped),
// which floating point puts on either side: spiral-tie-vectors.json, derived with exact fractions.
describe('spiral_threshold ties', () => {
  const file = JSON.parse(readFileSync(new URL('./spiral-tie-vectors.json', import.meta.url), 'utf8')) as { cases: typeof cases };
  it.each(file.cases.map((c) => [c.id, c] as const))('%s', (_id, testCase) => {
    const handler = vectorHandlers.find((h) => h.kind === testCase.kind)!;
    expectMatches(handler.run(testCase), testCase.expected, testCase.tolerance);
  });
});

// FinNetValu test_csmodel.jl accepts a negative starting equity and floors it at 0 after the shock.
describe('fire_sale_contagion with a negative starting equity', () => {
  const file = JSON.parse(readFileSync(new URL('./finnetvalu-vectors.json', import.meta.url), 'utf8')) as { cases: typeof cases };
  it.each(file.cases.map((c) => [c.id, c] as const))('%s', (_id, testCase) => {
    const handler = vectorHandlers.find((h) => h.kind === testCase.kind)!;
    expectMatches(handler.run(testCase), testCase.expected, testCase.tolerance);
  });
});

describe('expectMatches', () => {
  it('reports values outside the tolerance and skips intermediate', () => {
    expect(mismatches({ a: [1, 2.0001] }, { a: [1, 2] }, 'rel:1e-9')).toHaveLength(1);
    expect(mismatches({ a: 1.0000000001 }, { a: 1, intermediate: { x: 5 } }, 'rel:1e-9')).toEqual([]);
    expect(mismatches({ a: null }, { a: null }, 'exact')).toEqual([]);
    expect(mismatches({ a: 5 }, { a: null }, 'exact')).toHaveLength(1);
  });
});

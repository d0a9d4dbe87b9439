import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineVectorHandlers, runVectors } from '../src';

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../vectors/${name}`, import.meta.url), 'utf8'));

// The engine-level kinds run through the engine itself (core + orderbook + generic venue).
describe('engine-level vectors', () => {
  for (const [file, kinds] of [
    ['analytic.json', ['linear_fixed_point', 'critical_depth', 'amm_cascade', 'loss_waterfall']],
    ['containment-contagion.json', ['staged_disposal', 'price_monitoring']],
  ] as const) {
    const result = runVectors(load(file), engineVectorHandlers, kinds);
    it.each(result.cases.map((c) => [c.id, c] as const))(`${file} %s`, (_id, c) => {
      expect(c.status, c.detail).toBe('pass');
    });
  }
});

// Exact ties (a shock or a liquidation that lands a price exactly on a trigger), exact decimal rounding (Vega's
// Decimal Ceil/Floor) and a large position: engine-edge-vectors.json, derived independently with exact arithmetic.
describe('engine-level edge cases', () => {
  const file = JSON.parse(readFileSync(new URL('./engine-edge-vectors.json', import.meta.url), 'utf8')) as unknown;
  const result = runVectors(file, engineVectorHandlers);
  it('covers every engine-level kind it is meant to', () => {
    expect(new Set(result.cases.map((c) => c.kind))).toEqual(new Set(['staged_disposal', 'price_monitoring', 'linear_fixed_point', 'amm_cascade', 'loss_waterfall']));
  });
  it.each(result.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(c.status, c.detail).toBe('pass');
  });
});

describe('bad engine-level cases', () => {
  it('names the missing price-monitoring trigger', () => {
    const result = runVectors({ cases: [{ id: 'no-trigger', kind: 'price_monitoring', inputs: { reference_prices: [100] }, expected: { bounds: [] }, tolerance: 'exact' }] }, engineVectorHandlers);
    expect(result.cases[0]!.status).toBe('fail');
    expect(result.cases[0]!.detail).toMatch(/inputs\.trigger: expected one price-monitoring trigger/);
  });
});

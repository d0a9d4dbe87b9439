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

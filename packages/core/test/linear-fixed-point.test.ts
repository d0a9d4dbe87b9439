import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linearMarket } from './helpers';

type LinearCase = {
  id: string;
  kind: string;
  inputs: { p0: number; positions: number; trigger_spacing: number; size_base: number; depth_base_per_price_unit: number; exogenous_drop: number };
  expected: { final_price: number; liquidated_positions: number; generations_synchronous: number; total_drop: number; amplification: number };
};

const analytic = JSON.parse(readFileSync(new URL('../../../vectors/analytic.json', import.meta.url), 'utf8')) as { cases: LinearCase[] };
const cases = analytic.cases.filter((c) => c.kind === 'linear_fixed_point');

// The engine on a linear book reaches the least fixed point of P = p0 - x0 - size * #{trigger >= P} / depth,
// with one cascade generation per synchronous round (no oracle delay, no liquidator latency).
describe('linear fixed point (vectors/analytic.json)', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { p0, positions, trigger_spacing, size_base, depth_base_per_price_unit, exogenous_drop } = c.inputs;
    const longs = Array.from({ length: positions }, (_, k) => ({ trigger: p0 - (k + 1 - 0.5) * trigger_spacing, sizeBase: size_base }));
    const sim = linearMarket({ p0, depthBasePerQuote: depth_base_per_price_unit, longs });
    const report = sim.run({ shocks: [{ marketId: 'X-PERP', returnFraction: -exogenous_drop / p0 }], checkInvariants: true });
    const market = report.markets[0]!;
    expect(market.finalPriceQuote).toBeCloseTo(c.expected.final_price, 6);
    expect(report.summary.liquidatedPositions).toBe(c.expected.liquidated_positions);
    expect(report.summary.generations).toBe(c.expected.generations_synchronous);
    expect(market.amplification).toBeCloseTo(c.expected.amplification, 6);
  });

  it('does not depend on the order positions are listed in', () => {
    const c = cases[1]!;
    const { p0, positions, trigger_spacing, size_base, depth_base_per_price_unit, exogenous_drop } = c.inputs;
    const longs = Array.from({ length: positions }, (_, k) => ({ trigger: p0 - (k + 0.5) * trigger_spacing, sizeBase: size_base }));
    const shuffled = [...longs].sort((a, b) => Math.sin(a.trigger * 7919) - Math.sin(b.trigger * 7919));
    const shock = { shocks: [{ marketId: 'X-PERP', returnFraction: -exogenous_drop / p0 }] };
    const a = linearMarket({ p0, depthBasePerQuote: depth_base_per_price_unit, longs }).run(shock);
    const b = linearMarket({ p0, depthBasePerQuote: depth_base_per_price_unit, longs: shuffled }).run(shock);
    expect(b.markets[0]!.finalPriceQuote).toBeCloseTo(a.markets[0]!.finalPriceQuote, 9);
    expect(b.summary.liquidatedPositions).toBe(a.summary.liquidatedPositions);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src';

const root = new URL('../../../', import.meta.url).pathname;
const example = join(root, 'examples/contagion-cex-dex-lending.json');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'firesale', ...args], { out: (t) => (out += `${t}\n`), err: (l) => (err += `${l}\n`) });
  return { code, out, err };
}

type Result = {
  shocks: { marketId: string; returnFraction: number }[];
  nodes: { marketId: string; venueId: string; shocked: boolean; reached: boolean; order: number | null; reachedAtSeconds: number | null; liquidatedNotionalQuote: number }[];
  venues: { venueId: string; badDebtQuote: number; firstLiquidationSeconds: number | null }[];
  graph: { edges: { from: string; to: string; weight: number; lagSeconds: number }[] };
  venueGraph: { edges: { from: string; to: string; weight: number }[] };
  systemic: { totalBadDebtQuote: number; socialisedShare: number; marketsReachedOutsideShock: number; venuesWithBadDebt: number };
};

describe('firesale contagion', () => {
  it('shows the CEX shock reaching the lending venue after the shocked market, ending in bad debt there', async () => {
    const { code, out, err } = await cli('contagion', example, '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out) as Result;
    expect(result.shocks).toEqual([{ marketId: 'ETH-PERP', returnFraction: -0.1 }]);
    const [first, second] = result.nodes;
    expect(first).toMatchObject({ marketId: 'ETH-PERP', venueId: 'cex', shocked: true, order: 1 });
    expect(second).toMatchObject({ marketId: 'ETH-USDC-POOL', venueId: 'lender', shocked: false, reached: true, order: 2 });
    expect(second!.reachedAtSeconds!).toBeGreaterThan(first!.reachedAtSeconds!);
    expect(second!.liquidatedNotionalQuote).toBeGreaterThan(0);
    const lender = result.venues.find((v) => v.venueId === 'lender')!;
    expect(lender.badDebtQuote).toBeGreaterThan(0);
    expect(lender.firstLiquidationSeconds!).toBeGreaterThan(result.venues.find((v) => v.venueId === 'cex')!.firstLiquidationSeconds!);
    expect(result.graph.edges).toHaveLength(1);
    expect(result.graph.edges[0]).toMatchObject({ from: 'ETH-PERP', to: 'ETH-USDC-POOL' });
    expect(result.graph.edges[0]!.weight).toBeGreaterThan(0);
    expect(result.graph.edges[0]!.lagSeconds).toBeGreaterThan(0);
    expect(result.venueGraph.edges).toEqual([expect.objectContaining({ from: 'cex', to: 'lender' })]);
    expect(result.systemic.totalBadDebtQuote).toBeGreaterThanOrEqual(lender.badDebtQuote);
    expect(result.systemic.venuesWithBadDebt).toBeGreaterThanOrEqual(1);
    expect(result.systemic.marketsReachedOutsideShock).toBe(1);
  });

  it('prints the reach, the graph and the systemic measures as tables', async () => {
    const { code, out } = await cli('contagion', example);
    expect(code).toBe(0);
    expect(out).toContain('firesale contagion · ETH: a CEX crash carried into a DEX pool and a lending protocol');
    expect(out).toContain('shock: ETH-PERP -10.00%');
    expect(out).toMatch(/│ 1 +│ ETH-PERP +│ cex +│ yes/);
    expect(out).toMatch(/│ 2 +│ ETH-USDC-POOL +│ lender +│ no/);
    expect(out).toMatch(/│ market +│ ETH-PERP +│ ETH-USDC-POOL/);
    expect(out).toMatch(/│ venue +│ cex +│ lender/);
    expect(out).toContain('total bad debt');
    expect(out).toContain('share socialised');
  });

  it('reports a bad scenario with the field and a non-zero exit', async () => {
    const { code, err } = await cli('contagion', join(root, 'examples/nope.json'));
    expect(code).toBe(1);
    expect(err).not.toMatch(/\n\s+at /);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src';

const root = new URL('../../../', import.meta.url).pathname;
const example = join(root, 'examples/adl-policy-lab.json');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'firesale', ...args], { out: (t) => (out += `${t}\n`), err: (l) => (err += `${l}\n`) });
  return { code, out, err };
}

describe('firesale adl-lab', () => {
  it('prints one row per policy with shortfall, covered, overshoot in equity and per horizon, and who was hit', async () => {
    const { code, out } = await cli('adl-lab', example, '--horizon', '60,300');
    expect(code).toBe(0);
    for (const head of ['shortfall', 'covered', 'overshoot (equity)', 'overshoot (profit 60 s)', 'overshoot (profit 300 s)', 'accounts hit', 'largest hit']) {
      expect(out).toContain(head);
    }
    for (const policy of ['ranking', 'pro-rata', 'shortfall-only']) expect(out).toMatch(new RegExp(`│ ${policy} `));
  });

  it('prints JSON with one outcome per policy', async () => {
    const { code, out } = await cli('adl-lab', example, '--horizon', '0,900', '--policies', 'ranking,shortfall-only', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.kind).toBe('firesale-adl-lab');
    expect(result.horizonsSeconds).toEqual([0, 900]);
    expect(result.outcomes.map((o: { policy: string }) => o.policy)).toEqual(['ranking', 'shortfall-only']);
    for (const o of result.outcomes) expect(o.overshootProfitQuote).toHaveLength(2);
  });

  it('names a bad horizon or policy and exits 1', async () => {
    const bad = await cli('adl-lab', example, '--horizon', '60,-5');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--horizon');
    const unknown = await cli('adl-lab', example, '--policies', 'queue');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('--policies');
  });
});

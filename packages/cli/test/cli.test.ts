import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src';

const root = new URL('../../../', import.meta.url).pathname;
const example = join(root, 'examples/btc-perp-cascade.json');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'firesale', ...args], { out: (t) => (out += `${t}\n`), err: (l) => (err += `${l}\n`) });
  return { code, out, err };
}

describe('firesale run', () => {
  it('prints a readable cascade summary of the bundled example', async () => {
    const { code, out } = await cli('run', example);
    expect(code).toBe(0);
    expect(out).toContain('BTC perpetual: a 3% shock into a crowded long book');
    expect(out).toMatch(/BTC-PERP │ 100,000 │ -3\.00% → 97,000/);
    expect(out).toContain('verdict: the shock cascaded');
  });

  it('prints JSON and writes CSV tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firesale-'));
    const { code, out } = await cli('run', example, '--json', '--csv', dir);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.reportVersion).toBe(1);
    expect(readFileSync(join(dir, 'liquidations.csv'), 'utf8').split('\n').length - 2).toBe(report.liquidations.length);
  });

  it('runs the bundled example against another venue', async () => {
    const { code, out } = await cli('run', example, '--venue', 'hyperliquid', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).scenario.venues[0].model).toBe('hyperliquid');
  });

  it('the contained example stays contained', async () => {
    const { code, out } = await cli('run', join(root, 'examples/btc-perp-contained.json'), '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).markets[0].amplification).toBeLessThan(1.5);
  });

  it('reports bad input with the field and the reason and a non-zero exit, never a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firesale-'));
    const bad = JSON.parse(readFileSync(example, 'utf8'));
    bad.markets[0].initialPriceQuote = 'NaN';
    bad.generators[0].count = -5;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const { code, err } = await cli('run', file);
    expect(code).toBe(1);
    expect(err).toContain('markets[0].initialPriceQuote: NaN is not a valid price (Invalid input: expected number, received string)');
    expect(err).toContain('generators[0].count:');
    expect(err).not.toMatch(/\n\s+at /);
    const missing = await cli('run', join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.json: cannot read the file \(ENOENT\)/);
  });
});

describe('firesale vectors', () => {
  it('passes every case of the engine-level and venue vector files', async () => {
    const files = ['analytic.json', 'containment-contagion.json', 'dydx-v4.json', 'perp-venues.json', 'lending.json'].map((f) => join(root, 'vectors', f));
    const { out } = await cli('vectors', ...files, '--json');
    const result = JSON.parse(out) as { cases: { id: string; kind: string; status: string; detail: string }[]; passed: number; failed: number; unsupported: number };
    expect(result.failed, JSON.stringify(result.cases.filter((c) => c.status === 'fail'))).toBe(0);
    const unsupportedKinds = new Set(result.cases.filter((c) => c.status === 'unsupported').map((c) => c.kind));
    expect([...unsupportedKinds]).toEqual([]);
    expect(result.passed).toBe(result.cases.length);
    const kinds = new Set(result.cases.map((c) => c.kind));
    for (const kind of ['fire_sale_contagion', 'spiral_threshold', 'critical_depth', 'liquidation_price']) expect(kinds).toContain(kind);
    for (const c of result.cases) expect(Object.keys(c).sort()).toEqual(['detail', 'id', 'kind', 'status']);
  });

  it('exits non-zero unless every case passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firesale-'));
    const file = join(dir, 'v.json');
    const analytic = JSON.parse(readFileSync(join(root, 'vectors/analytic.json'), 'utf8'));
    const good = { cases: analytic.cases.filter((c: { kind: string }) => c.kind === 'loss_waterfall') };
    writeFileSync(file, JSON.stringify(good));
    expect((await cli('vectors', file)).code).toBe(0);
    good.cases[0].expected.fee_to_fund = 123;
    writeFileSync(file, JSON.stringify(good));
    const failed = await cli('vectors', file);
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(/fee_to_fund: expected 123, got 0\.92/);
    expect(failed.out).toContain('vectors: 3 passed, 1 failed, 0 unsupported');
  });
});

describe('firesale compare', () => {
  it('shows the same shock on several venues side by side', async () => {
    const { code, out } = await cli('compare', example, '--venues', 'generic,hyperliquid,binance', '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(out) as { venue: string; summary: { liquidatedNotionalQuote: number } }[];
    expect(rows.map((r) => r.venue)).toEqual(['generic', 'hyperliquid', 'binance']);
    expect(new Set(rows.map((r) => r.summary.liquidatedNotionalQuote)).size).toBe(3);
  });
});

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src';
import { usd } from '../src/format';

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

  it('runs the bundled example against every perp venue that lists its market, and names the field for those that do not', async () => {
    for (const venue of ['generic', 'hyperliquid', 'dydx', 'binance', 'bybit', 'gate', 'gmx', 'drift']) {
      const { code, out } = await cli('run', example, '--venue', venue);
      expect(code, venue).toBe(0);
      expect(out, venue).toContain(`venue perp-dex (${venue})`);
    }
    for (const [venue, symbol] of [['bitmex', 'XBTUSDT'], ['okx', 'BTC/USDT:USDT']] as const) {
      const { code, err } = await cli('run', example, '--venue', venue);
      expect(code, venue).toBe(1);
      expect(err).toContain(`markets[0].baseAsset: ${venue} has no tier for "${symbol}"`);
      expect(err).not.toMatch(/\n\s+at /);
    }
  });

  it('says where the shock spread without moving the market itself, instead of a 0x amplification', async () => {
    const { code, out } = await cli('run', join(root, 'examples/depeg-own-book.json'));
    expect(code).toBe(0);
    expect(out).toMatch(/BTC-PERP +│ 100,000 │ 0\.00% → 100,000 │ [^\n]*│ n\/a \(no exogenous move\) │/);
    expect(out).not.toContain('0.00x');
    expect(out).toMatch(/contagion: liquidations in markets the shock did not move: BTC-PERP \(\d[\d,]* liquidation orders, \$[\d.]+M notional, trough -\d+\.\d+%\)/);
  });

  it('reconciles the insurance fund: inflows from positions the venue took over are shown', async () => {
    const { out } = await cli('run', example, '--venue', 'hyperliquid', '--json');
    const fund = JSON.parse(out).insuranceFunds[0] as { initialQuote: number; finalQuote: number; feesInQuote: number; paidOutQuote: number };
    const otherIn = fund.finalQuote - fund.initialQuote + fund.paidOutQuote - fund.feesInQuote;
    expect(otherIn).toBeGreaterThan(0);
    const table = await cli('run', example, '--venue', 'hyperliquid');
    expect(table.out).toContain(`takeovers and disposals in ${usd(otherIn)}`);
    const generic = await cli('run', example);
    expect(generic.out).not.toContain('takeovers and disposals');
  });

  it('reports how liquidations and ADL were batched per step, as the report counts them', async () => {
    const file = join(root, 'examples/adl-policy-lab.json');
    const b = JSON.parse((await cli('run', file, '--json')).out).batches.summary;
    expect(b.batching).toBe('separate');
    const { out } = await cli('run', file);
    expect(out).toContain(
      `separate (liquidations, then ADL, per step): ${b.liquidationBatches} steps with a liquidation batch (max ${b.maxLiquidationFillsPerBatch} fills), ${b.adlBatches} with an ADL batch (max ${b.maxAdlFillsPerBatch} fills)`,
    );
    expect(out).toMatch(/generations +│ \d+ \(1: [\d,]+ .* … \d+ more\)/);
  });

  it('shows what the adversarial examples are about: small prices, the peak, what the venue holds, what keepers left', async () => {
    const jelly = await cli('run', join(root, 'examples/adversarial/jelly-backstop-self-liquidation.json'));
    const held = JSON.parse((await cli('run', join(root, 'examples/adversarial/jelly-backstop-self-liquidation.json'), '--json')).out).venuePositions[0];
    expect(jelly.out).toMatch(/JELLY-PERP │ 0\.0095 │ \+300\.00% → 0\.038 │ 0\.0095 │ 0\.038 │/);
    expect(jelly.out).toContain(`held by hyperliquid`);
    expect(jelly.out).toContain(`-344,000,000 JELLY-PERP from 0.01241, mark 0.038: unrealised ${usd(held.unrealisedPnlQuote)}`);
    const mango = await cli('run', join(root, 'examples/adversarial/oracle-manipulation-spot.json'));
    expect(mango.out).toMatch(/MNGO-POOL +│ 0\.02 +│ 0\.00% → 0\.02 +│ 0\.02 +│ 0\.1352 │/);
    const bonus = JSON.parse((await cli('run', join(root, 'examples/adversarial/liquidation-bonus-small.json'), '--json')).out).keepers;
    expect(bonus.unprofitablePositions).toBeGreaterThan(0);
    const small = await cli('run', join(root, 'examples/adversarial/liquidation-bonus-small.json'));
    expect(small.out).toContain(`${bonus.unprofitablePositions.toLocaleString('en-US')} positions as unprofitable`);
    expect(small.out).toContain(`unbooked bad debt ${usd(bonus.unrealisedBadDebtQuote)}`);
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

  // More cases of the same kinds (test/more-vectors, described in docs/test-vectors.md): ported from the tests of
  // the sources the shared files cite, and edge cases written for firesale with independently derived values.
  it('passes every case of the ported source tests and the edge-case files', async () => {
    const dir = new URL('./more-vectors/', import.meta.url).pathname;
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
    expect(files.length).toBe(7);
    const { out } = await cli('vectors', ...files, '--json');
    const result = JSON.parse(out) as { cases: { id: string; status: string; detail: string }[]; passed: number; failed: number; unsupported: number };
    expect(result.cases.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.detail}`)).toEqual([]);
    expect(result.passed).toBeGreaterThan(1300);
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

  it('a file that is missing, not JSON or not a vector file is an input error naming it, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firesale-'));
    writeFileSync(join(dir, 'broken.json'), '{"cases": [');
    writeFileSync(join(dir, 'other.json'), '{"name": "not vectors"}');
    for (const [file, message] of [
      ['missing.json', /missing\.json: cannot read the file \(ENOENT\)/],
      ['broken.json', /broken\.json: not valid JSON \(/],
      ['other.json', /other\.json: not a test-vector file \(it has no "cases" list\)/],
    ] as const) {
      const { code, err } = await cli('vectors', join(dir, file));
      expect(code, file).toBe(1);
      expect(err).toMatch(message);
      expect(err).not.toMatch(/\n\s+at /);
    }
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

  it('states the market and the currency, and lists the venues that could not run with the reason', async () => {
    const { code, out } = await cli('compare', example, '--venues', 'generic,okx');
    expect(code).toBe(0);
    expect(out).toContain('market BTC-PERP · start 100,000 USD · prices and amounts in USD');
    expect(out).toMatch(/│ generic +│ [\d,.]+ +│ [\d,.]+ \(-\d+\.\d+%\) +│ \d+\.\d+x/);
    expect(out).toContain('okx: not run: markets[0].baseAsset: okx has no tier for "BTC/USDT:USDT"');
  });
});

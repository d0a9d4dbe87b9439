import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordHistory } from '@firesale/replay';
import { main } from '../src';

const root = new URL('../../../', import.meta.url).pathname;
const history = join(root, 'examples/histories/btc-small-cascade.jsonl');
const trades = join(root, 'examples/histories/btc-small-trades.csv');
const scenario = join(root, 'examples/histories/btc-small-cascade.json');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'firesale', ...args], { out: (t) => (out += `${t}\n`), err: (l) => (err += `${l}\n`) });
  return { code, out, err };
}

describe('firesale replay', () => {
  it('replays the example engine history exactly and writes an HTML report with uPlot charts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firesale-replay-'));
    const html = join(dir, 'replay.html');
    const { code, out } = await cli('replay', history, '--html', html);
    expect(code).toBe(0);
    expect(out).toContain('events: identical');
    expect(out).toContain('first liquidation to first ADL');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('uPlot');
    expect(page).toContain('Liquidated notional per minute');
  });

  it('prints JSON over a window', async () => {
    const { code, out } = await cli('replay', history, '--from', '30', '--to', '75', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.comparison.window.fromSeconds).toBe(30);
    expect(json.comparison.events.identical).toBe(true);
  });

  it('replays CSV trades with --scenario', async () => {
    const { code, out } = await cli('replay', trades, '--scenario', scenario, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).comparison.prices[0].actualSource).toBe('trade');
  });

  it('names the line and field of bad input, reports what it had, exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firesale-replay-'));
    const lines = readFileSync(history, 'utf8').trimEnd().split('\n');
    const bad = join(dir, 'bad.jsonl');
    const record = JSON.parse(lines[400]!);
    record.provenance = 'rumoured';
    lines[400] = JSON.stringify(record);
    writeFileSync(bad, `${lines.join('\n')}\n`);
    const { code, out } = await cli('replay', bad);
    expect(code).toBe(1);
    expect(out).toContain('line 401: provenance: unknown provenance tag "rumoured"');
    expect(out).toContain('the replay covers the records before it');
    const outside = await cli('replay', history, '--from', '9000');
    expect(outside.code).toBe(1);
    expect(outside.err).toMatch(/btc-small-cascade\.jsonl: --from 9000: the window \[9000, (\d+)\] is outside the data \(t from 0 to \1\)/);
    expect(outside.err).not.toContain('line 0');
    expect(outside.err).not.toMatch(/\n\s+at /);
    const missing = await cli('replay', join(dir, 'nope.jsonl'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('cannot read the file (ENOENT)');
  });
});

describe('firesale calibrate', () => {
  it('fits depth and half-life back from a mis-specified starting scenario', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firesale-calibrate-'));
    const start = JSON.parse(readFileSync(scenario, 'utf8'));
    start.markets[0].book.depthQuotePerPercent = 5_000_000;
    start.markets[0].book.resilience.halfLifeSeconds = 15;
    const startFile = join(dir, 'start.json');
    writeFileSync(startFile, JSON.stringify(start));
    const { code, out } = await cli('calibrate', history, '--scenario', startFile, '--json', '--out', join(dir, 'fitted.json'));
    expect(code).toBe(0);
    const fit = JSON.parse(out);
    expect(Math.abs(fit.parameters[0].value / 3_000_000 - 1)).toBeLessThan(0.02);
    expect(Math.abs(fit.parameters[1].value / 40 - 1)).toBeLessThan(0.02);
    expect(JSON.parse(readFileSync(join(dir, 'fitted.json'), 'utf8')).markets[0].book.resilience.halfLifeSeconds).toBeCloseTo(fit.parameters[1].value, 9);
    const bad = await cli('calibrate', history, '--fit', 'depth,gamma');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--fit');
  }, 120_000);

  it('fits the liquidity withdrawal sensitivity and says when the floor is not identified', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'firesale-calibrate-'));
    const truth = JSON.parse(readFileSync(scenario, 'utf8'));
    truth.markets[0].liquidityWithdrawal = { windowSeconds: 30, sensitivity: 20, floorMultiplier: 0.2 };
    const withdrawalHistory = join(dir, 'withdrawal.jsonl');
    writeFileSync(withdrawalHistory, `${[...recordHistory(truth)].join('\n')}\n`);
    const start = structuredClone(truth);
    start.markets[0].book.depthQuotePerPercent = 5_000_000;
    start.markets[0].book.resilience.halfLifeSeconds = 15;
    start.markets[0].liquidityWithdrawal = { windowSeconds: 30, sensitivity: 8, floorMultiplier: 0.3 };
    const startFile = join(dir, 'start.json');
    writeFileSync(startFile, JSON.stringify(start));
    const { code, out } = await cli('calibrate', withdrawalHistory, '--scenario', startFile, '--fit', 'depth,half-life,withdrawal-sensitivity,withdrawal-floor');
    expect(code).toBe(0);
    const fitted = /withdrawal-sensitivity markets\[0\]\.liquidityWithdrawal\.sensitivity: 8\.000 -> ([\d.]+) {2}95% \[/.exec(out);
    expect(fitted).not.toBeNull();
    expect(Math.abs(Number(fitted![1]) / 20 - 1)).toBeLessThan(0.02);
    expect(out).toMatch(/withdrawal-floor {7}markets\[0\]\.liquidityWithdrawal\.floorMultiplier: 0\.3000 -> [\d.]+ {2}not identified/);
  }, 120_000);
});

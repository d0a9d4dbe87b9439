import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../src/cli';

const dir = mkdtempSync(join(tmpdir(), 'firesale-mc-'));
const scenarioFile = join(dir, 'crowd.json');
writeFileSync(
  scenarioFile,
  JSON.stringify({
    name: 'crowd',
    seed: 3,
    timing: { stepSeconds: 5 },
    venues: [{ id: 'v', model: 'generic', params: { maintenanceMarginRate: 0.005, liquidationFeeRate: 0.01, maxLeverage: 100 }, insuranceFundQuote: 100000 }],
    markets: [{ id: 'BTC-PERP', venue: 'v', baseAsset: 'BTC', initialPriceQuote: 100000, book: { model: 'parametric', depthQuotePerPercent: 3000000 } }],
    generators: [
      { market: 'BTC-PERP', count: 200, longShare: 0.7, notionalQuote: { distribution: 'lognormal', median: 50000, sigma: 1 }, leverage: { distribution: 'discrete', values: [5, 10, 20, 50], weights: [3, 4, 3, 1] } },
    ],
    shocks: [{ market: 'BTC-PERP', returnPct: -3, overSeconds: 10 }],
  }),
);

async function cli(args: string[]): Promise<string> {
  const lines: string[] = [];
  await createProgram((t) => lines.push(t)).parseAsync(['node', 'firesale', ...args]);
  return lines.join('\n');
}

describe('firesale mc', () => {
  it('--json prints the summary with metrics named by horizon and confidence; same seed same output', async () => {
    const args = ['mc', scenarioFile, '--paths', '60', '--seed', '9', '--horizon', '120', '--model', 'merton', '--jump-intensity', '20000', '--json'];
    const text = await cli(args);
    const summary = JSON.parse(text) as { pathCount: number; metrics: { name: string }[]; manifest: { seed: number; paths: number } };
    expect(summary.pathCount).toBe(60);
    expect(summary.manifest).toMatchObject({ seed: 9, paths: 60 });
    expect(summary.metrics.map((m) => m.name)).toContain('liquidationAtRisk_99_120s');
    expect(summary.metrics.map((m) => m.name)).toContain('badDebtVaR_99_120s');
    expect(await cli(args)).toBe(text);
  });

  it('prints a table and writes CSV tables', async () => {
    const csvDir = join(dir, 'csv');
    const text = await cli(['mc', scenarioFile, '--paths', '30', '--horizon', '60', '--csv', csvDir, '--no-progress']);
    expect(text).toContain('liquidationAtRisk_95_60s');
    expect(text).toContain('30 paths · gbm · horizon 60 s');
    for (const f of ['metrics.csv', 'fan.csv', 'generations.csv', 'distributions.csv']) expect(existsSync(join(csvDir, f))).toBe(true);
    expect(readFileSync(join(csvDir, 'fan.csv'), 'utf8').split('\n')[0]).toBe('market_id,time_seconds,p05,p25,p50,p75,p95');
  });

  it('bootstraps from a price CSV and records its hash in the manifest', async () => {
    const prices = join(dir, 'prices.csv');
    writeFileSync(prices, 'time,BTC\n' + Array.from({ length: 30 }, (_, k) => `${k * 60},${100 + Math.sin(k) * 2}`).join('\n'));
    const summary = JSON.parse(await cli(['mc', scenarioFile, '--paths', '20', '--horizon', '300', '--prices', prices, '--json'])) as { manifest: { shockModel: string; dataFiles: { path: string; sha256: string }[] } };
    expect(summary.manifest.shockModel).toBe('bootstrap');
    expect(summary.manifest.dataFiles[0]!.path).toBe(prices);
    expect(summary.manifest.dataFiles[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a negative path count, an empty price CSV and an unknown runner are clear errors naming the field', async () => {
    await expect(cli(['mc', scenarioFile, '--paths', '-5'])).rejects.toThrow('paths: the path count must be a whole number of at least 1');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    await expect(cli(['mc', scenarioFile, '--prices', empty])).rejects.toThrow(`${empty}: line 1: the price CSV is empty`);
    await expect(cli(['mc', scenarioFile, '--runner', 'nope'])).rejects.toThrow('--runner: unknown model "nope" (known: inline, workers, bullmq)');
    await expect(cli(['mc', scenarioFile, '--runner', 'bullmq'])).rejects.toThrow('--redis: a value is required');
  });
});

describe('firesale sweep, stress, report', () => {
  it('sweep prints a grid and the critical depth; --json gives the grid', async () => {
    const text = await cli(['sweep', scenarioFile, '--values', '0.25,1,4', '--values2', '1,2']);
    expect(text).toContain('critical depth');
    const json = JSON.parse(await cli(['sweep', scenarioFile, '--values', '0.25,1,4', '--values2', '1,2', '--json', '--no-critical-depth'])) as { grid: { cells: unknown[][] } };
    expect(json.grid.cells).toHaveLength(2);
    expect(json.grid.cells[0]).toHaveLength(3);
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify(json));
    await expect(cli(['sweep', scenarioFile, '--values', 'a,b'])).rejects.toThrow('--values: expected comma-separated numbers');
  });

  it('stress prints fund adequacy and the reverse stress result', async () => {
    const text = await cli(['stress', scenarioFile]);
    expect(text).toContain('2x shock, half depth');
    expect(text).toMatch(/reverse stress \(either\)/);
    const json = JSON.parse(await cli(['stress', scenarioFile, '--json', '--target', 'bad-debt'])) as { stresses: unknown[]; reverse: { found: boolean } };
    expect(json.stresses).toHaveLength(4);
  });

  it('report writes one self-contained HTML file with uPlot and the charts data', async () => {
    const summaryFile = join(dir, 'summary.json');
    writeFileSync(summaryFile, await cli(['mc', scenarioFile, '--paths', '20', '--horizon', '60', '--json']));
    const html = join(dir, 'report.html');
    await cli(['report', summaryFile, '-o', html, '--scenario', scenarioFile, '--sweep', join(dir, 'sweep.json')]);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('uPlot');
    expect(page).toContain('window.FIRESALE = ');
    expect(page).toContain('Liquidation heatmap');
    expect(page).not.toMatch(/<script src=|<link /);
    const data = JSON.parse(page.split('window.FIRESALE = ')[1]!.split(';</script>')[0]!) as { fan: unknown[]; heatmaps: unknown[]; sweep: unknown };
    expect(data.fan).toHaveLength(1);
    expect(data.heatmaps).toHaveLength(1);
    expect(data.sweep).not.toBeNull();
    await expect(cli(['report', scenarioFile])).rejects.toThrow('not a Monte Carlo summary');
  });
});

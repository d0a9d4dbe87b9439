import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportToCsv, run, stream } from '../src';
import { loadScenarioFile } from '../src/node';

const examplePath = new URL('../../../examples/btc-perp-cascade.json', import.meta.url).pathname;
const example = JSON.parse(readFileSync(examplePath, 'utf8')) as Record<string, unknown>;
const small = { ...example, generators: [{ ...(example.generators as Record<string, unknown>[])[0], count: 2000 }] };

describe('run and stream', () => {
  it('runs the bundled example into a cascade with every amount accounted for', () => {
    const report = run(loadScenarioFile(examplePath), { checkInvariants: true });
    expect(report.reportVersion).toBe(1);
    expect(report.scenario.name).toMatch(/BTC perpetual/);
    expect(report.summary.positions).toBe(20000);
    expect(report.markets[0]!.amplification).toBeGreaterThan(1.5);
  });

  it('gives the same report for the same seed and a different crowd for another seed', () => {
    const a = run(small);
    const b = run(small);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = run({ ...small, seed: 43 });
    expect(c.summary.liquidatedNotionalQuote).not.toBe(a.summary.liquidatedNotionalQuote);
  });

  it('streams the events of the run as it steps, and returns the same report', async () => {
    const events: string[] = [];
    const generator = stream(small);
    let next = await generator.next();
    while (!next.done) {
      events.push(next.value.type);
      next = await generator.next();
    }
    const report = next.value;
    expect(events.filter((t) => t === 'position-liquidated').length).toBe(report.liquidations.length);
    const { scenario: _s, ...streamed } = report;
    const { scenario: _r, ...direct } = run(small);
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(direct));
  });

  it('exports the report as CSV tables', () => {
    const report = run(small);
    const files = reportToCsv(report);
    expect(Object.keys(files).sort()).toEqual(['adl.csv', 'liquidations.csv', 'markets.csv', 'timeline.csv']);
    expect(files['liquidations.csv']!.split('\n').length - 2).toBe(report.liquidations.length);
    expect(files['timeline.csv']!.split('\n')[0]).toBe('time_seconds,BTC-PERP_mid_quote,BTC-PERP_mark_quote,BTC-PERP_liquidated_notional_quote,perp-dex_insurance_fund_quote');
  });
});

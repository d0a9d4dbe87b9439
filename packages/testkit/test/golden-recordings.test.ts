import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGenericEngine } from '@firesale/venue-generic';
import { compareRecordings, goldenDirectory, recordingOf, runGoldenScenario } from '../src/index';
import type { GoldenScenario } from '../src/index';

// With FIRESALE_RECORD_GOLDEN=1 (scripts/record-golden.mjs) this file rewrites the recordings from the generic
// venue's runs; otherwise it checks that the recordings still match those runs.
const record = process.env.FIRESALE_RECORD_GOLDEN === '1';
const files = readdirSync(goldenDirectory).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json')).sort();

describe('golden recordings (generic venue, defaults)', () => {
  it('there are golden scenarios', () => expect(files.length).toBeGreaterThanOrEqual(3));
  for (const file of files) {
    it(`${file} ${record ? 'is recorded' : 'matches its recording'}`, () => {
      const scenario = JSON.parse(readFileSync(new URL(file, goldenDirectory), 'utf8')) as GoldenScenario;
      const report = runGoldenScenario(scenario, createGenericEngine(), { marketId: 'BTC', asRecorded: true });
      const recording = recordingOf(scenario, 'generic', report);
      const target = new URL(file.replace(/\.json$/, '.expected.json'), goldenDirectory);
      if (record) {
        writeFileSync(target, JSON.stringify(recording, null, 2) + '\n');
        return;
      }
      const expected = JSON.parse(readFileSync(target, 'utf8'));
      expect(compareRecordings(expected, recording)).toEqual([]);
      expect(recording.summary.liquidations).toBeGreaterThan(0);
    });
  }
});

#!/usr/bin/env node
// Memory of the inline Monte Carlo runner as the path count grows: resident memory as a run of 10,000 and a run of
// 1,000,000 paths of a small scenario finish, each in a fresh process (also the peak RSS, and the live heap after a
// forced GC). Summaries are mergeable sketches, so memory should not grow with the path count. A fresh process's
// RSS varies by several MiB from run to run, so each count runs `--repeats` times (default 5, interleaved) and the
// ratios are those of the medians. The peak of the longer run is the maximum over a longer stretch of the same
// start-up (a million-path run passes through its first 10,000 paths too), so it is at least the shorter run's
// in expectation; RSS at the finish is what the goal compares. `--json` prints one JSON object per line; `--paths a,b` changes the counts.
// Uses the built packages (`npx turbo run build`).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { json: { type: 'boolean' }, paths: { type: 'string' }, repeats: { type: 'string' }, child: { type: 'string' } } });

const scenario = {
  name: 'bench: small crowd',
  seed: 5,
  timing: { stepSeconds: 10 },
  venues: [{ id: 'v', model: 'generic', params: { maintenanceMarginRate: 0.005, liquidationFeeRate: 0.01, maxLeverage: 100 }, insuranceFundQuote: 100_000 }],
  markets: [{ id: 'BTC-PERP', venue: 'v', baseAsset: 'BTC', initialPriceQuote: 100_000, book: { model: 'parametric', depthQuotePerPercent: 2_000_000 } }],
  generators: [{ market: 'BTC-PERP', count: 50, longShare: 0.7, notionalQuote: { distribution: 'lognormal', median: 50_000, sigma: 1 }, leverage: { distribution: 'discrete', values: [10, 20, 50], weights: [1, 1, 1] } }],
  shocks: [{ market: 'BTC-PERP', returnPct: -3 }],
};

if (args.child) {
  const { createInlineRunner } = await import('../packages/risk/dist/index.js');
  const { getHeapSpaceStatistics } = await import('node:v8');
  const paths = Number(args.child);
  const started = performance.now();
  const summary = await createInlineRunner().run({ scenario, shockModel: { model: 'merton', volatilityAnnual: 0.9, jumpIntensityAnnual: 5000, jumpMeanLog: -0.02, jumpStdLog: 0.02, pathStepSeconds: 10 }, paths, seed: 1, batchSize: 1000, horizonSeconds: 60 });
  // Resident memory as the run finishes, before the collection forced below to measure the live heap.
  const finished = {
    rssMiB: process.memoryUsage().rss / 2 ** 20,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    newSpaceMiB: getHeapSpaceStatistics().find((x) => x.space_name === 'new_space').space_size / 2 ** 20,
  };
  globalThis.gc?.();
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(JSON.stringify({ paths, seconds, ...finished, rssAfterGcMiB: process.memoryUsage().rss / 2 ** 20, heapUsedAfterGcMiB: process.memoryUsage().heapUsed / 2 ** 20, peakRssAfterGcMiB: process.resourceUsage().maxRSS / 1024, summaryBytes: JSON.stringify(summary).length, pathsWithLiquidation: summary.pathsWithLiquidation }));
} else {
  const counts = (args.paths ?? '10000,1000000').split(',').map(Number);
  const repeats = Number(args.repeats ?? 5);
  const runs = new Map(counts.map((paths) => [paths, []]));
  for (let k = 0; k < repeats; k++) {
    for (const paths of counts) {
      const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', String(paths)], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (child.status !== 0) throw new Error(child.stderr);
      const r = { bench: 'mc-memory', runner: 'inline', ...JSON.parse(child.stdout) };
      runs.get(paths).push(r);
      if (args.json) console.log(JSON.stringify(r));
      else console.log(`paths=${r.paths}  seconds=${r.seconds.toFixed(1)}  rss=${r.rssMiB.toFixed(1)} MiB  peak=${r.peakRssMiB.toFixed(1)} MiB  (after a forced GC: rss=${r.rssAfterGcMiB.toFixed(1)}, peak=${r.peakRssAfterGcMiB.toFixed(1)})  young generation at the end=${r.newSpaceMiB.toFixed(0)} MiB  live heap after GC=${r.heapUsedAfterGcMiB.toFixed(1)} MiB  summary=${r.summaryBytes} bytes`);
    }
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const of = (paths, key) => median(runs.get(paths).map((r) => r[key]));
  const [a, b] = [counts[0], counts[counts.length - 1]];
  const ratio = {
    bench: 'mc-memory',
    runner: 'ratio',
    repeats,
    pathsRatio: b / a,
    medianRssMiB: { [a]: of(a, 'rssMiB'), [b]: of(b, 'rssMiB') },
    rssRatio: of(b, 'rssMiB') / of(a, 'rssMiB'),
    medianPeakRssMiB: { [a]: of(a, 'peakRssMiB'), [b]: of(b, 'peakRssMiB') },
    peakRssRatio: of(b, 'peakRssMiB') / of(a, 'peakRssMiB'),
    heapAfterGcRatio: of(b, 'heapUsedAfterGcMiB') / of(a, 'heapUsedAfterGcMiB'),
  };
  if (args.json) console.log(JSON.stringify(ratio));
  else {
    console.log(
      `median RSS as the run finishes ${ratio.medianRssMiB[a].toFixed(1)} -> ${ratio.medianRssMiB[b].toFixed(1)} MiB over ${repeats} processes each: ratio ${ratio.rssRatio.toFixed(3)} for ${ratio.pathsRatio}x the paths`,
    );
    console.log(
      `median peak RSS ${ratio.medianPeakRssMiB[a].toFixed(1)} -> ${ratio.medianPeakRssMiB[b].toFixed(1)} MiB: ratio ${ratio.peakRssRatio.toFixed(3)}; live heap after GC ratio ${ratio.heapAfterGcRatio.toFixed(3)}`,
    );
  }
}

#!/usr/bin/env node
// Monte Carlo throughput: paths per second of the inline runner and the worker-thread runner on the same plan
// (10,000 GBM paths over a 100,000-position book), and the workers' speed-up. Each pair (inline, then workers) runs
// in a fresh process, `--repeats` times (default 5: this VM's speed drifts by ±10% from minute to minute, and one
// pair alone lands anywhere from 1.57x to 1.77x), and the last line gives the medians. Uses the built packages (run `npx turbo run build` first). `--json` prints one JSON
// object per line; `--paths N` and `--positions N` shrink the run for a quick check.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { json: { type: 'boolean' }, paths: { type: 'string' }, positions: { type: 'string' }, threads: { type: 'string' }, repeats: { type: 'string' }, child: { type: 'boolean' } },
});
const paths = Number(args.paths ?? 10_000);
const positions = Number(args.positions ?? 100_000);
const threads = Number(args.threads ?? availableParallelism());

const scenario = {
  name: 'bench: 100k positions',
  seed: 11,
  timing: { stepSeconds: 10 },
  venues: [{ id: 'perp', model: 'generic', params: { maintenanceMarginRate: 0.005, liquidationFeeRate: 0.01, maxLeverage: 100 }, insuranceFundQuote: 50_000_000 }],
  markets: [{ id: 'BTC-PERP', venue: 'perp', baseAsset: 'BTC', initialPriceQuote: 100_000, book: { model: 'parametric', depthQuotePerPercent: 400_000_000, resilience: { halfLifeSeconds: 60 } }, stressDepthMultiplier: 0.8 }],
  generators: [
    {
      market: 'BTC-PERP',
      count: positions,
      longShare: 0.6,
      notionalQuote: { distribution: 'lognormal', median: 10_000, sigma: 1, max: 5_000_000 },
      leverage: { distribution: 'discrete', values: [2, 3, 5, 10, 20, 50], weights: [10, 10, 20, 30, 20, 10] },
      entrySpreadFraction: 0.01,
    },
  ],
  shocks: [{ market: 'BTC-PERP', returnPct: -2, overSeconds: 10 }],
};
const plan = { scenario, shockModel: { model: 'gbm', volatilityAnnual: 0.8, pathStepSeconds: 30 }, paths, seed: 1, batchSize: 100, horizonSeconds: 300 };

function emit(record) {
  if (args.json) console.log(JSON.stringify(record));
  else console.log(Object.entries(record).map(([k, v]) => `${k}=${typeof v === 'number' ? Math.round(v * 100) / 100 : v}`).join('  '));
}

// Each runner is timed from run() to its summary: preparing the scenario and building the index (once per thread
// for workers) are inside. Module loading is outside for both: this script imports the inline runner's modules
// before timing, and the worker threads load theirs before `ready()` resolves. Thread start-up is reported apart
// (startSeconds), and the speed-up with it included (coldSpeedUp).
async function measure(runner) {
  const created = performance.now();
  await runner.ready?.();
  const started = performance.now();
  const summary = await runner.run(plan);
  const finished = performance.now();
  await runner.close();
  return { summary, seconds: (finished - started) / 1000, startSeconds: (started - created) / 1000 };
}

if (args.child) {
  const { createInlineRunner } = await import('../packages/risk/dist/index.js');
  const { createWorkerRunner } = await import('../packages/runner-workers/dist/index.js');
  const inline = await measure(createInlineRunner());
  emit({ bench: 'monte-carlo', runner: 'inline', paths, positions, seconds: inline.seconds, pathsPerSecond: paths / inline.seconds });
  const workers = await measure(createWorkerRunner({ threads }));
  emit({ bench: 'monte-carlo', runner: 'workers', threads, paths, positions, seconds: workers.seconds, pathsPerSecond: paths / workers.seconds, startSeconds: workers.startSeconds });
  const identical = JSON.stringify(inline.summary) === JSON.stringify(workers.summary);
  emit({
    bench: 'monte-carlo', runner: 'speed-up', threads, speedUp: inline.seconds / workers.seconds,
    coldSpeedUp: inline.seconds / (workers.seconds + workers.startSeconds), identicalSummaries: identical, liquidationPaths: inline.summary.pathsWithLiquidation,
  });
} else {
  const repeats = Number(args.repeats ?? 5);
  const childArgs = ['--paths', String(paths), '--positions', String(positions), '--threads', String(threads)];
  const pairs = [];
  for (let k = 0; k < repeats; k++) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...childArgs, '--json', '--child'], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    const [inline, workers, speed] = child.stdout.trim().split('\n').map((line) => JSON.parse(line));
    pairs.push({ inline, workers, speed });
    for (const record of [inline, workers, speed]) emit(record);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const inlineSeconds = median(pairs.map((p) => p.inline.seconds));
  const workerSeconds = median(pairs.map((p) => p.workers.seconds));
  emit({
    bench: 'monte-carlo', runner: 'median', repeats, threads, inlineSeconds, workerSeconds,
    inlinePathsPerSecond: paths / inlineSeconds, workerPathsPerSecond: paths / workerSeconds,
    speedUp: median(pairs.map((p) => p.speed.speedUp)), coldSpeedUp: median(pairs.map((p) => p.speed.coldSpeedUp)),
    identicalSummaries: pairs.every((p) => p.speed.identicalSummaries),
  });
}

// Cascade over 1,000,000 positions: index build, cascade walk, memory per position, and the ratio against a naive
// engine that scans every position at every price step (same positions, same book, same rounds), in one run.
// The naive engine is the same engine with `triggerDetection: 'full-scan'` (it must produce the identical report).
// Usage: node --expose-gc bench/cascade.mjs [--json] [--positions N] [--runs K]
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PositionTable, createRng, createSimulator } from '@firesale/core';
import { createLinearBook } from '@firesale/orderbook';
import { createGenericEngine } from '@firesale/venue-generic';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, positions: { type: 'string' }, runs: { type: 'string' } } });
const N = Number(values.positions ?? 1_000_000);
const RUNS = Number(values.runs ?? 7);
const P0 = 100_000;
const MMR = 0.005;
const SHOCK = -0.03;
// Linear depth in base per quote of price, scaled with the crowd: 8 BTC per $1 for a million positions
// (about $800M per 1% at $100k, against ~$33B of open interest).
const DEPTH = 8 * (N / 1_000_000);

const gc = globalThis.gc ?? (() => {});
const memory = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Garbage-collection pauses (scavenges and the final pause of each full collection), to report how much of a timed
// window was the collector's: the build allocates tens of MB of typed arrays and the report 88,557 record objects, so
// a full collection (V8 starts one every ~64 MB of new array buffers) falls inside some samples and not others.
const gcPauses = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push([e.startTime, e.startTime + e.duration]);
}).observe({ entryTypes: ['gc'] });
const gcMsIn = (from, to) => gcPauses.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, to) - Math.max(a, from)), 0);
// GC entries are delivered asynchronously, after a timer turn of the event loop.
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

function positions() {
  const rng = createRng(7);
  const table = new PositionTable(N);
  const leverages = [2, 3, 5, 10, 20, 50, 100];
  const weights = [25, 20, 20, 20, 10, 4, 1];
  const total = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < N; i++) {
    const long = rng.nextFloat() < 0.6;
    let u = rng.nextFloat() * total;
    let w = 0;
    while (u >= weights[w]) u -= weights[w++];
    const leverage = leverages[w];
    const entry = P0 * (1 + 0.015 * rng.nextNormal());
    const size = (20_000 * Math.exp(rng.nextNormal())) / entry;
    table.add(0, 0, long ? 1 : -1, size, entry, (size * entry) / leverage);
  }
  return table;
}

function build(table) {
  return createSimulator({
    markets: [{ marketId: 'BTC-PERP', venueId: 'generic', baseAsset: 'BTC', book: createLinearBook({ midPriceQuote: P0, depthBasePerQuote: DEPTH }) }],
    venues: [{ engine: createGenericEngine({ maintenanceMarginRate: MMR, liquidationFeeRate: 0.01, autoDeleveraging: false }), insuranceFundQuote: 1e12 }],
    accounts: [{ accountId: 'crowd', marginMode: 'isolated', collateral: [] }],
    positions: table,
    // The mark lags the book by one second, so the cascade unfolds step by step (one round per step).
    timing: { stepSeconds: 1, durationSeconds: 120, oracleDelaySeconds: 1 },
  });
}

// Memory per position: the position columns plus everything the built simulator keeps (triggers, index, flags).
const before = memory();
const table = positions();
const coldStart = performance.now();
let simulator = build(table);
const coldBuildMs = performance.now() - coldStart;
const bytesPerPosition = (memory() - before) / N;
const shock = { shocks: [{ marketId: 'BTC-PERP', returnFraction: SHOCK, overSeconds: 10 }] };
// The first run warms the JIT (timed, as what a fresh process pays once); every timed run below is on a freshly built
// simulator. This first simulator stays referenced: V8 discards optimised code once every object of a map it embeds
// has been collected, so dropping it would make some later timed run re-optimise the engine mid-run.
const warmedUp = simulator;
const coldRunStart = performance.now();
warmedUp.run(shock);
const coldCascadeMs = performance.now() - coldRunStart;
// What a user pays: build the simulator, then run the cascade on it (the first run also finishes sorting the
// index buckets the price walks through). Then the same shock again on that simulator, as Monte Carlo paths do.
const buildTimes = [];
const cascadeTimes = [];
const repeatTimes = [];
const walkTimes = [];
const lazySortTimes = [];
const repeatWalkTimes = [];
const windows = [];
let report;
for (let k = 0; k < RUNS; k++) {
  // One report alive at a time, as a user holds: the previous sample's 88,557 records would otherwise be marked by
  // every full collection that falls inside this sample.
  report = undefined;
  const t0 = performance.now();
  simulator = build(table);
  const t1 = performance.now();
  const timings = { detectionMs: 0, indexSortMs: 0, totalMs: 0 };
  report = simulator.run({ ...shock, timings });
  const t2 = performance.now();
  const repeat = { detectionMs: 0, indexSortMs: 0, totalMs: 0 };
  simulator.run({ ...shock, timings: repeat });
  repeatTimes.push(performance.now() - t2);
  buildTimes.push(t1 - t0);
  cascadeTimes.push(t2 - t1);
  windows.push([t0, t2]);
  // The walk alone: the first run also orders the buckets it reaches (index work deferred), timed apart.
  walkTimes.push(timings.detectionMs - timings.indexSortMs);
  lazySortTimes.push(timings.indexSortMs);
  repeatWalkTimes.push(repeat.detectionMs);
}
await settle();
const windowGcMs = windows.map(([a, b]) => gcMsIn(a, b));
const naiveTimes = [];
const scanTimes = [];
let naive;
for (let k = 0; k < Math.max(3, Math.floor(RUNS / 2)); k++) {
  const timings = { detectionMs: 0, totalMs: 0 };
  const t0 = performance.now();
  naive = simulator.run({ ...shock, triggerDetection: 'full-scan', timings });
  naiveTimes.push(performance.now() - t0);
  scanTimes.push(timings.detectionMs);
}
const finalPrice = report.markets[0].finalPriceQuote;
const result = {
  benchmark: 'cascade',
  positions: N,
  liquidated: report.summary.liquidatedPositions,
  generations: report.summary.generations,
  troughDropFraction: report.markets[0].troughDropFraction,
  indexBuildMs: median(buildTimes),
  cascadeMs: median(cascadeTimes),
  repeatCascadeMs: median(repeatTimes),
  naiveMs: median(naiveTimes),
  steps: report.timeline.timeSeconds.length,
  speedupVsNaive: median(naiveTimes) / median(cascadeTimes),
  walkMs: median(walkTimes),
  lazySortMs: median(lazySortTimes),
  repeatWalkMs: median(repeatWalkTimes),
  naiveScanMs: median(scanTimes),
  walkSpeedupVsScan: median(scanTimes) / median(walkTimes),
  buildPlusCascadeMs: median(buildTimes.map((b, k) => b + cascadeTimes[k])),
  // Collector pauses inside each build + first run, and that window without them (diagnostics, not the goal).
  buildPlusCascadeGcMs: windowGcMs,
  buildPlusCascadeLessGcMs: median(buildTimes.map((b, k) => b + cascadeTimes[k] - windowGcMs[k])),
  coldBuildMs,
  coldCascadeMs,
  bytesPerPosition,
  sameOutcomeAsNaive: JSON.stringify(naive) === JSON.stringify(report),
};
if (values.json) {
  console.log(JSON.stringify(result));
} else {
  console.log(`cascade over ${N.toLocaleString()} positions: ${result.liquidated.toLocaleString()} liquidated in ${result.generations} generations, trough -${(result.troughDropFraction * 100).toFixed(2)}%`);
  console.log(`  index build ${result.indexBuildMs.toFixed(1)} ms, cascade ${result.cascadeMs.toFixed(1)} ms (build + cascade ${result.buildPlusCascadeMs.toFixed(1)} ms); the same shock again ${result.repeatCascadeMs.toFixed(1)} ms`);
  console.log(`  naive engine (full scan at every price step) ${result.naiveMs.toFixed(1)} ms over ${result.steps} steps: ${result.speedupVsNaive.toFixed(1)}x slower than the indexed run`);
  console.log(`  finding triggered positions: index walk ${result.walkMs.toFixed(2)} ms vs full scan ${result.naiveScanMs.toFixed(1)} ms (${result.walkSpeedupVsScan.toFixed(0)}x); first run also ordered the buckets it reached in ${result.lazySortMs.toFixed(2)} ms; walk on a later run ${result.repeatWalkMs.toFixed(2)} ms`);
  console.log(`  garbage collection inside each build + cascade: ${windowGcMs.map((x) => x.toFixed(1)).join(', ')} ms; build + cascade without it ${result.buildPlusCascadeLessGcMs.toFixed(1)} ms (median)`);
  console.log(`  ${result.bytesPerPosition.toFixed(1)} bytes per position; same outcome as the naive engine: ${result.sameOutcomeAsNaive}`);
  console.log(`  first build and run in this process, before the JIT warmed up: ${coldBuildMs.toFixed(1)} + ${coldCascadeMs.toFixed(1)} ms`);
}

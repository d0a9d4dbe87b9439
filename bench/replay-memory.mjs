#!/usr/bin/env node
// Memory of `replayHistory` on a large history: generates (streamed, to a temp file) an engine history of the
// small example scenario padded with observed-style trades (many per step) up to `--size-mb` (default 64; run it
// with `--size-mb 1024` for the 1 GB check), then replays it from the file while sampling RSS and heap every 200 ms.
// Memory should stay flat: the reader holds one line at a time and the replay keeps one number per step, never the
// lines. Prints the samples at each tenth of the file and the peak; `--json` prints one JSON object.
// Uses the built packages (`npx turbo run build`).
import { createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { recordHistory, replayHistory } from '../packages/replay/dist/index.js';
import { readHistoryFile } from '../packages/replay/dist/node.js';

const { values: args } = parseArgs({ options: { 'size-mb': { type: 'string' }, json: { type: 'boolean' }, keep: { type: 'boolean' } } });
const sizeMb = Number(args['size-mb'] ?? 64);
const scenario = JSON.parse(readFileSync(fileURLToPath(new URL('../examples/histories/btc-small-cascade.json', import.meta.url)), 'utf8'));
const lines = [...recordHistory(scenario)];
const steps = lines.filter((l) => l.includes('"type":"mid"')).length;
const target = sizeMb * 2 ** 20;
const sampleTrade = JSON.stringify({ type: 'trade', t: 100, marketId: 'BTC-PERP', priceQuote: 97123.45678, sizeBase: 0.123456, side: 'sell', source: 'exchange' });
const tradesPerStep = Math.max(0, Math.floor((target - lines.join('\n').length) / steps / (sampleTrade.length + 1)));
const file = join(tmpdir(), `firesale-replay-bench-${process.pid}.jsonl`);

// Generate, streamed: the engine records, and before each step's mid, `tradesPerStep` trades around it.
const header = JSON.parse(lines[0]);
header.sources.exchange = { provenance: 'observed', description: 'padding trades (bench)' };
const out = createWriteStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
const write = async (text) => {
  if (!out.write(text)) await once(out, 'drain');
};
const genStart = performance.now();
await write(`${JSON.stringify(header)}\n`);
let seed = 1;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (const line of lines.slice(1)) {
  if (line.includes('"type":"mid"')) {
    const r = JSON.parse(line);
    let block = '';
    for (let i = 0; i < tradesPerStep; i++) {
      const p = (r.priceQuote * (1 + (rand() - 0.5) * 1e-4)).toFixed(5);
      block += `{"type":"trade","t":${r.t},"marketId":"BTC-PERP","priceQuote":${p},"sizeBase":${rand().toFixed(6)},"side":"${rand() < 0.5 ? 'buy' : 'sell'}","source":"exchange"}\n`;
      if (block.length > 1 << 20) {
        await write(block);
        block = '';
      }
    }
    await write(block);
  }
  await write(`${line}\n`);
}
out.end();
await once(out, 'finish');
const bytes = statSync(file).size;
const genSeconds = (performance.now() - genStart) / 1000;

globalThis.gc?.();
const mib = (x) => x / 2 ** 20;
const samples = [];
const startRss = process.memoryUsage().rss;
// Every 200 ms: RSS and heap in use. Every 5 s also the live heap (after a full GC), which tells retained memory
// from garbage the collector has not reached yet.
const liveHeap = [];
let ticks = 0;
const timer = setInterval(() => {
  if (++ticks % 25 === 0 && globalThis.gc) {
    globalThis.gc();
    liveHeap.push(mib(process.memoryUsage().heapUsed));
  }
  const m = process.memoryUsage();
  samples.push({ s: (performance.now() - t0) / 1000, rssMiB: mib(m.rss), heapMiB: mib(m.heapUsed) });
}, 200);
const t0 = performance.now();
const result = await replayHistory(readHistoryFile(file));
clearInterval(timer);
const seconds = (performance.now() - t0) / 1000;
if (!args.keep) rmSync(file);
const peakRss = Math.max(...samples.map((s) => s.rssMiB), mib(process.memoryUsage().rss));
const peakHeap = Math.max(...samples.map((s) => s.heapMiB));
const tenths = Array.from({ length: 10 }, (_, i) => samples[Math.min(samples.length - 1, Math.floor(((i + 1) * samples.length) / 10) - 1)]).filter(Boolean);
const summary = {
  bench: 'replay-memory',
  fileMiB: mib(bytes),
  records: result.history.recordsRead,
  tradesPerStep,
  generateSeconds: genSeconds,
  replaySeconds: seconds,
  linesPerSecond: result.history.recordsRead / seconds,
  rssBeforeMiB: mib(startRss),
  peakRssMiB: peakRss,
  peakHeapUsedMiB: peakHeap,
  rssAtTenthsMiB: tenths.map((s) => Math.round(s.rssMiB)),
  heapAtTenthsMiB: tenths.map((s) => Math.round(s.heapMiB)),
  liveHeapEvery5sMiB: liveHeap.map((x) => Math.round(x * 10) / 10),
  eventsIdentical: result.comparison.events.identical,
};
if (args.json) console.log(JSON.stringify(summary));
else {
  console.log(`history ${summary.fileMiB.toFixed(0)} MiB, ${summary.records.toLocaleString()} records (${tradesPerStep} trades per step), generated in ${genSeconds.toFixed(1)} s`);
  console.log(`replay ${seconds.toFixed(1)} s (${Math.round(summary.linesPerSecond).toLocaleString()} records/s), events identical: ${summary.eventsIdentical}`);
  console.log(`RSS before ${summary.rssBeforeMiB.toFixed(0)} MiB, peak ${peakRss.toFixed(0)} MiB; heap used peak ${peakHeap.toFixed(0)} MiB`);
  console.log(`RSS at each tenth of the replay (MiB): ${summary.rssAtTenthsMiB.join(' ')}`);
  console.log(`heap used at each tenth (MiB):      ${summary.heapAtTenthsMiB.join(' ')}`);
  console.log(`live heap after GC, every 5 s (MiB): ${summary.liveHeapEvery5sMiB.join(' ')}`);
}

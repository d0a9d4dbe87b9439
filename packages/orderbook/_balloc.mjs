import { Session } from 'node:inspector/promises';
import { createParametricBook } from './dist/index.js';
const model = createParametricBook({ midPriceQuote: 100000, depthQuotePerPercent: 4e8, resilience: { halfLifeSeconds: 60 } });
const out = { filledBase: 0, amountQuote: 0, averagePriceQuote: 0, priceAfterQuote: 0, exhausted: false };
function work(n) {
  let book = model.doCreate(); let t = 0; let s = 0;
  for (let i = 0; i < n; i++) {
    if (i % 1000 === 0) { book = model.doCreate(); t = 0; }
    if (i % 50 === 0) t += 10;
    book.quote('sell', 0.1 + (i % 7) * 0.01, out);
    book.doExecute('sell', 0.1 + (i % 7) * 0.01, t, out);
    s += out.averagePriceQuote + book.midPriceQuote();
  }
  return s;
}
work(200000);
const ses = new Session(); ses.connect();
await ses.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const N = 200000; work(N);
const { profile } = await ses.post('HeapProfiler.stopSampling');
const self = new Map();
const walk = (n) => { const cf = n.callFrame; const key = `${cf.functionName || '(anon)'}:${cf.lineNumber}`; self.set(key, (self.get(key) ?? 0) + n.selfSize); for (const c of n.children) walk(c); };
walk(profile.head);
let total = 0; for (const v of self.values()) total += v;
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log((v / N).toFixed(1).padStart(8), 'B/iter', k);
console.log('total B per iteration (quote + execute)', (total / N).toFixed(1));

import { test } from 'vitest';
import { readFileSync } from 'node:fs';
import { prepareScenario, run, defaultVenueFactories } from '@firesale/sdk';
import { createSimulator } from '@firesale/core';
import { createHyperliquidEngine } from '@firesale/venue-hyperliquid';
import { createBinanceEngine } from '@firesale/venue-binance';
import { createBybitEngine } from '@firesale/venue-bybit';
import { createOkxEngine } from '@firesale/venue-okx';

test('scratch', () => {
  const raw = JSON.parse(readFileSync(new URL('../../../examples/btc-perp-cascade.json', import.meta.url), 'utf8'));
  raw.generators[0].count = 100000;
  let t = performance.now();
  const p = prepareScenario(raw);
  console.log('prepare', performance.now() - t);
  t = performance.now();
  const sim = createSimulator(p.input);
  console.log('build', performance.now() - t);
  t = performance.now();
  const r = sim.run({ shocks: p.shocks, seed: p.seed });
  console.log('run', performance.now() - t, r.summary, r.markets[0], r.timeline.timeSeconds.length, r.liquidations.length);
  t = performance.now();
  sim.run({ shocks: p.shocks, seed: p.seed });
  console.log('run2', performance.now() - t);
  const f: Record<string, (p: any) => any> = { ...defaultVenueFactories, hyperliquid: (x) => createHyperliquidEngine(x), binance: (x) => createBinanceEngine(x), bybit: (x) => createBybitEngine(x), okx: (x) => createOkxEngine(x) };
  raw.generators[0].count = 20000;
  for (const v of Object.keys(f)) {
    try {
      const r2 = run(raw, { venueFactories: f, venueOverride: v });
      console.log(v, r2.markets[0]!.troughPriceQuote, r2.summary.liquidations);
    } catch (e) { console.log(v, 'ERR', String(e).slice(0, 400)); }
  }
});

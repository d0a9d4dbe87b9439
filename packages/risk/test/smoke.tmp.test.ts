import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { createInlineRunner } from '@firesale/risk';

it('smoke', async () => {
  const scenario = JSON.parse(readFileSync(new URL('../../../examples/btc-perp-cascade.json', import.meta.url), 'utf8'));
  const runner = createInlineRunner();
  let t = Date.now();
  const s = await runner.run({ scenario, shockModel: { model: 'gbm', volatilityAnnual: 0.8 }, paths: 200, seed: 1, batchSize: 50, horizonSeconds: 600 });
  console.log(Date.now() - t, 'ms', JSON.stringify(s).length);
  for (const m of s.metrics) console.log(m.name, m.value);
  t = Date.now();
  const s2 = await runner.run({ scenario, shockModel: { model: 'merton', volatilityAnnual: 0.8, jumpIntensityAnnual: 500, jumpMeanLog: -0.03, jumpStdLog: 0.02 }, paths: 200, seed: 1, batchSize: 50, horizonSeconds: 600 });
  console.log(Date.now() - t, 'ms');
  for (const m of s2.metrics.slice(0, 12)) console.log(m.name, m.value);
  console.log(s2.generations, s2.manifest);
});

#!/usr/bin/env node
// Writes the example histories of this folder from btc-small-cascade.json, with the engine itself:
//   btc-small-cascade.jsonl  the engine history (header with the scenario and seed, reference path, mids,
//                            liquidations, ADL; provenance simulated). `firesale replay` reproduces it exactly.
//   btc-small-trades.csv     the same market as a CSV of trades in the form exchange data comes in (one per step at
//                            the mid; provenance simulated, since the engine made them), for
//                            `firesale replay btc-small-trades.csv --scenario btc-small-cascade.json`.
// Uses the built packages: `npx turbo run build` first.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recordHistory } from '../../packages/replay/dist/index.js';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const scenario = JSON.parse(readFileSync(here('btc-small-cascade.json'), 'utf8'));
const lines = [...recordHistory(scenario)];
writeFileSync(here('btc-small-cascade.jsonl'), `${lines.join('\n')}\n`);
const csv = ['# firesale-history formatVersion=1 marketId=BTC-PERP defaultProvenance=simulated', 't,price'];
for (const line of lines) {
  const r = JSON.parse(line);
  if (r.type === 'mid') csv.push(`${r.t},${r.priceQuote}`);
}
writeFileSync(here('btc-small-trades.csv'), `${csv.join('\n')}\n`);
console.log(`wrote ${lines.length} history lines and ${csv.length - 2} trades`);

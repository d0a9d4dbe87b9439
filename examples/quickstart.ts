import { readFileSync } from 'node:fs';
import { run, stream } from '@firesale/sdk';

// A scenario is plain JSON: markets with their books, venues with their liquidation rules, a crowd of positions.
const scenario = JSON.parse(readFileSync(new URL('./btc-perp-cascade.json', import.meta.url), 'utf8'));

// One call simulates the cascade; the report says how far it fell, who was liquidated and who paid.
const report = run(scenario);
const btc = report.markets[0]!;
console.log(`trough ${btc.troughPriceQuote.toFixed(0)} after a ${(btc.exogenousMoveFraction * 100).toFixed(1)}% shock`);
console.log(`amplification ${btc.amplification.toFixed(2)}x in ${report.summary.generations} generations`);
console.log(`liquidated $${(report.summary.liquidatedNotionalQuote / 1e6).toFixed(1)}M, bad debt $${report.summary.badDebtQuote.toFixed(0)}`);

// The same run as a stream of events, with the deeper book a risk team would ask about.
scenario.markets[0].book.depthQuotePerPercent *= 2;
let fills = 0;
for await (const event of stream(scenario)) if (event.type === 'position-liquidated') fills++;
console.log(`with twice the depth: ${fills} liquidation fills instead of ${report.summary.liquidations}`);

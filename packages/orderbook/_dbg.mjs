import { createParametricBook } from './dist/index.js';
const model = createParametricBook({ midPriceQuote: 100000, depthQuotePerPercent: 4e8, resilience: { halfLifeSeconds: 60 } });
const out = { filledBase: 0, amountQuote: 0, averagePriceQuote: 0, priceAfterQuote: 0, exhausted: false };
const book = model.doCreate();
for (let i = 0; i < 100000; i++) book.doExecute('sell', 0.1, i, out);
%DebugPrint(out);
%DebugPrint(book);

import fc from 'fast-check';
import { createSimulator } from '@firesale/core';
import { describe, expect, it } from 'vitest';
import { prepareScenario } from '../src';
import { buildLedgers, ledgerEnd, observeExecutions, observeSettlements, recordEvents } from './venue-ledger';

// Random worlds of two or three perp venues (one market each) linked by arbitrage, optionally a lending venue
// (Aave rules) whose market is a constant-product pool linked to the first perp, a collateral asset Y listed on the
// first venue, and cross accounts on every venue backed partly by Y (with a haircut). Shocks hit the first perp
// and Y. Every account trades on one venue, so each venue's ledger is well defined.

const perpVenue = fc.record({
  maintenanceMarginRate: fc.constantFrom(0.005, 0.02),
  liquidationFeeRate: fc.constantFrom(0, 0.005, 0.01),
  liquidatorFeeShare: fc.constantFrom(0, 0.3),
  partialLiquidationFraction: fc.constantFrom(1, 0.25),
  autoDeleveraging: fc.boolean(),
  insuranceFundQuote: fc.double({ min: 0, max: 2000, noNaN: true }),
  depthBasePerQuote: fc.double({ min: 0.5, max: 200, noNaN: true }),
});

const position = fc.record({
  long: fc.boolean(),
  leverage: fc.double({ min: 2, max: 45, noNaN: true }),
  entryOffset: fc.double({ min: -0.04, max: 0.04, noNaN: true }),
  sizeBase: fc.double({ min: 0.05, max: 15, noNaN: true }),
  cross: fc.boolean(),
  collateralY: fc.double({ min: 0.5, max: 30, noNaN: true }),
  haircut: fc.constantFrom(0, 0.1, 0.5),
});

const link = fc.record({ capacityBasePerStep: fc.double({ min: 1, max: 150, noNaN: true }), latencySeconds: fc.constantFrom(0, 1, 3) });

const world = fc.record({
  venues: fc.array(fc.record({ venue: perpVenue, positions: fc.array(position, { minLength: 1, maxLength: 25 }), link }), { minLength: 2, maxLength: 3 }),
  lending: fc.option(
    fc.record({
      baseReserve: fc.double({ min: 200, max: 5000, noNaN: true }),
      loans: fc.array(fc.record({ leverage: fc.double({ min: 1.5, max: 4.5, noNaN: true }), sizeBase: fc.double({ min: 0.5, max: 40, noNaN: true }) }), { minLength: 1, maxLength: 15 }),
      link,
    }),
    { nil: undefined },
  ),
  shockPct: fc.double({ min: -25, max: 8, noNaN: true }),
  shockOverSeconds: fc.constantFrom(0, 10),
  shockYPct: fc.double({ min: -60, max: 0, noNaN: true }),
  adlPolicy: fc.constantFrom('ranking' as const, 'pro-rata' as const, 'shortfall-only' as const),
  oracleDelaySeconds: fc.constantFrom(0, 1),
  seed: fc.integer({ min: 0, max: 1000 }),
});
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

function scenarioOf(w: World) {
  const accounts: object[] = [];
  const positions: object[] = [];
  w.venues.forEach(({ positions: list }, k) => {
    list.forEach((p, i) => {
      const id = `v${k}-${i}`;
      const entry = 100 * (1 + p.entryOffset);
      const margin = (p.sizeBase * entry) / p.leverage;
      const side = p.long ? 'long' : 'short';
      if (p.cross) {
        accounts.push({ id, marginMode: 'cross', collateral: [{ asset: 'USD', amount: margin }, { asset: 'Y', amount: p.collateralY, haircut: p.haircut }] });
        positions.push({ account: id, market: `P${k}`, side, sizeBase: p.sizeBase, entryPriceQuote: entry, leverage: p.leverage });
      } else {
        accounts.push({ id, marginMode: 'isolated', collateral: [] });
        positions.push({ account: id, market: `P${k}`, side, sizeBase: p.sizeBase, entryPriceQuote: entry, marginQuote: margin });
      }
    });
  });
  w.lending?.loans.forEach((loan, i) => {
    accounts.push({ id: `loan-${i}`, marginMode: 'isolated', collateral: [] });
    positions.push({ account: `loan-${i}`, market: 'POOL', side: 'long', sizeBase: loan.sizeBase, entryPriceQuote: 100, leverage: loan.leverage });
  });
  return {
    name: 'random cross-venue world',
    seed: w.seed,
    timing: { stepSeconds: 1, durationSeconds: 120, oracleDelaySeconds: w.oracleDelaySeconds },
    venues: [
      ...w.venues.map(({ venue: { insuranceFundQuote, autoDeleveraging, depthBasePerQuote: _, ...params } }, k) => ({
        id: `v${k}`, model: 'generic', params: { ...params, autoDeleveraging, maxLeverage: 50 }, insuranceFundQuote, autoDeleveraging,
      })),
      ...(w.lending ? [{ id: 'lender', model: 'aave', insuranceFundQuote: 0 }] : []),
    ],
    markets: [
      ...w.venues.map(({ venue }, k) => ({ id: `P${k}`, venue: `v${k}`, baseAsset: `X${k}`, initialPriceQuote: 100, book: { model: 'linear', depthBasePerQuote: venue.depthBasePerQuote } })),
      { id: 'Y', venue: 'v0', baseAsset: 'Y', initialPriceQuote: 10, book: { model: 'linear', depthBasePerQuote: 50 } },
      ...(w.lending
        ? [{ id: 'POOL', venue: 'lender', baseAsset: 'WETH', venueSymbol: 'WETH', book: { model: 'constant-product', baseReserve: w.lending.baseReserve, quoteReserve: w.lending.baseReserve * 100, feeRate: 0.003 }, oracle: { source: 'own-book', delaySeconds: 0 } }]
        : []),
    ],
    accounts,
    positions,
    arbitrage: [
      ...w.venues.slice(1).map(({ link: l }, k) => ({ markets: [`P${k}`, `P${k + 1}`], ...l })),
      ...(w.lending ? [{ markets: ['P0', 'POOL'], ...w.lending.link }] : []),
    ],
    shocks: [
      { market: 'P0', returnPct: w.shockPct, overSeconds: w.shockOverSeconds },
      { market: 'Y', returnPct: w.shockYPct, overSeconds: 5 },
    ],
    adl: { policy: w.adlPolicy },
  };
}

/** Runs a world with every venue and book observed; the engine's own ledger is checked at every step too. */
function runObserved(w: World) {
  const prepared = prepareScenario(scenarioOf(w));
  const engines = prepared.input.venues.map((v) => observeSettlements(v.engine));
  const books = prepared.input.markets.map((m) => observeExecutions(m.book));
  const input = {
    ...prepared.input,
    venues: prepared.input.venues.map((v, i) => ({ ...v, engine: engines[i]!.engine })),
    markets: prepared.input.markets.map((m, i) => ({ ...m, book: books[i]!.model })),
  };
  const quote = input.quoteAsset ?? 'USD';
  // Free quote cash at the start; the simulator keeps a cross account's quote collateral as cash (it has Y too).
  const cashQuote = input.accounts.map((a) => a.collateral.reduce((sum, c) => sum + (c.asset === quote ? c.amount : 0), 0));
  const simulator = createSimulator(input);
  const { onEvent, events } = recordEvents(input, engines);
  const report = simulator.run({ shocks: prepared.shocks, seed: prepared.seed, onEvent, checkInvariants: true });
  const ledgers = buildLedgers({ input, cashQuote, books: books.map((b) => b.flows), events, report });
  return { report, ...ledgers };
}

const tolerance = (scale: number) => 1e-9 * Math.max(1, scale);

describe('conservation across venues', () => {
  it('balances collateral, funds, counterparties, liquidators and bad debt per venue and in total; arbitrageurs carry base without losing any', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { report, venues, arbitrage } = runObserved(w);
        let start = 0;
        let end = 0;
        let scale = 0;
        for (const venue of venues) {
          expect(Math.abs(ledgerEnd(venue) - venue.startQuote), venue.venueId).toBeLessThanOrEqual(tolerance(venue.grossQuote));
          start += venue.startQuote;
          end += ledgerEnd(venue);
          scale += venue.grossQuote;
        }
        expect(Math.abs(end - start)).toBeLessThanOrEqual(tolerance(scale));
        // The per-venue terms add up to the report's totals.
        const badDebt = venues.reduce((sum, v) => sum + v.badDebtQuote, 0);
        expect(Math.abs(badDebt - report.summary.badDebtQuote)).toBeLessThanOrEqual(tolerance(scale));
        const rewards = venues.reduce((sum, v) => sum + v.liquidatorRewardsQuote, 0);
        expect(Math.abs(rewards - report.keepers!.liquidatorRewardsQuote)).toBeLessThanOrEqual(tolerance(scale));
        // Arbitrageurs: every base sold on one book was bought on another and they sold what the report says they
        // moved; their quote (`profitQuote`, sells less buys) is what the books paid them, whatever its sign.
        const moved = report.arbitrage.reduce((sum, l) => sum + l.movedBase, 0);
        const movedQuote = report.arbitrage.reduce((sum, l) => sum + l.movedNotionalQuote, 0);
        expect(Math.abs(arbitrage.netBase)).toBeLessThanOrEqual(1e-9 * Math.max(1, moved));
        expect(Math.abs(arbitrage.soldBase - moved)).toBeLessThanOrEqual(1e-9 * Math.max(1, moved));
        expect(Math.abs(arbitrage.soldQuote - movedQuote)).toBeLessThanOrEqual(tolerance(movedQuote));
      }),
      { numRuns: 150 },
    );
  });

  it('reaches the other venues: some worlds liquidate on a venue the shock never touched', () => {
    // Guards the property above against vacuous worlds: value must actually leave and arrive across venues.
    const samples = fc.sample(world, { numRuns: 60, seed: 8 });
    let contagion = 0;
    let sold = 0;
    for (const w of samples) {
      const { report, venues } = runObserved(w);
      if (report.liquidations.some((l) => l.marketId !== 'P0' && l.marketId !== 'Y')) contagion++;
      if (venues.some((v) => v.collateralSoldQuote > 0)) sold++;
    }
    expect(contagion).toBeGreaterThan(0);
    expect(sold).toBeGreaterThan(0);
  });
});

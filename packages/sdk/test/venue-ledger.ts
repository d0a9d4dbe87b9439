import type { CascadeReport, SimulatorInput } from '@firesale/core';
import type { CascadeEventV1, LiquidationEngineModelV1, OrderBookFillV1, OrderBookModelV1, OrderBookV1, SettlementInputV1, SettlementV1 } from '@firesale/spec';

/**
 * A per-venue ledger of a cascade run, built outside the engine: the plugins are wrapped so that every settlement a
 * venue computes and every trade a book fills is recorded, and the run's events say what happened to whom. At the
 * end, the engine's stocks (each venue's insurance fund and bad debt, from the report) are set against the flows.
 *
 * Per venue v: `collateral + fund + counterparties' realised PnL + liquidator rewards - bad debt - collateral sold to
 * outside buyers` must equal the venue's collateral and fund at the start. Arbitrageurs trade only against books, so
 * they stand outside the venues' ledgers: what they sell on one book they have bought on another (their base nets to
 * zero) and their quote is the profit the books paid them.
 */

/** A venue engine whose settlements are recorded: the last one is the one the next `position-liquidated` event reports. */
export type ObservedEngine = { readonly engine: LiquidationEngineModelV1; readonly last: () => { input: SettlementInputV1; out: SettlementV1 } | undefined };

export function observeSettlements(engine: LiquidationEngineModelV1): ObservedEngine {
  let last: { input: SettlementInputV1; out: SettlementV1 } | undefined;
  const observed = overriding(engine, {
    doSettle(input: SettlementInputV1, out: SettlementV1): void {
      engine.doSettle(input, out);
      last = { input: { ...input }, out: { ...out } };
    },
  });
  return { engine: observed, last: () => last };
}

/** `target` with some methods replaced; every other member is read from `target` (methods run on it, so its state stays whole). */
function overriding<T extends object>(target: T, methods: Partial<T>): T {
  return new Proxy(target, {
    get(t, key) {
      if (Object.hasOwn(methods, key)) return methods[key as keyof T];
      const value: unknown = Reflect.get(t, key, t);
      return typeof value === 'function' ? value.bind(t) : value;
    },
  });
}

/** A run's event with, for a liquidation, the settlement its venue had just computed. */
export type ObservedEvent = { readonly event: CascadeEventV1; readonly settlement?: { input: SettlementInputV1; out: SettlementV1 } | undefined };

/** An `onEvent` that keeps every event and pairs each `position-liquidated` with its venue's settlement. */
export function recordEvents(input: SimulatorInput, engines: readonly ObservedEngine[]): { onEvent: (event: CascadeEventV1) => void; events: ObservedEvent[] } {
  const venueIndex = new Map(input.venues.map((v, i) => [v.venueId ?? v.engine.venueId, i]));
  const engineOf = new Map(input.markets.map((m) => [m.marketId, engines[venueIndex.get(m.venueId)!]!]));
  const events: ObservedEvent[] = [];
  const onEvent = (event: CascadeEventV1): void => {
    events.push(event.type === 'position-liquidated' ? { event, settlement: engineOf.get(event.marketId)!.last() } : { event });
  };
  return { onEvent, events };
}

/** Base and quote a book traded over a run, by side of the taker. */
export type BookFlows = { soldBase: number; soldQuote: number; boughtBase: number; boughtQuote: number };

export function observeExecutions(model: OrderBookModelV1): { readonly model: OrderBookModelV1; readonly flows: BookFlows } {
  const flows: BookFlows = { soldBase: 0, soldQuote: 0, boughtBase: 0, boughtQuote: 0 };
  const observed = overriding(model, {
    doCreate(): OrderBookV1 {
      const book = model.doCreate();
      return overriding(book, {
        doExecute(side: 'buy' | 'sell', sizeBase: number, timeSeconds: number, out: OrderBookFillV1): void {
          book.doExecute(side, sizeBase, timeSeconds, out);
          if (side === 'sell') {
            flows.soldBase += out.filledBase;
            flows.soldQuote += out.amountQuote;
          } else {
            flows.boughtBase += out.filledBase;
            flows.boughtQuote += out.amountQuote;
          }
        },
      });
    },
  });
  return { model: observed, flows };
}

/** One venue's ledger, in quote: each term at the end, and the total at the start. */
export type VenueLedger = {
  readonly venueId: string;
  readonly startQuote: number;
  readonly collateralQuote: number;
  readonly fundQuote: number;
  readonly counterpartyPnlQuote: number;
  readonly liquidatorRewardsQuote: number;
  readonly badDebtQuote: number;
  readonly collateralSoldQuote: number;
  /** The scale of the amounts that moved (for a rounding tolerance). */
  readonly grossQuote: number;
};

/** The end total of a venue's ledger (what must equal `startQuote`). */
export const ledgerEnd = (l: VenueLedger): number =>
  l.collateralQuote + l.fundQuote + l.counterpartyPnlQuote + l.liquidatorRewardsQuote - l.badDebtQuote - l.collateralSoldQuote;

/** What the arbitrageurs did across all books: base bought less base sold, and the quote they made. */
export type ArbitrageLedger = { readonly netBase: number; readonly soldBase: number; readonly soldQuote: number; readonly profitQuote: number };

/**
 * Replays a run's events against its input and the settlements the venues computed.
 * `input` is the simulator input after it was built (cross accounts' collateral moved as the engine keeps it);
 * `cashQuote[a]` is account a's free quote collateral at the start.
 */
export function buildLedgers(options: {
  input: SimulatorInput;
  cashQuote: readonly number[];
  books: readonly BookFlows[];
  events: readonly ObservedEvent[];
  report: CascadeReport;
}): { venues: VenueLedger[]; arbitrage: ArbitrageLedger } {
  const { input, cashQuote, events, report } = options;
  const pos = input.positions;
  const venueIndex = new Map(input.venues.map((v, i) => [v.venueId ?? v.engine.venueId, i]));
  const marketIndex = new Map(input.markets.map((m, i) => [m.marketId, i]));
  const assetMarket = new Map(input.markets.map((m, i) => [m.baseAsset, i]));
  const marketVenue = input.markets.map((m) => venueIndex.get(m.venueId)!);
  const accountVenue = new Int32Array(input.accounts.length).fill(-1);
  const collateral = Float64Array.from(cashQuote);
  const V = input.venues.length;
  const start = new Float64Array(V);
  const counterparty = new Float64Array(V);
  const rewards = new Float64Array(V);
  const sold = new Float64Array(V);
  const gross = new Float64Array(V);
  for (let i = 0; i < pos.count; i++) {
    const a = pos.accountIndex[i]!;
    const v = marketVenue[pos.marketIndex[i]!]!;
    if (accountVenue[a] !== -1 && accountVenue[a] !== v) throw new Error(`account ${a} trades on two venues: this ledger keeps one venue per account`);
    accountVenue[a] = v;
    collateral[a]! += pos.marginQuote[i]!;
  }
  for (let a = 0; a < collateral.length; a++) if (accountVenue[a]! >= 0) start[accountVenue[a]!]! += collateral[a]!;
  input.venues.forEach((venue, v) => (start[v]! += venue.insuranceFundQuote));

  // Accounts whose asset collateral the engine sells when their last position closes.
  const assetHeld = new Map<number, { marketIndex: number; amount: number; haircut: number }[]>();
  input.accounts.forEach((account, a) => {
    const assets = account.collateral.filter((c) => c.asset !== (input.quoteAsset ?? 'USD'));
    if (account.marginMode === 'cross' && assets.length > 0) {
      assetHeld.set(a, assets.map((c) => ({ marketIndex: assetMarket.get(c.asset)!, amount: c.amount, haircut: c.haircut ?? 0 })));
    }
  });
  const mark = input.markets.map((m) => m.book.initialMidPriceQuote);
  const liquidationFills = input.markets.map(() => ({ soldBase: 0, soldQuote: 0, boughtBase: 0, boughtQuote: 0 }));

  for (const { event: e, settlement } of events) {
    if (e.type === 'price-update') {
      mark[marketIndex.get(e.marketId)!] = e.markPriceQuote;
    } else if (e.type === 'order-filled') {
      const fills = liquidationFills[marketIndex.get(e.marketId)!]!;
      if (e.side === 'sell') {
        fills.soldBase += e.filledBase;
        fills.soldQuote += e.filledBase * e.averagePriceQuote;
      } else {
        fills.boughtBase += e.filledBase;
        fills.boughtQuote += e.filledBase * e.averagePriceQuote;
      }
    } else if (e.type === 'adl') {
      const c = e.counterpartyPositionId;
      const v = marketVenue[marketIndex.get(e.marketId)!]!;
      const a = pos.accountIndex[c]!;
      if (e.sizeBase > 0) {
        // The winner closes at the bankruptcy price: its realised PnL comes from the outside counterparties.
        const pnl = pos.side[c]! * e.sizeBase * (e.priceQuote - pos.entryPriceQuote[c]!);
        collateral[a]! += pnl;
        counterparty[v]! -= pnl;
        gross[v]! += Math.abs(pnl);
      } else {
        // shortfall-only: a haircut of the winner's profit, paid out of its collateral towards the shortfall.
        collateral[a]! -= e.profitGivenUpQuote;
        gross[v]! += Math.abs(e.profitGivenUpQuote);
      }
    } else if (e.type === 'position-liquidated') {
      if (e.route !== 'market' && e.route !== 'adl') throw new Error(`route ${e.route}: takeovers and backstops are outside this ledger`);
      const mi = marketIndex.get(e.marketId)!;
      const v = marketVenue[mi]!;
      const settled = settlement;
      if (!settled) throw new Error(`position ${e.positionId} liquidated without a settlement`);
      const { input: s, out } = settled;
      if (out.feeToFundQuote !== e.feeToFundQuote || out.returnedToAccountQuote !== e.returnedToAccountQuote || out.shortfallQuote !== e.shortfallQuote) {
        throw new Error(`position ${e.positionId}: the event does not report the venue's settlement: ${JSON.stringify({ out, e })}`);
      }
      const a = pos.accountIndex[e.positionId]!;
      const pnl = s.side * s.closedBase * (s.fillPriceQuote - s.entryPriceQuote);
      counterparty[v]! -= pnl;
      rewards[v]! += out.feeToLiquidatorQuote;
      gross[v]! += Math.abs(pnl) + Math.abs(s.marginQuote) + out.feeToFundQuote + out.feeToLiquidatorQuote + out.returnedToAccountQuote + out.shortfallQuote;
      const assets = assetHeld.get(a);
      if (assets && s.marginQuote === 0) {
        // A cross account's close that is not its last: its collateral absorbs the whole result.
        collateral[a]! += out.returnedToAccountQuote - out.shortfallQuote;
        continue;
      }
      if (assets) {
        // Its last close: the asset collateral is sold to outside buyers at the mark less the haircut first.
        let value = 0;
        for (const c of assets) value += c.amount * mark[c.marketIndex]! * (1 - c.haircut);
        assetHeld.set(a, []);
        collateral[a]! += value;
        sold[v]! += value;
      }
      collateral[a]! += out.returnedToAccountQuote - s.marginQuote;
    }
  }

  const end = new Float64Array(V);
  for (let a = 0; a < collateral.length; a++) if (accountVenue[a]! >= 0) end[accountVenue[a]!]! += collateral[a]!;
  const venues = input.venues.map((venue, v): VenueLedger => {
    const venueId = venue.venueId ?? venue.engine.venueId;
    const fund = report.insuranceFunds.find((f) => f.venueId === venueId)!;
    return {
      venueId,
      startQuote: start[v]!,
      collateralQuote: end[v]!,
      fundQuote: fund.finalQuote,
      counterpartyPnlQuote: counterparty[v]!,
      liquidatorRewardsQuote: rewards[v]!,
      badDebtQuote: fund.badDebtQuote,
      collateralSoldQuote: sold[v]!,
      grossQuote: gross[v]! + Math.abs(start[v]!),
    };
  });

  // Arbitrage is every book trade that no liquidation made.
  let netBase = 0;
  let soldBase = 0;
  let soldQuote = 0;
  let boughtQuote = 0;
  options.books.forEach((book, mi) => {
    const liq = liquidationFills[mi]!;
    netBase += book.boughtBase - liq.boughtBase - (book.soldBase - liq.soldBase);
    soldBase += book.soldBase - liq.soldBase;
    soldQuote += book.soldQuote - liq.soldQuote;
    boughtQuote += book.boughtQuote - liq.boughtQuote;
  });
  return { venues, arbitrage: { netBase, soldBase, soldQuote, profitQuote: soldQuote - boughtQuote } };
}

import type { AdlPolicyV1, SettlementInputV1, SettlementV1 } from '@firesale/spec';
import type { GrowableFloat64, GrowablePool, GrowableUint32 } from './growable';
import type { AdlActionRecord, AdlRecord, FillColumns, LiquidationRecord } from './report';

/** Routes of a liquidation fill, by code (the order of {@link ROUTE_NAMES}). */
export const ROUTE_MARKET = 0;
export const ROUTE_BACKSTOP = 1;
export const ROUTE_NETWORK = 2;
export const ROUTE_ADL = 3;
export const ROUTE_NAMES = ['market', 'backstop', 'network', 'adl'] as const;

/** Ids that records name: markets by index, accounts by index. */
export type RecordNames = { readonly marketIds: readonly string[]; readonly accountIds: readonly string[] };

/**
 * A run's liquidation fills, ADL fills and ADL actions, kept as columns in pooled typed arrays while the run goes
 * (an object per fill would churn the heap: a big cascade makes hundreds of thousands). Objects are built once, for
 * the report ({@link FillLog.liquidationRecords}), or the columns are copied out as they are ({@link FillLog.columns}).
 */
export class FillLog {
  // Liquidation fills. Account and side are taken while the position's columns are in cache.
  readonly liqTime: GrowableFloat64;
  readonly liqPosition: GrowableUint32;
  readonly liqMarket: GrowableUint32;
  readonly liqAccount: GrowableUint32;
  readonly liqLong: GrowableUint32;
  readonly liqRoute: GrowableUint32;
  readonly liqGeneration: GrowableUint32;
  readonly liqClosedBase: GrowableFloat64;
  readonly liqPrice: GrowableFloat64;
  readonly liqFee: GrowableFloat64;
  readonly liqShortfall: GrowableFloat64;
  // ADL fills.
  readonly adlTime: GrowableFloat64;
  readonly adlMarket: GrowableUint32;
  readonly adlLiquidated: GrowableUint32;
  readonly adlCounterparty: GrowableUint32;
  readonly adlCounterpartyAccount: GrowableUint32;
  readonly adlSize: GrowableFloat64;
  readonly adlPrice: GrowableFloat64;
  readonly adlProfit: GrowableFloat64;
  // ADL actions (one per bankrupt close handed to ADL); `actFloat` holds ACTION_FLOATS numbers per action.
  private readonly actTime: GrowableFloat64;
  private readonly actMarket: GrowableUint32;
  private readonly actLiquidated: GrowableUint32;
  private readonly actAccount: GrowableUint32;
  private readonly actLong: GrowableUint32;
  private readonly actBatch: GrowableUint32;
  private readonly actFirst: GrowableUint32;
  private readonly actCount: GrowableUint32;
  private readonly actFloat: GrowableFloat64;

  /** Takes its columns from `pool` (the k-th column of a run reuses the k-th column of the previous run). */
  constructor(pool: GrowablePool) {
    this.liqTime = pool.f64();
    this.liqPosition = pool.u32();
    this.liqMarket = pool.u32();
    this.liqAccount = pool.u32();
    this.liqLong = pool.u32();
    this.liqRoute = pool.u32();
    this.liqGeneration = pool.u32();
    this.liqClosedBase = pool.f64();
    this.liqPrice = pool.f64();
    this.liqFee = pool.f64();
    this.liqShortfall = pool.f64();
    this.adlTime = pool.f64();
    this.adlMarket = pool.u32();
    this.adlLiquidated = pool.u32();
    this.adlCounterparty = pool.u32();
    this.adlCounterpartyAccount = pool.u32();
    this.adlSize = pool.f64();
    this.adlPrice = pool.f64();
    this.adlProfit = pool.f64();
    this.actTime = pool.f64();
    this.actMarket = pool.u32();
    this.actLiquidated = pool.u32();
    this.actAccount = pool.u32();
    this.actLong = pool.u32();
    this.actBatch = pool.u32();
    this.actFirst = pool.u32();
    this.actCount = pool.u32();
    this.actFloat = pool.f64();
  }

  get liquidationCount(): number {
    return this.liqTime.length;
  }

  get adlCount(): number {
    return this.adlTime.length;
  }

  /** Appends one liquidation: the close `settled` describes and the amounts `split` gives (base, fill price, fee, shortfall). */
  addLiquidation(time: number, id: number, mi: number, account: number, long: boolean, route: number, generation: number, settled: SettlementInputV1, split: SettlementV1): void {
    this.liqTime.push(time);
    this.liqPosition.push(id);
    this.liqMarket.push(mi);
    this.liqAccount.push(account);
    this.liqLong.push(long ? 1 : 0);
    this.liqRoute.push(route);
    this.liqGeneration.push(generation);
    this.liqClosedBase.push(settled.closedBase);
    this.liqPrice.push(settled.fillPriceQuote);
    this.liqFee.push(split.feeToFundQuote);
    this.liqShortfall.push(split.shortfallQuote);
  }

  addAdl(time: number, mi: number, id: number, counterparty: number, counterpartyAccount: number, sizeBase: number, price: number, profitGivenUp: number): void {
    this.adlTime.push(time);
    this.adlMarket.push(mi);
    this.adlLiquidated.push(id);
    this.adlCounterparty.push(counterparty);
    this.adlCounterpartyAccount.push(counterpartyAccount);
    this.adlSize.push(sizeBase);
    this.adlPrice.push(price);
    this.adlProfit.push(profitGivenUp);
  }

  /** What the ADL fills from `first` on gave up (the `takenQuote` of the action that made them). */
  profitSince(first: number): number {
    let taken = 0;
    for (let k = first; k < this.adlTime.length; k++) taken += this.adlProfit.data[k]!;
    return taken;
  }

  /**
   * Records one bankrupt close handed to ADL, whose fills are those from `firstAdl` to the last one recorded.
   * `adlBatch`: made in the step's own ADL batch (separate batching), not inside the liquidation batch.
   */
  addAdlAction(
    time: number, mi: number, id: number, account: number, long: boolean, adlBatch: boolean, firstAdl: number, closeBase: number, matchedBase: number,
    mark: number, bankruptcyPrice: number, fillPrice: number, deficit: number, fundAvailable: number, shortfall: number,
  ): void {
    this.actTime.push(time);
    this.actMarket.push(mi);
    this.actLiquidated.push(id);
    this.actAccount.push(account);
    this.actLong.push(long ? 1 : 0);
    this.actBatch.push(adlBatch ? 1 : 0);
    this.actFirst.push(firstAdl);
    this.actCount.push(this.adlTime.length - firstAdl);
    const f = this.actFloat;
    f.push(closeBase);
    f.push(matchedBase);
    f.push(mark);
    f.push(bankruptcyPrice);
    f.push(fillPrice);
    f.push(deficit);
    f.push(fundAvailable);
    f.push(shortfall);
    f.push(this.profitSince(firstAdl));
  }

  /** ADL fill `k` as an object. */
  adlRecord(k: number, names: RecordNames): AdlRecord {
    return adlRecordAt(this.adlView(), k, names);
  }

  adlRecords(names: RecordNames): AdlRecord[] {
    if (this.adlTime.length === 0) return [];
    const view = this.adlView();
    const records: AdlRecord[] = new Array(view.count);
    for (let k = 0; k < view.count; k++) records[k] = adlRecordAt(view, k, names);
    return records;
  }

  /** The ADL fill columns as they are now (views of the pooled arrays, valid until the next fill). */
  private adlView(): FillColumns['adl'] {
    return {
      count: this.adlTime.length, timeSeconds: this.adlTime.data, marketIndex: this.adlMarket.data, liquidatedPositionId: this.adlLiquidated.data,
      counterpartyPositionId: this.adlCounterparty.data, counterpartyAccountIndex: this.adlCounterpartyAccount.data, sizeBase: this.adlSize.data,
      priceQuote: this.adlPrice.data, profitGivenUpQuote: this.adlProfit.data,
    };
  }

  liquidationRecords(names: RecordNames): LiquidationRecord[] {
    const records: LiquidationRecord[] = new Array(this.liqTime.length);
    for (let k = 0; k < this.liqTime.length; k++) {
      const id = this.liqPosition.data[k]!;
      const closedBase = this.liqClosedBase.data[k]!;
      const price = this.liqPrice.data[k]!;
      records[k] = {
        timeSeconds: this.liqTime.data[k]!, positionId: id, accountId: names.accountIds[this.liqAccount.data[k]!]!,
        marketId: names.marketIds[this.liqMarket.data[k]!]!, side: this.liqLong.data[k] === 1 ? 1 : -1, closedBase, fillPriceQuote: price,
        notionalQuote: closedBase * price, generation: this.liqGeneration.data[k]!, route: ROUTE_NAMES[this.liqRoute.data[k]!]!,
        feeToFundQuote: this.liqFee.data[k]!, shortfallQuote: this.liqShortfall.data[k]!,
      };
    }
    return records;
  }

  adlActionRecords(names: RecordNames, policy: AdlPolicyV1): AdlActionRecord[] {
    const n = this.actTime.length;
    const records: AdlActionRecord[] = new Array(n);
    const f = this.actFloat.data;
    for (let k = 0; k < n; k++) {
      const o = k * ACTION_FLOATS;
      const shortfall = f[o + 7]!;
      const taken = f[o + 8]!;
      records[k] = {
        timeSeconds: this.actTime.data[k]!, marketId: names.marketIds[this.actMarket.data[k]!]!, liquidatedPositionId: this.actLiquidated.data[k]!,
        liquidatedAccountId: names.accountIds[this.actAccount.data[k]!]!, side: this.actLong.data[k] === 1 ? 1 : -1, policy,
        batch: this.actBatch.data[k] === 1 ? 'adl' : 'liquidation', closeBase: f[o]!, matchedBase: f[o + 1]!, markPriceQuote: f[o + 2]!,
        bankruptcyPriceQuote: f[o + 3]!, fillPriceQuote: f[o + 4]!, deficitQuote: f[o + 5]!, fundAvailableQuote: f[o + 6]!,
        shortfallQuote: shortfall, takenQuote: taken, coveredQuote: Math.min(taken, shortfall), firstAdlIndex: this.actFirst.data[k]!,
        adlFillCount: this.actCount.data[k]!,
      };
    }
    return records;
  }

  /** Copies of the fill columns (the pooled ones are reused by the next run). */
  columns(): FillColumns {
    const n = this.liqTime.length;
    const side = new Int8Array(n);
    for (let k = 0; k < n; k++) side[k] = this.liqLong.data[k] === 1 ? 1 : -1;
    const m = this.adlTime.length;
    return {
      routeNames: ROUTE_NAMES,
      liquidations: {
        count: n,
        timeSeconds: this.liqTime.data.slice(0, n),
        positionId: this.liqPosition.data.slice(0, n),
        accountIndex: this.liqAccount.data.slice(0, n),
        marketIndex: this.liqMarket.data.slice(0, n),
        side,
        closedBase: this.liqClosedBase.data.slice(0, n),
        fillPriceQuote: this.liqPrice.data.slice(0, n),
        generation: this.liqGeneration.data.slice(0, n),
        route: Uint8Array.from(this.liqRoute.data.subarray(0, n)),
        feeToFundQuote: this.liqFee.data.slice(0, n),
        shortfallQuote: this.liqShortfall.data.slice(0, n),
      },
      adl: {
        count: m,
        timeSeconds: this.adlTime.data.slice(0, m),
        marketIndex: this.adlMarket.data.slice(0, m),
        liquidatedPositionId: this.adlLiquidated.data.slice(0, m),
        counterpartyPositionId: this.adlCounterparty.data.slice(0, m),
        counterpartyAccountIndex: this.adlCounterpartyAccount.data.slice(0, m),
        sizeBase: this.adlSize.data.slice(0, m),
        priceQuote: this.adlPrice.data.slice(0, m),
        profitGivenUpQuote: this.adlProfit.data.slice(0, m),
      },
    };
  }
}

/**
 * ADL fill `k` of `adl` (a report's `fillColumns.adl`) as an object, its market and counterparty account named by
 * `names` (the simulator input's market and account ids, in order).
 */
export function adlRecordAt(adl: FillColumns['adl'], k: number, names: RecordNames): AdlRecord {
  return {
    timeSeconds: adl.timeSeconds[k]!, marketId: names.marketIds[adl.marketIndex[k]!]!, liquidatedPositionId: adl.liquidatedPositionId[k]!,
    counterpartyPositionId: adl.counterpartyPositionId[k]!, counterpartyAccountId: names.accountIds[adl.counterpartyAccountIndex[k]!]!,
    sizeBase: adl.sizeBase[k]!, priceQuote: adl.priceQuote[k]!, profitGivenUpQuote: adl.profitGivenUpQuote[k]!,
  };
}

/** Numbers per ADL action in `actFloat`: close, matched, mark, bankruptcy, fill price, deficit, fund, shortfall, taken. */
const ACTION_FLOATS = 9;

import { HistoryError, type HistoryErrorDetail } from './history-error';
import { checkWindowInData, checkWindowOrder } from './history-window';
import type { HistoryHeader } from './history-records';
import type { HistoryItem } from './read-history';
import { GrowableFloat64 } from '@firesale/core';
import { StepSeries } from './step-series';

/** Which part of a history to replay. Times are the history's `t` (seconds). */
export type ReplayWindow = {
  /** Start of the compared window (default: the first record at or after the snapshot). */
  readonly fromSeconds?: number;
  /** End of the compared window (default: the last record). */
  readonly toSeconds?: number;
};

/** Options of {@link collectObservations}. */
export type CollectOptions = ReplayWindow & {
  /**
   * The scenario (positions, venues, books) to replay with, as parsed from JSON. Default: the history's own (the
   * header's, or the last `snapshot` record at or before the window start). With it, the snapshot time is the window
   * start (or the first record).
   */
  readonly scenario?: unknown;
  /** Seconds per engine step (default: the header's `stepSeconds`, else the scenario's, else 1). */
  readonly stepSeconds?: number;
  /** How far past the window end the exogenous reference path is read, in seconds (default 600). */
  readonly referenceLookaheadSeconds?: number;
};

/** One market's observed series, sampled per engine step from the snapshot. */
export type MarketObservations = {
  readonly marketId: string;
  /** Book mid (`mid` records) per step. */
  readonly mid: StepSeries;
  /** Last trade price (`trade` records, `candle` closes) per step. */
  readonly trade: StepSeries;
  /** The exogenous reference path (`reference` records): seconds since the snapshot, move, price. */
  readonly referenceSeconds: GrowableFloat64;
  readonly referenceMove: GrowableFloat64;
  readonly referencePrice: GrowableFloat64;
  /** When the market's exogenous move starts (history time), from the header. */
  readonly shockStartSeconds: number | undefined;
};

/** A liquidation or ADL event observed inside the window (kept only when it carries engine ids). */
export type ObservedEvent =
  | { readonly kind: 'liquidation'; readonly t: number; readonly marketId: string; readonly positionId: number; readonly sizeBase: number; readonly priceQuote: number }
  | {
      readonly kind: 'adl';
      readonly t: number;
      readonly marketId: string;
      readonly liquidatedPositionId: number;
      readonly counterpartyPositionId: number;
      readonly sizeBase: number;
      readonly priceQuote: number;
    };

/** Everything a replay or a calibration needs from a history, read in one streamed pass. */
export type Observations = {
  readonly file: string;
  readonly header: HistoryHeader;
  /** The scenario the engine starts from, and where it came from. */
  readonly scenario: unknown;
  readonly scenarioSource: 'header' | 'snapshot' | 'option';
  /** History time the scenario describes: engine time 0. */
  readonly snapshotSeconds: number;
  readonly fromSeconds: number;
  /** Window end, clamped to the data (or to the last good record when the input broke off). */
  readonly toSeconds: number;
  readonly dataStartSeconds: number;
  readonly dataEndSeconds: number;
  readonly stepSeconds: number;
  readonly seed: number | undefined;
  readonly markets: ReadonlyMap<string, MarketObservations>;
  /** Liquidated notional per minute of the window (bin m covers [from + 60m, from + 60(m+1))). */
  readonly liquidatedPerMinuteQuote: Float64Array;
  readonly liquidationCount: number;
  readonly liquidatedNotionalQuote: number;
  /** True when a source of the window's liquidations under-reports them (totals are lower bounds). */
  readonly liquidationsLowerBound: boolean;
  readonly firstLiquidationSeconds: number | null;
  readonly adlCount: number;
  readonly adlNotionalQuote: number;
  readonly adlLowerBound: boolean;
  readonly firstAdlSeconds: number | null;
  /** Events in the window with engine ids, for an exact comparison; null when some event lacks ids. */
  readonly events: readonly ObservedEvent[] | null;
  /** Records read (header included). */
  readonly recordsRead: number;
  /** Set when the input broke off: what went wrong (everything before it was used). */
  readonly inputError: (HistoryErrorDetail & { readonly message: string }) | null;
};

function marketOf(map: Map<string, MarketObservations>, marketId: string, shockStart: number | undefined): MarketObservations {
  let m = map.get(marketId);
  if (!m) {
    m = {
      marketId,
      mid: new StepSeries(),
      trade: new StepSeries(),
      referenceSeconds: new GrowableFloat64(),
      referenceMove: new GrowableFloat64(),
      referencePrice: new GrowableFloat64(),
      shockStartSeconds: shockStart,
    };
    map.set(marketId, m);
  }
  return m;
}

/**
 * Reads a history once, streamed, and keeps only what a replay compares: per engine step and market the observed
 * mid and trade price and the exogenous reference path; per minute of the window the liquidated notional; the ADL
 * count and notional; the first liquidation and ADL times; and the window's events when they carry engine ids.
 * Memory grows with the window's steps and events, never with the number of lines (trades, depth snapshots).
 *
 * A window [from, to] starts the engine at the last snapshot at or before `from` (the header's scenario, a
 * `snapshot` record, or `options.scenario` at `from`), runs through `to`, and compares only what falls in [from, to].
 *
 * If the input breaks off (a bad line), the records before it are kept and `inputError` says what happened.
 *
 * @throws `FiresaleError` `HISTORY__WINDOW_OUTSIDE_DATA` when the window does not overlap the data and
 * `HISTORY__INVALID_WINDOW` when it ends before it starts or starts before the first snapshot; {@link HistoryError}
 * when there is no scenario, or for a read error before any data of the window.
 */
export async function collectObservations(items: AsyncIterable<HistoryItem>, options: CollectOptions = {}): Promise<Observations> {
  const lookahead = options.referenceLookaheadSeconds ?? 600;
  const requestedFrom = options.fromSeconds;
  const requestedTo = options.toSeconds ?? Infinity;
  let file = 'history';
  checkWindowOrder(file, requestedFrom, requestedTo);
  let header: HistoryHeader | undefined;
  let scenario: unknown = options.scenario;
  let scenarioSource: Observations['scenarioSource'] = 'option';
  let snapshot = NaN;
  let step = options.stepSeconds ?? 1;
  const shockStart = new Map<string, number>();
  let markets = new Map<string, MarketObservations>();
  let dataStart = NaN;
  let dataEnd = NaN;
  /** The last time before `dataEnd`: all of its records were read. */
  let previousEnd = NaN;
  /** What the records at time `dataEnd` added (taken back if the input breaks off at that time). */
  let atEnd = { liquidations: 0, liquidated: 0, adl: 0, adlNotional: 0 };
  let from = NaN;
  let recordsRead = 0;
  let inputError: Observations['inputError'] = null;
  const perMinute = new GrowableFloat64();
  let liqCount = 0;
  let liqNotional = 0;
  let liqLower = false;
  let firstLiq: number | null = null;
  let adlCount = 0;
  let adlNotional = 0;
  let adlLower = false;
  let firstAdl: number | null = null;
  let events: ObservedEvent[] | null = [];

  try {
    for await (const item of items) {
      recordsRead++;
      if (item.type === 'header') {
        header = item;
        file = item.file;
        // Events compare one by one only in engine histories (the header carries the engine's seed); a history
        // without any liquidation or ADL records (trades only) would otherwise "differ" from any simulation.
        if (item.seed === undefined) events = null;
        step = options.stepSeconds ?? item.stepSeconds ?? stepOf(options.scenario ?? item.scenario) ?? 1;
        for (const m of item.markets ?? []) if (m.shockStartSeconds !== undefined) shockStart.set(m.marketId, m.shockStartSeconds);
        if (scenario === undefined && item.scenario !== undefined) {
          scenario = item.scenario;
          scenarioSource = 'header';
          if (item.scenarioTimeSeconds !== undefined) snapshot = item.scenarioTimeSeconds;
        }
        continue;
      }
      const t = item.t;
      if (Number.isNaN(dataStart)) dataStart = t;
      if (t !== dataEnd) {
        previousEnd = dataEnd;
        atEnd = { liquidations: 0, liquidated: 0, adl: 0, adlNotional: 0 };
      }
      dataEnd = t;
      if (Number.isNaN(snapshot)) snapshot = requestedFrom !== undefined && scenarioSource === 'option' ? requestedFrom : t;
      if (Number.isNaN(from)) from = Math.max(requestedFrom ?? t, snapshot);
      if (item.type === 'snapshot') {
        if (options.scenario === undefined && t <= from && t >= snapshot) {
          // A later snapshot at or before the window start: the run starts here instead.
          scenario = item.scenario;
          scenarioSource = 'snapshot';
          snapshot = t;
          markets = new Map();
        }
        continue;
      }
      if (t < snapshot) continue;
      if (t > requestedTo + lookahead) break;
      const tau = t - snapshot;
      const k = Math.max(0, Math.ceil(tau / step - 1e-9));
      switch (item.type) {
        case 'reference': {
          const start = shockStart.get(item.marketId);
          if (start !== undefined && t < start) break;
          const m = marketOf(markets, item.marketId, start);
          m.referenceSeconds.push(tau);
          m.referenceMove.push(item.returnFraction);
          m.referencePrice.push(item.priceQuote ?? NaN);
          break;
        }
        case 'mid':
          if (t <= requestedTo) marketOf(markets, item.marketId, shockStart.get(item.marketId)).mid.observe(k, item.priceQuote);
          break;
        case 'trade':
          if (t <= requestedTo) marketOf(markets, item.marketId, shockStart.get(item.marketId)).trade.observe(k, item.priceQuote);
          break;
        case 'candle': {
          const close = tau + item.intervalSeconds;
          if (t + item.intervalSeconds <= requestedTo) marketOf(markets, item.marketId, shockStart.get(item.marketId)).trade.observe(Math.ceil(close / step - 1e-9), item.close);
          break;
        }
        case 'liquidation':
          if (t < from || t > requestedTo) break;
          liqCount++;
          liqNotional += item.notionalQuote ?? item.sizeBase * item.priceQuote;
          atEnd.liquidations++;
          atEnd.liquidated += item.notionalQuote ?? item.sizeBase * item.priceQuote;
          perMinute.addAt(Math.floor((t - from) / 60), item.notionalQuote ?? item.sizeBase * item.priceQuote);
          liqLower ||= item.lowerBound;
          firstLiq ??= t;
          if (events && item.positionId !== undefined) {
            events.push({ kind: 'liquidation', t, marketId: item.marketId, positionId: item.positionId, sizeBase: item.sizeBase, priceQuote: item.priceQuote });
          } else events = null;
          break;
        case 'adl':
          if (t < from || t > requestedTo) break;
          adlCount++;
          adlNotional += item.sizeBase * item.priceQuote;
          atEnd.adl++;
          atEnd.adlNotional += item.sizeBase * item.priceQuote;
          adlLower ||= item.lowerBound;
          firstAdl ??= t;
          if (events && item.liquidatedPositionId !== undefined && item.counterpartyPositionId !== undefined) {
            events.push({
              kind: 'adl', t, marketId: item.marketId, liquidatedPositionId: item.liquidatedPositionId, counterpartyPositionId: item.counterpartyPositionId,
              sizeBase: item.sizeBase, priceQuote: item.priceQuote,
            });
          } else events = null;
          break;
        default:
          break;
      }
    }
  } catch (error) {
    if (!(error instanceof HistoryError)) throw error;
    file = error.detail.file;
    // Keep what was read before the bad line; give up only if none of it is in the window.
    if (Number.isNaN(dataEnd) || (requestedFrom !== undefined && dataEnd < requestedFrom)) throw error;
    inputError = { ...error.detail, message: error.message };
    // The records of the time the bad line is at may be incomplete: end at the time before it.
    if (!Number.isNaN(previousEnd)) {
      const cut = dataEnd;
      dataEnd = previousEnd;
      liqCount -= atEnd.liquidations;
      liqNotional -= atEnd.liquidated;
      if (atEnd.liquidated > 0) perMinute.addAt(Math.floor((cut - from) / 60), -atEnd.liquidated);
      if (firstLiq === cut) firstLiq = null;
      adlCount -= atEnd.adl;
      adlNotional -= atEnd.adlNotional;
      if (firstAdl === cut) firstAdl = null;
      if (events) events = events.filter((e) => e.t < cut);
    }
  }
  if (!header) throw new HistoryError({ file, line: 0, field: 'header', reason: 'the history is empty', recordsRead });
  if (Number.isNaN(dataEnd)) throw new HistoryError({ file, line: 0, field: 'records', reason: 'the history has a header but no records', recordsRead });
  checkWindowInData({ file, fromSeconds: requestedFrom, toSeconds: options.toSeconds, dataStartSeconds: dataStart, dataEndSeconds: dataEnd, snapshotSeconds: snapshot });
  if (scenario === undefined) {
    throw new HistoryError({ file, line: 0, field: 'scenario', reason: 'no scenario: the header embeds none, so pass one (--scenario) with the positions, venues and books', recordsRead });
  }
  const to = Math.min(requestedTo, dataEnd);
  return {
    file,
    header,
    scenario,
    scenarioSource,
    snapshotSeconds: snapshot,
    fromSeconds: from,
    toSeconds: to,
    dataStartSeconds: dataStart,
    dataEndSeconds: dataEnd,
    stepSeconds: step,
    seed: header.seed,
    markets,
    liquidatedPerMinuteQuote: Float64Array.from({ length: Math.floor((to - from) / 60) + 1 }, (_, m) => (m < perMinute.length ? perMinute.data[m]! : 0)),
    liquidationCount: liqCount,
    liquidatedNotionalQuote: liqNotional,
    liquidationsLowerBound: liqLower,
    firstLiquidationSeconds: firstLiq,
    adlCount,
    adlNotionalQuote: adlNotional,
    adlLowerBound: adlLower,
    firstAdlSeconds: firstAdl,
    events,
    recordsRead,
    inputError,
  };
}

function stepOf(scenario: unknown): number | undefined {
  const s = (scenario as { timing?: { stepSeconds?: unknown } } | undefined)?.timing?.stepSeconds;
  return typeof s === 'number' && s > 0 ? s : undefined;
}

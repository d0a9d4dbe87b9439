import type { CascadeReport } from '@firesale/core';
import type { Observations, ObservedEvent } from './observations';

/** Simulated against actual price for one market over the window. */
export type PriceComparison = {
  readonly marketId: string;
  /** Which actual series was used: book mids, last trades, or none (the history has no price for it). */
  readonly actualSource: 'mid' | 'trade' | 'none';
  /** History time of each step in the window. */
  readonly timeSeconds: number[];
  readonly actualPriceQuote: number[];
  readonly simulatedPriceQuote: number[];
  /** Root mean square of log(simulated / actual) over the steps with an actual price. */
  readonly rmsLogError: number;
  /** Largest |simulated / actual - 1|. */
  readonly maxRelativeError: number;
};

/** How a simulated total compares with the actual one. */
export type TotalComparison =
  | { readonly kind: 'error'; readonly actual: number; readonly simulated: number; /** (simulated - actual) / actual; null when actual is 0. */ readonly errorFraction: number | null }
  | { readonly kind: 'lower-bound'; readonly observedLowerBound: number; readonly simulated: number; /** simulated >= observed lower bound. */ readonly holds: boolean };

/** Whether the simulated events equal the history's, one by one. */
export type EventComparison = {
  /** False when the history's events carry no engine ids (real data): nothing to compare one by one. */
  readonly compared: boolean;
  readonly identical: boolean;
  readonly actualCount: number;
  readonly simulatedCount: number;
  readonly firstMismatch: { readonly index: number; readonly actual: ObservedEvent | null; readonly simulated: ObservedEvent | null } | null;
};

/** Simulated against actual over a replay window. */
export type ReplayComparison = {
  readonly window: {
    readonly fromSeconds: number;
    readonly toSeconds: number;
    /** History time the engine started from (the snapshot before the window). */
    readonly snapshotSeconds: number;
    readonly stepSeconds: number;
  };
  readonly prices: PriceComparison[];
  readonly liquidations: {
    /** Start of each minute (history time). */
    readonly minuteStartSeconds: number[];
    readonly actualPerMinuteQuote: number[];
    readonly simulatedPerMinuteQuote: number[];
    readonly actualCount: number;
    readonly simulatedCount: number;
    readonly notional: TotalComparison;
  };
  readonly adl: { readonly actualCount: number; readonly simulatedCount: number; readonly count: TotalComparison; readonly notional: TotalComparison };
  /** Seconds from the first liquidation to the first ADL in the window (null when either is missing). */
  readonly firstLiquidationToFirstAdlSeconds: { readonly actual: number | null; readonly simulated: number | null };
  readonly events: EventComparison;
};

function total(actual: number, simulated: number, lowerBound: boolean): TotalComparison {
  if (lowerBound) return { kind: 'lower-bound', observedLowerBound: actual, simulated, holds: simulated >= actual * (1 - 1e-12) };
  return { kind: 'error', actual, simulated, errorFraction: actual === 0 ? (simulated === 0 ? 0 : null) : (simulated - actual) / actual };
}

/** The simulated mid of `marketId` at each step of the window (carried forward once the run ended early). */
export function simulatedMids(report: CascadeReport, obs: Observations, marketId: string): { steps: number[]; mids: number[] } {
  const mids = report.timeline.midPriceQuote[marketId] ?? [];
  const firstStep = Math.ceil((obs.fromSeconds - obs.snapshotSeconds) / obs.stepSeconds - 1e-9);
  const lastStep = Math.floor((obs.toSeconds - obs.snapshotSeconds) / obs.stepSeconds + 1e-9);
  const steps: number[] = [];
  const out: number[] = [];
  const initial = report.markets.find((m) => m.marketId === marketId)?.initialPriceQuote ?? NaN;
  for (let k = firstStep; k <= lastStep; k++) {
    steps.push(k);
    out.push(mids[Math.min(k, mids.length - 1)] ?? initial);
  }
  return { steps, mids: out };
}

/** The actual price of `marketId` at the given steps (mid if the history has mids, else last trade), NaN where unknown. */
export function actualPrices(obs: Observations, marketId: string, steps: readonly number[]): { source: PriceComparison['actualSource']; prices: number[] } {
  const m = obs.markets.get(marketId);
  if (!m || (!m.mid.observed && !m.trade.observed)) return { source: 'none', prices: steps.map(() => NaN) };
  const lastStep = steps.length > 0 ? steps[steps.length - 1]! : 0;
  const series = (m.mid.observed ? m.mid : m.trade).finish(lastStep);
  return { source: m.mid.observed ? 'mid' : 'trade', prices: steps.map((k) => series[k] ?? NaN) };
}

function simulatedEvents(report: CascadeReport, obs: Observations): ObservedEvent[] {
  const out: ObservedEvent[] = [];
  const s = obs.snapshotSeconds;
  const inWindow = (tau: number) => s + tau >= obs.fromSeconds && s + tau <= obs.toSeconds;
  let li = 0;
  let ai = 0;
  // Same order as a recorded history: per step the liquidations, then the ADL fills.
  while (li < report.liquidations.length || ai < report.adl.length) {
    const lt = report.liquidations[li]?.timeSeconds ?? Infinity;
    const at = report.adl[ai]?.timeSeconds ?? Infinity;
    if (lt <= at) {
      const r = report.liquidations[li++]!;
      if (inWindow(r.timeSeconds)) out.push({ kind: 'liquidation', t: s + r.timeSeconds, marketId: r.marketId, positionId: r.positionId, sizeBase: r.closedBase, priceQuote: r.fillPriceQuote });
    } else {
      const d = report.adl[ai++]!;
      if (inWindow(d.timeSeconds)) {
        out.push({
          kind: 'adl', t: s + d.timeSeconds, marketId: d.marketId, liquidatedPositionId: d.liquidatedPositionId, counterpartyPositionId: d.counterpartyPositionId,
          sizeBase: d.sizeBase, priceQuote: d.priceQuote,
        });
      }
    }
  }
  return out;
}

function sameEvent(a: ObservedEvent, b: ObservedEvent): boolean {
  if (a.kind !== b.kind || a.t !== b.t || a.marketId !== b.marketId || a.sizeBase !== b.sizeBase || a.priceQuote !== b.priceQuote) return false;
  if (a.kind === 'liquidation') return a.positionId === (b as typeof a).positionId;
  const c = b as typeof a;
  return a.liquidatedPositionId === c.liquidatedPositionId && a.counterpartyPositionId === c.counterpartyPositionId;
}

/**
 * Compares a simulated run with a history over the window: price per step, liquidated notional per minute and in
 * total, ADL count and notional, time from the first liquidation to the first ADL, and (engine histories) the events
 * one by one. Totals from a source that under-reports are compared as lower bounds (`simulated >= observed`).
 */
export function compareReplay(obs: Observations, report: CascadeReport): ReplayComparison {
  const s = obs.snapshotSeconds;
  const prices: PriceComparison[] = report.markets.map(({ marketId }) => {
    const { steps, mids } = simulatedMids(report, obs, marketId);
    const actual = actualPrices(obs, marketId, steps);
    let squares = 0;
    let n = 0;
    let maxRel = 0;
    for (let i = 0; i < steps.length; i++) {
      const a = actual.prices[i]!;
      if (!(a > 0)) continue;
      const r = Math.log(mids[i]! / a);
      squares += r * r;
      n++;
      maxRel = Math.max(maxRel, Math.abs(mids[i]! / a - 1));
    }
    return {
      marketId,
      actualSource: actual.source,
      timeSeconds: steps.map((k) => s + k * obs.stepSeconds),
      actualPriceQuote: actual.prices,
      simulatedPriceQuote: mids,
      rmsLogError: n > 0 ? Math.sqrt(squares / n) : NaN,
      maxRelativeError: n > 0 ? maxRel : NaN,
    };
  });
  const minutes = obs.liquidatedPerMinuteQuote.length;
  const simulatedPerMinute = new Array<number>(minutes).fill(0);
  let simCount = 0;
  let simNotional = 0;
  let firstSimLiq: number | null = null;
  for (const r of report.liquidations) {
    const t = s + r.timeSeconds;
    if (t < obs.fromSeconds || t > obs.toSeconds) continue;
    simCount++;
    simNotional += r.notionalQuote;
    firstSimLiq ??= t;
    const m = Math.floor((t - obs.fromSeconds) / 60);
    if (m < minutes) simulatedPerMinute[m]! += r.notionalQuote;
  }
  let simAdl = 0;
  let simAdlNotional = 0;
  let firstSimAdl: number | null = null;
  for (const d of report.adl) {
    const t = s + d.timeSeconds;
    if (t < obs.fromSeconds || t > obs.toSeconds) continue;
    simAdl++;
    simAdlNotional += d.sizeBase * d.priceQuote;
    firstSimAdl ??= t;
  }
  const gap = (liq: number | null, adl: number | null) => (liq === null || adl === null ? null : adl - liq);
  let events: EventComparison = { compared: false, identical: false, actualCount: obs.liquidationCount + obs.adlCount, simulatedCount: simCount + simAdl, firstMismatch: null };
  if (obs.events) {
    const sim = simulatedEvents(report, obs);
    const actual = obs.events;
    let mismatch: EventComparison['firstMismatch'] = null;
    for (let i = 0; i < Math.max(sim.length, actual.length); i++) {
      const a = actual[i];
      const b = sim[i];
      if (!a || !b || !sameEvent(a, b)) {
        mismatch = { index: i, actual: a ?? null, simulated: b ?? null };
        break;
      }
    }
    events = { compared: true, identical: mismatch === null, actualCount: actual.length, simulatedCount: sim.length, firstMismatch: mismatch };
  }
  return {
    window: { fromSeconds: obs.fromSeconds, toSeconds: obs.toSeconds, snapshotSeconds: s, stepSeconds: obs.stepSeconds },
    prices,
    liquidations: {
      minuteStartSeconds: Array.from({ length: minutes }, (_, m) => obs.fromSeconds + 60 * m),
      actualPerMinuteQuote: Array.from(obs.liquidatedPerMinuteQuote),
      simulatedPerMinuteQuote: simulatedPerMinute,
      actualCount: obs.liquidationCount,
      simulatedCount: simCount,
      notional: total(obs.liquidatedNotionalQuote, simNotional, obs.liquidationsLowerBound),
    },
    adl: {
      actualCount: obs.adlCount,
      simulatedCount: simAdl,
      count: total(obs.adlCount, simAdl, obs.adlLowerBound),
      notional: total(obs.adlNotionalQuote, simAdlNotional, obs.adlLowerBound),
    },
    firstLiquidationToFirstAdlSeconds: { actual: gap(obs.firstLiquidationSeconds, obs.firstAdlSeconds), simulated: gap(firstSimLiq, firstSimAdl) },
    events,
  };
}

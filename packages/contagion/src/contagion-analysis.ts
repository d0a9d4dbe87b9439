import type { CascadeReport } from '@firesale/core';
import type { AmountQuote, Fraction, Seconds } from '@firesale/spec';
import { invalid } from './field-checks';

/** Options of {@link analyzeContagion}. */
export type ContagionOptions = {
  /**
   * A name per report, used in node ids (`label:marketId`) when there is more than one report (default `0`, `1`,
   * ...). Give one report per venue simulated separately, or several venues' markets in one report.
   */
  readonly labels?: readonly string[];
  /**
   * The venue of each market id (from the simulator's `markets[].venueId`). A report with a single insurance fund
   * puts all its markets on that venue without this.
   */
  readonly marketVenues?: Readonly<Record<string, string>>;
  /** The markets the exogenous shock hit (default: those whose `exogenousMoveFraction` is above 0). */
  readonly shockedMarketIds?: readonly string[];
  /** A market without liquidations counts as reached once its mid moved this far from the initial (default 0.001). */
  readonly minPriceMoveFraction?: Fraction;
};

/** One market of one report, and how the shock reached it. */
export type ContagionNode = {
  /** `marketId`, or `label:marketId` with several reports. */
  readonly nodeId: string;
  readonly reportIndex: number;
  readonly marketId: string;
  readonly venueId: string | null;
  /** Hit by the exogenous shock itself. */
  readonly shocked: boolean;
  /** Liquidations happened here, or its mid moved at least `minPriceMoveFraction`. */
  readonly reached: boolean;
  /** First liquidation time, or (without liquidations) the first time the mid moved that far; null if never. */
  readonly reachedAtSeconds: Seconds | null;
  readonly firstLiquidationSeconds: Seconds | null;
  /** 1 for the first market reached, by `reachedAtSeconds` (ties by node id); null if not reached. */
  readonly order: number | null;
  readonly liquidationCount: number;
  readonly liquidatedNotionalQuote: AmountQuote;
  /** This market's share of the liquidated notional of all reports. */
  readonly notionalShare: Fraction;
  /** (final - initial) / initial, signed. */
  readonly priceMoveFraction: Fraction;
  readonly troughDropFraction: Fraction;
  /** (peak - initial) / initial. */
  readonly peakRiseFraction: Fraction;
};

/** A directed edge of the contagion graph: the shock travelled from `from` to `to`. */
export type ContagionEdge = {
  readonly from: string;
  readonly to: string;
  /** The share of all liquidated notional that happened at `to`, split across the sources by their own shares. */
  readonly weight: Fraction;
  readonly reachedAtSeconds: Seconds;
  /** `to`'s reach time minus `from`'s (seconds). */
  readonly lagSeconds: Seconds;
};

/** Nodes (markets or venues) and weighted edges from the shocked ones to those reached, in order of time. */
export type ContagionGraph = {
  readonly level: 'market' | 'venue';
  readonly nodes: readonly { readonly id: string; readonly shocked: boolean; readonly reachedAtSeconds: Seconds | null; readonly liquidatedNotionalQuote: AmountQuote; readonly notionalShare: Fraction }[];
  readonly edges: readonly ContagionEdge[];
};

/** One venue across the reports. */
export type VenueContagion = {
  readonly venueId: string;
  readonly liquidatedNotionalQuote: AmountQuote;
  readonly firstLiquidationSeconds: Seconds | null;
  readonly badDebtQuote: AmountQuote;
  readonly insuranceFundPaidQuote: AmountQuote;
  readonly insuranceFundExhausted: boolean;
};

/**
 * System-wide figures. Losses beyond the liquidated accounts' margin are covered by insurance funds, then by ADL
 * counterparties (profit given up), then left as bad debt (socialised).
 */
export type SystemicMeasures = {
  readonly totalLiquidatedNotionalQuote: AmountQuote;
  /** Bad debt summed over all venues of all reports. */
  readonly totalBadDebtQuote: AmountQuote;
  readonly insuranceFundUsedQuote: AmountQuote;
  readonly adlProfitGivenUpQuote: AmountQuote;
  readonly socialisedLossQuote: AmountQuote;
  /** insuranceFundUsed + adlProfitGivenUp + socialisedLoss. */
  readonly lossesBeyondMarginQuote: AmountQuote;
  /** (adlProfitGivenUp + socialisedLoss) / lossesBeyondMargin: the share borne by traders and lenders rather than funds (0 without losses). */
  readonly socialisedShare: Fraction;
  /** Liquidated notional on markets the shock did not hit directly, over all liquidated notional (0 without liquidations). */
  readonly notionalOutsideShockedShare: Fraction;
  /** Reached markets that were not shocked. */
  readonly marketsReachedOutsideShock: number;
  readonly venuesWithLiquidations: number;
  readonly venuesWithBadDebt: number;
  readonly exhaustedInsuranceFunds: number;
};

/** What {@link analyzeContagion} returns. */
export type ContagionAnalysis = {
  /** Every market, reached ones first in the order reached. */
  readonly nodes: readonly ContagionNode[];
  readonly venues: readonly VenueContagion[];
  readonly graph: ContagionGraph;
  readonly venueGraph: ContagionGraph;
  readonly systemic: SystemicMeasures;
};

function firstMoveSeconds(report: CascadeReport, marketId: string, initial: number, threshold: number): number | null {
  const mids = report.timeline.midPriceQuote[marketId];
  if (mids === undefined || !(initial > 0)) return null;
  for (let k = 0; k < mids.length; k++) {
    if (Math.abs(mids[k]! / initial - 1) >= threshold) return report.timeline.timeSeconds[k] ?? null;
  }
  return null;
}

/**
 * Which markets and venues a cascade reached, in what order and how strongly, as a weighted contagion graph, and
 * system-wide loss measures, from one or more {@link CascadeReport}s (amounts in quote, times in simulated
 * seconds).
 *
 * @throws `FiresaleError` `SCENARIO__INVALID_FIELD` for no reports, labels of the wrong count, or a shocked
 * market id no report has.
 * @example
 * ```ts
 * const a = analyzeContagion(simulator.run({ shocks: [{ marketId: 'BTC-PERP', returnFraction: -0.1 }] }),
 *   { marketVenues: { 'BTC-PERP': 'cex', 'ETH-PERP': 'cex', 'WETH-LEND': 'lender' } });
 * a.graph.edges; // BTC-PERP -> ETH-PERP (0.2), BTC-PERP -> WETH-LEND (0.1), in the order reached
 * a.systemic.totalBadDebtQuote;
 * ```
 */
export function analyzeContagion(reports: CascadeReport | readonly CascadeReport[], options: ContagionOptions = {}): ContagionAnalysis {
  const list: readonly CascadeReport[] = Array.isArray(reports) ? reports : [reports as CascadeReport];
  if (list.length === 0) throw invalid('reports', 0, 'give at least one report');
  if (options.labels !== undefined && options.labels.length !== list.length) {
    throw invalid('labels', options.labels.length, `has ${options.labels.length} entries, expected ${list.length}`);
  }
  const threshold = options.minPriceMoveFraction ?? 0.001;
  const shockedIds = options.shockedMarketIds;
  if (shockedIds !== undefined) {
    shockedIds.forEach((id, k) => {
      if (!list.some((r) => r.markets.some((m) => m.marketId === id))) {
        throw invalid(`shockedMarketIds[${k}]`, id, 'no report has this market');
      }
    });
  }

  let totalNotional = 0;
  for (const r of list) for (const m of r.markets) totalNotional += m.liquidatedNotionalQuote;
  const share = (x: number): number => (totalNotional > 0 ? x / totalNotional : 0);

  const nodes: ContagionNode[] = [];
  list.forEach((report, reportIndex) => {
    const first = new Map<string, number>();
    for (const l of report.liquidations) {
      const t = first.get(l.marketId);
      if (t === undefined || l.timeSeconds < t) first.set(l.marketId, l.timeSeconds);
    }
    const singleVenue = report.insuranceFunds.length === 1 ? report.insuranceFunds[0]!.venueId : null;
    const prefix = options.labels?.[reportIndex] ?? String(reportIndex);
    for (const m of report.markets) {
      const firstLiq = first.get(m.marketId) ?? null;
      const moveAt = firstLiq === null ? firstMoveSeconds(report, m.marketId, m.initialPriceQuote, threshold) : null;
      const reachedAt = firstLiq ?? moveAt;
      const initial = m.initialPriceQuote;
      nodes.push({
        nodeId: list.length === 1 ? m.marketId : `${prefix}:${m.marketId}`,
        reportIndex,
        marketId: m.marketId,
        venueId: options.marketVenues?.[m.marketId] ?? singleVenue,
        shocked: shockedIds !== undefined ? shockedIds.includes(m.marketId) : m.exogenousMoveFraction > 0,
        reached: reachedAt !== null,
        reachedAtSeconds: reachedAt,
        firstLiquidationSeconds: firstLiq,
        order: null,
        liquidationCount: m.liquidatedCount,
        liquidatedNotionalQuote: m.liquidatedNotionalQuote,
        notionalShare: share(m.liquidatedNotionalQuote),
        priceMoveFraction: initial > 0 ? (m.finalPriceQuote - initial) / initial : 0,
        troughDropFraction: m.troughDropFraction,
        peakRiseFraction: initial > 0 ? (m.peakPriceQuote - initial) / initial : 0,
      });
    }
  });
  const byTime = (a: { reachedAtSeconds: number | null; id: string }, b: { reachedAtSeconds: number | null; id: string }): number => {
    if (a.reachedAtSeconds === null || b.reachedAtSeconds === null) {
      return (a.reachedAtSeconds === null ? 1 : 0) - (b.reachedAtSeconds === null ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    }
    return a.reachedAtSeconds - b.reachedAtSeconds || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
  const ordered = nodes
    .map((n) => ({ n, id: n.nodeId, reachedAtSeconds: n.reachedAtSeconds }))
    .sort(byTime)
    .map(({ n }, k) => ({ ...n, order: n.reached ? k + 1 : null }));

  const venues = venueSummaries(list, ordered);
  const graph = buildGraph(
    'market',
    ordered.map((n) => ({ id: n.nodeId, shocked: n.shocked, reachedAtSeconds: n.reachedAtSeconds, liquidatedNotionalQuote: n.liquidatedNotionalQuote, notionalShare: n.notionalShare })),
  );
  const venueNodes = venues.map((v) => ({
    id: v.venueId,
    shocked: ordered.some((n) => n.shocked && n.venueId === v.venueId),
    reachedAtSeconds: minTime(ordered.filter((n) => n.venueId === v.venueId).map((n) => n.reachedAtSeconds)),
    liquidatedNotionalQuote: v.liquidatedNotionalQuote,
    notionalShare: share(v.liquidatedNotionalQuote),
  }));
  const venueGraph = buildGraph('venue', venueNodes);

  let badDebt = 0;
  let fundUsed = 0;
  let adlProfit = 0;
  let socialised = 0;
  for (const r of list) {
    badDebt += r.summary.badDebtQuote;
    fundUsed += r.summary.insuranceFundUsedQuote;
    socialised += r.summary.socialisedLossQuote;
    for (const d of r.adl) adlProfit += d.profitGivenUpQuote;
  }
  const beyondMargin = fundUsed + adlProfit + socialised;
  let outside = 0;
  for (const n of ordered) if (!n.shocked) outside += n.liquidatedNotionalQuote;
  return {
    nodes: ordered,
    venues,
    graph,
    venueGraph,
    systemic: {
      totalLiquidatedNotionalQuote: totalNotional,
      totalBadDebtQuote: badDebt,
      insuranceFundUsedQuote: fundUsed,
      adlProfitGivenUpQuote: adlProfit,
      socialisedLossQuote: socialised,
      lossesBeyondMarginQuote: beyondMargin,
      socialisedShare: beyondMargin > 0 ? (adlProfit + socialised) / beyondMargin : 0,
      notionalOutsideShockedShare: share(outside),
      marketsReachedOutsideShock: ordered.filter((n) => n.reached && !n.shocked).length,
      venuesWithLiquidations: venues.filter((v) => v.liquidatedNotionalQuote > 0).length,
      venuesWithBadDebt: venues.filter((v) => v.badDebtQuote > 1e-9).length,
      exhaustedInsuranceFunds: venues.filter((v) => v.insuranceFundExhausted).length,
    },
  };
}

function minTime(times: readonly (number | null)[]): number | null {
  let best: number | null = null;
  for (const t of times) if (t !== null && (best === null || t < best)) best = t;
  return best;
}

function venueSummaries(list: readonly CascadeReport[], nodes: readonly ContagionNode[]): VenueContagion[] {
  const out = new Map<string, { liquidatedNotionalQuote: number; firstLiquidationSeconds: number | null; badDebtQuote: number; insuranceFundPaidQuote: number; insuranceFundExhausted: boolean }>();
  const entry = (venueId: string) => {
    let e = out.get(venueId);
    if (e === undefined) {
      e = { liquidatedNotionalQuote: 0, firstLiquidationSeconds: null, badDebtQuote: 0, insuranceFundPaidQuote: 0, insuranceFundExhausted: false };
      out.set(venueId, e);
    }
    return e;
  };
  for (const r of list) {
    for (const f of r.insuranceFunds) {
      const e = entry(f.venueId);
      e.badDebtQuote += f.badDebtQuote;
      e.insuranceFundPaidQuote += f.paidOutQuote;
      e.insuranceFundExhausted ||= f.exhausted;
    }
  }
  for (const n of nodes) {
    if (n.venueId === null) continue;
    const e = entry(n.venueId);
    e.liquidatedNotionalQuote += n.liquidatedNotionalQuote;
    e.firstLiquidationSeconds = minTime([e.firstLiquidationSeconds, n.firstLiquidationSeconds]);
  }
  return [...out.entries()].map(([venueId, e]) => ({ venueId, ...e }));
}

/**
 * Edges from every shocked node to every reached node that was not shocked, weighted by the target's share of the
 * liquidated notional (split across several shocked sources by their own shares, equally when none liquidated),
 * ordered by the time the target was reached.
 */
function buildGraph(level: 'market' | 'venue', nodes: ContagionGraph['nodes']): ContagionGraph {
  const sources = nodes.filter((n) => n.shocked);
  const sourceTotal = sources.reduce((s, n) => s + n.notionalShare, 0);
  const sourceWeight = (n: ContagionGraph['nodes'][number]): number =>
    sourceTotal > 0 ? n.notionalShare / sourceTotal : 1 / sources.length;
  const edges: ContagionEdge[] = [];
  const targets = nodes
    .filter((n) => !n.shocked && n.reachedAtSeconds !== null)
    .sort((a, b) => a.reachedAtSeconds! - b.reachedAtSeconds! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const t of targets) {
    for (const s of sources) {
      edges.push({
        from: s.id,
        to: t.id,
        weight: t.notionalShare * sourceWeight(s),
        reachedAtSeconds: t.reachedAtSeconds!,
        lagSeconds: t.reachedAtSeconds! - (s.reachedAtSeconds ?? 0),
      });
    }
  }
  return { level, nodes, edges };
}

import type { RunOutcome } from '@firesale/core';
import type { PlanState } from './batch-cache';
import { FAN_INTERVALS, FAN_RELATIVE_ACCURACY, type AccountBatchSummary, type BatchSummary, type MarketBatchSummary } from './job-runner';
import { emptySketch, LogSketch, type SketchData } from './log-sketch';

type MarketTotals = {
  readonly marketId: string;
  readonly troughDropFraction: LogSketch;
  readonly terminalReturn: LogSketch;
  readonly exogenousReturn: LogSketch;
  readonly amplification: LogSketch;
  readonly liquidatedNotionalQuote: LogSketch;
  readonly fan: LogSketch[];
};

type AccountTotals = { readonly accountId: string; liquidatedPaths: number; readonly lossQuote: LogSketch };

/** What folding path reports needs beyond the totals: the plan they ran and its tracked positions. */
type PathSource = {
  readonly state: PlanState;
  readonly horizonSeconds: number;
  readonly badDebtThresholdQuote: number;
  /** Index of the tracked account holding each tracked position id. */
  readonly positionAccount: Map<number, number>;
};

/**
 * Monte Carlo results folded in place, from batch summaries ({@link SummaryTotals.add}) or, for totals made by
 * {@link SummaryTotals.forPaths}, from path reports ({@link SummaryTotals.addPath}). Counts add and sketches
 * merge into live sketches, so folding a thousand batches or a million paths allocates only for bucket keys not
 * seen before (an immutable merge would copy the whole summary per batch, and a long run would churn the heap);
 * {@link SummaryTotals.reset} empties the totals for reuse. {@link mergeSummaries} is this fold of two summaries.
 */
export class SummaryTotals {
  private batchIndex = Infinity;
  private batchCount = 0;
  private pathCount = 0;
  private readonly liquidatedNotionalQuote: LogSketch;
  private readonly badDebtQuote: LogSketch;
  private readonly insuranceFundUsedQuote: LogSketch;
  private readonly adlNotionalQuote: LogSketch;
  private pathsWithLiquidation = 0;
  private pathsWithBadDebt = 0;
  private pathsWithBadDebtAboveThreshold = 0;
  private pathsWithAdl = 0;
  private pathsWithFundExhausted = 0;
  private readonly generations: number[] = [];
  private readonly markets: MarketTotals[];
  private readonly accounts: AccountTotals[];
  private portfolioLiquidatedPaths = 0;
  private readonly portfolioLoss: LogSketch;
  private readonly depthMultiplier: LogSketch;
  private readonly liquidatorLatencySeconds: LogSketch;
  private paths: PathSource | undefined;

  /** Starts the totals with one summary (its markets, accounts and sketch accuracies fix those of the totals). */
  constructor(first: BatchSummary) {
    const sketch = (data: SketchData) => new LogSketch(data.relativeAccuracy);
    this.liquidatedNotionalQuote = sketch(first.liquidatedNotionalQuote);
    this.badDebtQuote = sketch(first.badDebtQuote);
    this.insuranceFundUsedQuote = sketch(first.insuranceFundUsedQuote);
    this.adlNotionalQuote = sketch(first.adlNotionalQuote);
    this.markets = first.markets.map((m) => ({
      marketId: m.marketId,
      troughDropFraction: sketch(m.troughDropFraction),
      terminalReturn: sketch(m.terminalReturn),
      exogenousReturn: sketch(m.exogenousReturn),
      amplification: sketch(m.amplification),
      liquidatedNotionalQuote: sketch(m.liquidatedNotionalQuote),
      fan: m.fan.map(sketch),
    }));
    this.accounts = first.accounts.map((a) => ({ accountId: a.accountId, liquidatedPaths: 0, lossQuote: sketch(a.lossQuote) }));
    this.portfolioLoss = sketch(first.portfolio.lossQuote);
    this.depthMultiplier = sketch(first.parameters.depthMultiplier);
    this.liquidatorLatencySeconds = sketch(first.parameters.liquidatorLatencySeconds);
    this.add(first);
  }

  /**
   * Empty totals of a built plan that paths fold into ({@link SummaryTotals.addPath}): one market entry
   * per plan market, one account entry per tracked account, sketches of the default accuracy (the price fan's at
   * {@link FAN_RELATIVE_ACCURACY}).
   *
   * @param horizonSeconds the plan's horizon (simulated seconds), which the price fan splits.
   * @param badDebtThresholdQuote paths whose bad debt is above it count in `pathsWithBadDebtAboveThreshold`.
   */
  static forPaths(state: PlanState, horizonSeconds: number, badDebtThresholdQuote: number): SummaryTotals {
    const totals = new SummaryTotals(emptySummary(state));
    const positionAccount = new Map<number, number>();
    state.tracked.forEach((t, k) => t.positionIds.forEach((id) => positionAccount.set(id, k)));
    totals.paths = { state, horizonSeconds, badDebtThresholdQuote, positionAccount };
    return totals;
  }

  /**
   * Empties the totals (batch range included) for reuse. Their sketches keep their stores' key ranges, so a long
   * run folds batch after batch without allocating new stores (which would survive the batch and churn the young
   * generation).
   */
  reset(): void {
    this.batchIndex = Infinity;
    this.batchCount = 0;
    this.pathCount = 0;
    this.pathsWithLiquidation = 0;
    this.pathsWithBadDebt = 0;
    this.pathsWithBadDebtAboveThreshold = 0;
    this.pathsWithAdl = 0;
    this.pathsWithFundExhausted = 0;
    this.portfolioLiquidatedPaths = 0;
    this.generations.length = 0;
    this.liquidatedNotionalQuote.clear();
    this.badDebtQuote.clear();
    this.insuranceFundUsedQuote.clear();
    this.adlNotionalQuote.clear();
    this.portfolioLoss.clear();
    this.depthMultiplier.clear();
    this.liquidatorLatencySeconds.clear();
    for (const m of this.markets) {
      m.troughDropFraction.clear();
      m.terminalReturn.clear();
      m.exogenousReturn.clear();
      m.amplification.clear();
      m.liquidatedNotionalQuote.clear();
      for (const f of m.fan) f.clear();
    }
    for (const a of this.accounts) {
      a.liquidatedPaths = 0;
      a.lossQuote.clear();
    }
  }

  /**
   * Adds one summary in place.
   *
   * @throws Error when it comes from a different plan (different markets or accounts).
   */
  add(b: BatchSummary): this {
    if (b.markets.length !== this.markets.length || b.accounts.length !== this.accounts.length) {
      throw new Error('cannot merge summaries of different plans (markets or tracked accounts differ)');
    }
    this.batchIndex = Math.min(this.batchIndex, b.batchIndex);
    this.batchCount += b.batchCount;
    this.pathCount += b.pathCount;
    this.liquidatedNotionalQuote.merge(b.liquidatedNotionalQuote);
    this.badDebtQuote.merge(b.badDebtQuote);
    this.insuranceFundUsedQuote.merge(b.insuranceFundUsedQuote);
    this.adlNotionalQuote.merge(b.adlNotionalQuote);
    this.pathsWithLiquidation += b.pathsWithLiquidation;
    this.pathsWithBadDebt += b.pathsWithBadDebt;
    this.pathsWithBadDebtAboveThreshold += b.pathsWithBadDebtAboveThreshold;
    this.pathsWithAdl += b.pathsWithAdl;
    this.pathsWithFundExhausted += b.pathsWithFundExhausted;
    for (let g = 0; g < b.generations.length; g++) this.generations[g] = (this.generations[g] ?? 0) + b.generations[g]!;
    b.markets.forEach((m, i) => addMarket(this.markets[i]!, m));
    b.accounts.forEach((a, i) => addAccount(this.accounts[i]!, a));
    this.portfolioLiquidatedPaths += b.portfolio.liquidatedPaths;
    this.portfolioLoss.merge(b.portfolio.lossQuote);
    this.depthMultiplier.merge(b.parameters.depthMultiplier);
    this.liquidatorLatencySeconds.merge(b.parameters.liquidatorLatencySeconds);
    return this;
  }

  /**
   * Adds one path's run, read in place (`Simulator.runOutcome` of `@firesale/core`), and the parameters it drew (depth
   * multiplier, liquidator latency in simulated seconds). Keeps no per-path data.
   *
   * @throws Error when the totals were not made by {@link SummaryTotals.forPaths}.
   */
  addPath(outcome: RunOutcome, depthMultiplier: number, latencySeconds: number): void {
    const source = this.paths;
    if (source === undefined) throw new Error('path reports fold only into totals made by SummaryTotals.forPaths');
    const s = outcome.summary;
    this.pathCount++;
    this.liquidatedNotionalQuote.add(s.liquidatedNotionalQuote);
    this.badDebtQuote.add(s.badDebtQuote);
    this.insuranceFundUsedQuote.add(s.insuranceFundUsedQuote);
    this.adlNotionalQuote.add(s.adlNotionalQuote);
    if (s.liquidations > 0) this.pathsWithLiquidation++;
    if (s.badDebtQuote > 0) this.pathsWithBadDebt++;
    if (s.badDebtQuote > source.badDebtThresholdQuote) this.pathsWithBadDebtAboveThreshold++;
    if (s.adlCount > 0) this.pathsWithAdl++;
    if (outcome.insuranceFundExhausted) this.pathsWithFundExhausted++;
    while (this.generations.length <= s.generations) this.generations.push(0);
    this.generations[s.generations]!++;
    this.depthMultiplier.add(depthMultiplier);
    this.liquidatorLatencySeconds.add(latencySeconds);
    const last = outcome.timelineLength - 1;
    const step = outcome.timelineLength > 1 ? outcome.timeSecondsAt(1) - outcome.timeSecondsAt(0) : 1;
    for (let i = 0; i < this.markets.length; i++) {
      const m = this.markets[i]!;
      const summary = outcome.markets[i]!;
      const initial = summary.initialPriceQuote;
      m.troughDropFraction.add(summary.troughDropFraction);
      m.terminalReturn.add(summary.finalPriceQuote / initial - 1);
      m.exogenousReturn.add(summary.exogenousPriceQuote / initial - 1);
      if (summary.exogenousMoveFraction > 0) m.amplification.add(summary.amplification);
      m.liquidatedNotionalQuote.add(summary.liquidatedNotionalQuote);
      for (let j = 0; j <= FAN_INTERVALS; j++) {
        const t = (source.horizonSeconds * j) / FAN_INTERVALS;
        const k = Math.min(last, Math.round(t / step));
        m.fan[j]!.add(k >= 0 ? outcome.midPriceQuoteAt(i, k) / initial - 1 : 0);
      }
    }
    if (this.accounts.length > 0) this.addAccounts(outcome, source);
  }

  private addAccounts(outcome: RunOutcome, source: PathSource): void {
    const tracked = source.state.tracked;
    const loss = new Float64Array(tracked.length);
    const hit = new Uint8Array(tracked.length);
    const positions = source.state.prepared.input.positions;
    const fills = outcome.liquidationFills;
    for (let f = 0; f < fills.count; f++) {
      const id = fills.positionId[f]!;
      const k = source.positionAccount.get(id);
      if (k === undefined) continue;
      hit[k] = 1;
      const side = positions.side[id]!;
      const entry = positions.entryPriceQuote[id]!;
      loss[k]! += -side * (fills.fillPriceQuote[f]! - entry) * fills.closedBase[f]! + fills.feeToFundQuote[f]!;
    }
    let portfolioHit = 0;
    let portfolioLoss = 0;
    for (let k = 0; k < tracked.length; k++) {
      const capped = Math.min(tracked[k]!.collateralQuote, Math.max(0, loss[k]!));
      const account = this.accounts[k]!;
      account.lossQuote.add(capped);
      account.liquidatedPaths += hit[k]!;
      portfolioHit |= hit[k]!;
      portfolioLoss += capped;
    }
    this.portfolioLiquidatedPaths += portfolioHit;
    this.portfolioLoss.add(portfolioLoss);
  }

  /**
   * The totals as a summary (a new object each call). `batchIndex` and `batchCount` default to the first index
   * and the number of batches of the summaries added; totals fed path reports state the batches they cover.
   */
  toSummary(batchIndex = this.batchIndex, batchCount = this.batchCount): BatchSummary {
    return {
      batchIndex,
      batchCount,
      pathCount: this.pathCount,
      liquidatedNotionalQuote: this.liquidatedNotionalQuote.toData(),
      badDebtQuote: this.badDebtQuote.toData(),
      insuranceFundUsedQuote: this.insuranceFundUsedQuote.toData(),
      adlNotionalQuote: this.adlNotionalQuote.toData(),
      pathsWithLiquidation: this.pathsWithLiquidation,
      pathsWithBadDebt: this.pathsWithBadDebt,
      pathsWithBadDebtAboveThreshold: this.pathsWithBadDebtAboveThreshold,
      pathsWithAdl: this.pathsWithAdl,
      pathsWithFundExhausted: this.pathsWithFundExhausted,
      generations: this.generations.slice(),
      markets: this.markets.map(
        (m): MarketBatchSummary => ({
          marketId: m.marketId,
          troughDropFraction: m.troughDropFraction.toData(),
          terminalReturn: m.terminalReturn.toData(),
          exogenousReturn: m.exogenousReturn.toData(),
          amplification: m.amplification.toData(),
          liquidatedNotionalQuote: m.liquidatedNotionalQuote.toData(),
          fan: m.fan.map((f) => f.toData()),
        }),
      ),
      accounts: this.accounts.map((a): AccountBatchSummary => ({ accountId: a.accountId, liquidatedPaths: a.liquidatedPaths, lossQuote: a.lossQuote.toData() })),
      portfolio: { liquidatedPaths: this.portfolioLiquidatedPaths, lossQuote: this.portfolioLoss.toData() },
      parameters: { depthMultiplier: this.depthMultiplier.toData(), liquidatorLatencySeconds: this.liquidatorLatencySeconds.toData() },
    };
  }
}

/** The summary of no paths of a plan: what {@link SummaryTotals.forPaths} starts from. */
function emptySummary(state: PlanState): BatchSummary {
  const empty = emptySketch();
  const emptyFan = emptySketch(FAN_RELATIVE_ACCURACY);
  return {
    batchIndex: 0,
    batchCount: 0,
    pathCount: 0,
    liquidatedNotionalQuote: empty,
    badDebtQuote: empty,
    insuranceFundUsedQuote: empty,
    adlNotionalQuote: empty,
    pathsWithLiquidation: 0,
    pathsWithBadDebt: 0,
    pathsWithBadDebtAboveThreshold: 0,
    pathsWithAdl: 0,
    pathsWithFundExhausted: 0,
    generations: [],
    markets: state.marketIds.map((marketId) => ({
      marketId,
      troughDropFraction: empty,
      terminalReturn: empty,
      exogenousReturn: empty,
      amplification: empty,
      liquidatedNotionalQuote: empty,
      fan: Array.from({ length: FAN_INTERVALS + 1 }, () => emptyFan),
    })),
    accounts: state.tracked.map((t) => ({ accountId: t.accountId, liquidatedPaths: 0, lossQuote: empty })),
    portfolio: { liquidatedPaths: 0, lossQuote: empty },
    parameters: { depthMultiplier: empty, liquidatorLatencySeconds: empty },
  };
}

function addMarket(t: MarketTotals, m: MarketBatchSummary): void {
  if (t.marketId !== m.marketId) throw new Error(`cannot merge market ${t.marketId} with ${m.marketId}`);
  t.troughDropFraction.merge(m.troughDropFraction);
  t.terminalReturn.merge(m.terminalReturn);
  t.exogenousReturn.merge(m.exogenousReturn);
  t.amplification.merge(m.amplification);
  t.liquidatedNotionalQuote.merge(m.liquidatedNotionalQuote);
  m.fan.forEach((f, j) => t.fan[j]!.merge(f));
}

function addAccount(t: AccountTotals, a: AccountBatchSummary): void {
  if (t.accountId !== a.accountId) throw new Error(`cannot merge account ${t.accountId} with ${a.accountId}`);
  t.liquidatedPaths += a.liquidatedPaths;
  t.lossQuote.merge(a.lossQuote);
}

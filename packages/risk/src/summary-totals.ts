import type { AccountBatchSummary, BatchSummary, MarketBatchSummary } from './job-runner';
import { LogSketch, type SketchData } from './log-sketch';

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

/**
 * Batch summaries folded in place: counts add and sketches merge into live sketches, so folding a thousand batches
 * allocates only for bucket keys not seen before (an immutable merge would copy the whole summary per batch, and a
 * long Monte Carlo run would churn the heap). {@link mergeSummaries} is this fold of two summaries.
 */
export class SummaryTotals {
  private batchIndex: number;
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

  /** Starts the totals with one summary. */
  constructor(first: BatchSummary) {
    const sketch = (data: SketchData) => new LogSketch(data.relativeAccuracy);
    this.batchIndex = first.batchIndex;
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

  /** The totals as a summary (a new object each call). */
  toSummary(): BatchSummary {
    return {
      batchIndex: this.batchIndex,
      batchCount: this.batchCount,
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

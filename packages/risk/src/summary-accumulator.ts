import type { CascadeReport } from '@firesale/core';
import type { PlanState } from './batch-cache';
import { FAN_INTERVALS, type BatchSummary } from './job-runner';
import { LogSketch } from './log-sketch';

type MarketSketches = {
  marketId: string;
  index: number;
  troughDropFraction: LogSketch;
  terminalReturn: LogSketch;
  exogenousReturn: LogSketch;
  amplification: LogSketch;
  liquidatedNotionalQuote: LogSketch;
  fan: LogSketch[];
};

/** Folds path reports of one batch into a {@link BatchSummary}; keeps no per-path data. Reused batch after batch. */
export class SummaryAccumulator {
  private pathCount = 0;
  private readonly liquidated = new LogSketch();
  private readonly badDebt = new LogSketch();
  private readonly fundUsed = new LogSketch();
  private readonly adlNotional = new LogSketch();
  private withLiquidation = 0;
  private withBadDebt = 0;
  private aboveThreshold = 0;
  private withAdl = 0;
  private withExhaustion = 0;
  private readonly generations: number[] = [];
  private readonly markets: MarketSketches[];
  private readonly accountLiquidated: number[];
  private readonly accountLoss: LogSketch[];
  private portfolioLiquidated = 0;
  private readonly portfolioLoss = new LogSketch();
  private readonly depthDrawn = new LogSketch();
  private readonly latencyDrawn = new LogSketch();
  private readonly positionAccount = new Map<number, number>();

  constructor(
    private readonly state: PlanState,
    private readonly horizonSeconds: number,
    readonly badDebtThresholdQuote: number,
  ) {
    this.markets = state.marketIds.map((marketId, index) => ({
      marketId,
      index,
      troughDropFraction: new LogSketch(),
      terminalReturn: new LogSketch(),
      exogenousReturn: new LogSketch(),
      amplification: new LogSketch(),
      liquidatedNotionalQuote: new LogSketch(),
      fan: Array.from({ length: FAN_INTERVALS + 1 }, () => new LogSketch()),
    }));
    this.accountLiquidated = state.tracked.map(() => 0);
    this.accountLoss = state.tracked.map(() => new LogSketch());
    state.tracked.forEach((t, k) => t.positionIds.forEach((id) => this.positionAccount.set(id, k)));
  }

  /**
   * Empties the accumulator for the next batch. Its sketches keep their bucket keys, so a long run folds batch
   * after batch without allocating new maps (which would survive the batch and churn the young generation).
   */
  reset(): void {
    this.pathCount = 0;
    this.withLiquidation = 0;
    this.withBadDebt = 0;
    this.aboveThreshold = 0;
    this.withAdl = 0;
    this.withExhaustion = 0;
    this.portfolioLiquidated = 0;
    this.generations.length = 0;
    this.accountLiquidated.fill(0);
    for (const sketch of [this.liquidated, this.badDebt, this.fundUsed, this.adlNotional, this.portfolioLoss, this.depthDrawn, this.latencyDrawn, ...this.accountLoss]) {
      sketch.clear();
    }
    for (const m of this.markets) {
      for (const sketch of [m.troughDropFraction, m.terminalReturn, m.exogenousReturn, m.amplification, m.liquidatedNotionalQuote, ...m.fan]) sketch.clear();
    }
  }

  /** Adds one path's report and the parameters it drew. */
  add(report: CascadeReport, depthMultiplier: number, latencySeconds: number): void {
    const s = report.summary;
    this.pathCount++;
    this.liquidated.add(s.liquidatedNotionalQuote);
    this.badDebt.add(s.badDebtQuote);
    this.fundUsed.add(s.insuranceFundUsedQuote);
    this.adlNotional.add(s.adlNotionalQuote);
    if (s.liquidations > 0) this.withLiquidation++;
    if (s.badDebtQuote > 0) this.withBadDebt++;
    if (s.badDebtQuote > this.badDebtThresholdQuote) this.aboveThreshold++;
    if (s.adlCount > 0) this.withAdl++;
    if (report.insuranceFunds.some((f) => f.exhausted)) this.withExhaustion++;
    while (this.generations.length <= s.generations) this.generations.push(0);
    this.generations[s.generations]!++;
    this.depthDrawn.add(depthMultiplier);
    this.latencyDrawn.add(latencySeconds);
    const times = report.timeline.timeSeconds;
    for (const m of this.markets) {
      const summary = report.markets[m.index]!;
      const initial = summary.initialPriceQuote;
      m.troughDropFraction.add(summary.troughDropFraction);
      m.terminalReturn.add(summary.finalPriceQuote / initial - 1);
      m.exogenousReturn.add(summary.exogenousPriceQuote / initial - 1);
      if (summary.exogenousMoveFraction > 0) m.amplification.add(summary.amplification);
      m.liquidatedNotionalQuote.add(summary.liquidatedNotionalQuote);
      const mids = report.timeline.midPriceQuote[m.marketId] ?? [];
      const last = mids.length - 1;
      const step = times.length > 1 ? times[1]! - times[0]! : 1;
      for (let j = 0; j <= FAN_INTERVALS; j++) {
        const t = (this.horizonSeconds * j) / FAN_INTERVALS;
        const k = Math.min(last, Math.round(t / step));
        m.fan[j]!.add(k >= 0 ? mids[k]! / initial - 1 : 0);
      }
    }
    if (this.accountLoss.length > 0) this.addAccounts(report);
  }

  private addAccounts(report: CascadeReport): void {
    const tracked = this.state.tracked;
    const loss = new Float64Array(tracked.length);
    const hit = new Uint8Array(tracked.length);
    const positions = this.state.prepared.input.positions;
    for (const l of report.liquidations) {
      const k = this.positionAccount.get(l.positionId);
      if (k === undefined) continue;
      hit[k] = 1;
      const side = positions.side[l.positionId]!;
      const entry = positions.entryPriceQuote[l.positionId]!;
      loss[k]! += -side * (l.fillPriceQuote - entry) * l.closedBase + l.feeToFundQuote;
    }
    let portfolioHit = 0;
    let portfolioLoss = 0;
    for (let k = 0; k < tracked.length; k++) {
      const capped = Math.min(tracked[k]!.collateralQuote, Math.max(0, loss[k]!));
      this.accountLoss[k]!.add(capped);
      this.accountLiquidated[k]! += hit[k]!;
      portfolioHit |= hit[k]!;
      portfolioLoss += capped;
    }
    this.portfolioLiquidated += portfolioHit;
    this.portfolioLoss.add(portfolioLoss);
  }

  /** The summary of what was added, as batches `batchIndex` to `batchIndex + batchCount - 1`. */
  toSummary(batchIndex: number, batchCount = 1): BatchSummary {
    return {
      batchIndex,
      batchCount,
      pathCount: this.pathCount,
      liquidatedNotionalQuote: this.liquidated.toData(),
      badDebtQuote: this.badDebt.toData(),
      insuranceFundUsedQuote: this.fundUsed.toData(),
      adlNotionalQuote: this.adlNotional.toData(),
      pathsWithLiquidation: this.withLiquidation,
      pathsWithBadDebt: this.withBadDebt,
      pathsWithBadDebtAboveThreshold: this.aboveThreshold,
      pathsWithAdl: this.withAdl,
      pathsWithFundExhausted: this.withExhaustion,
      generations: [...this.generations],
      markets: this.markets.map((m) => ({
        marketId: m.marketId,
        troughDropFraction: m.troughDropFraction.toData(),
        terminalReturn: m.terminalReturn.toData(),
        exogenousReturn: m.exogenousReturn.toData(),
        amplification: m.amplification.toData(),
        liquidatedNotionalQuote: m.liquidatedNotionalQuote.toData(),
        fan: m.fan.map((f) => f.toData()),
      })),
      accounts: this.state.tracked.map((t, k) => ({ accountId: t.accountId, liquidatedPaths: this.accountLiquidated[k]!, lossQuote: this.accountLoss[k]!.toData() })),
      portfolio: { liquidatedPaths: this.portfolioLiquidated, lossQuote: this.portfolioLoss.toData() },
      parameters: { depthMultiplier: this.depthDrawn.toData(), liquidatorLatencySeconds: this.latencyDrawn.toData() },
    };
  }
}

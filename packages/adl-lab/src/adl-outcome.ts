import type { CascadeReport } from '@firesale/core';
import type { AdlPolicyV1 } from '@firesale/spec';
import { markAt } from './mark-at';

/** What ADL took from one account over the run. */
export type AdlHit = {
  readonly accountId: string;
  /** Base of its positions deleveraged. */
  readonly deleveragedBase: number;
  /** What it gave up against the mark at the time of each fill (`profitGivenUpQuote` summed). */
  readonly takenEquityQuote: number;
  /** Per horizon (same order as `horizonsSeconds`): the profit its deleveraged base would have made by t + H. */
  readonly takenProfitQuote: readonly number[];
};

/**
 * One run's ADL outcome: the shortfall ADL had to cover, what the winners gave up, and the overshoot (taken beyond
 * the shortfall covered), in account equity and in profit over each horizon, plus who was hit.
 */
export type AdlOutcome = {
  readonly policy: AdlPolicyV1 | 'none';
  /** Bankrupt closes handed to ADL, and the ADL fills (one per winner per close). */
  readonly adlActions: number;
  readonly adlFills: number;
  /** Σ over closes handed to ADL of `max(0, loss beyond bankruptcy at mark − insurance fund balance)`, quote. */
  readonly shortfallQuote: number;
  /** Σ of `min(taken, shortfall)` per close, quote. */
  readonly coveredQuote: number;
  /** What the winners gave up against the mark at the time of ADL, quote. */
  readonly takenEquityQuote: number;
  /** `takenEquityQuote − coveredQuote` (≥ 0). */
  readonly overshootEquityQuote: number;
  readonly horizonsSeconds: readonly number[];
  /**
   * Per horizon H: what the winners gave up measured at t + H: the profit their deleveraged base would have made from
   * the ADL price to the mark at t + H had it stayed open, plus any profit haircut (shortfall-only, which closes
   * nothing), Σ (profitGivenUp + counterparty side × size × (mark(t + H) − mark(t))), quote. Negative when the price
   * came back.
   */
  readonly takenProfitQuote: readonly number[];
  /** Per horizon: `takenProfitQuote − coveredQuote` (negative: winners ended better off closed). */
  readonly overshootProfitQuote: readonly number[];
  /** Distinct accounts deleveraged, and the one that gave up the most equity (null when nobody was hit). */
  readonly accountsHit: number;
  readonly largestHit: AdlHit | null;
  /** Every account hit, the largest equity taken first (ties by account id). */
  readonly hits: readonly AdlHit[];
  /** The rest of the run under this policy. */
  readonly badDebtQuote: number;
  readonly insuranceFundUsedQuote: number;
  readonly liquidatedNotionalQuote: number;
  /** Steps with liquidation fills and steps with ADL fills (the per-step counts are in the report's `batches`). */
  readonly liquidationBatches: number;
  readonly adlBatches: number;
};

/**
 * Measures the ADL of one cascade report (`adlActions` and `adl` from `@firesale/core`), pricing the profit-over-
 * horizon from the report's own mark timeline (see {@link markAt}).
 *
 * @param horizonsSeconds - horizons H, in simulated seconds (0 gives the profit at the mark of the step itself).
 * @example
 * ```ts
 * const outcome = adlOutcome(simulator.run({ shocks, adl: { policy: 'pro-rata' } }), [60, 300]);
 * console.log(outcome.overshootEquityQuote, outcome.overshootProfitQuote[1], outcome.largestHit?.accountId);
 * ```
 */
export function adlOutcome(report: CascadeReport, horizonsSeconds: readonly number[]): AdlOutcome {
  const actions = report.adlActions ?? [];
  const h = horizonsSeconds.length;
  let shortfall = 0;
  let covered = 0;
  let taken = 0;
  const takenProfit = new Array<number>(h).fill(0);
  const hits = new Map<string, { deleveragedBase: number; takenEquityQuote: number; takenProfitQuote: number[] }>();
  for (const action of actions) {
    shortfall += action.shortfallQuote;
    covered += action.coveredQuote;
    taken += action.takenQuote;
    const counterpartySide = -action.side;
    const future = horizonsSeconds.map((horizon) => markAt(report, action.marketId, action.timeSeconds + horizon));
    for (let k = action.firstAdlIndex; k < action.firstAdlIndex + action.adlFillCount; k++) {
      const fill = report.adl[k]!;
      let hit = hits.get(fill.counterpartyAccountId);
      if (!hit) {
        hit = { deleveragedBase: 0, takenEquityQuote: 0, takenProfitQuote: new Array<number>(h).fill(0) };
        hits.set(fill.counterpartyAccountId, hit);
      }
      hit.deleveragedBase += fill.sizeBase;
      hit.takenEquityQuote += fill.profitGivenUpQuote;
      for (let j = 0; j < h; j++) {
        // What it gave up at the time, plus what the closed base would have made from then to t + H.
        const profit = fill.profitGivenUpQuote + counterpartySide * fill.sizeBase * (future[j]! - action.markPriceQuote);
        hit.takenProfitQuote[j]! += profit;
        takenProfit[j]! += profit;
      }
    }
  }
  const list: AdlHit[] = [...hits.entries()]
    .map(([accountId, hit]) => ({ accountId, ...hit }))
    .sort((a, b) => b.takenEquityQuote - a.takenEquityQuote || (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  const batches = report.batches?.summary;
  return {
    policy: actions[0]?.policy ?? 'none',
    adlActions: actions.length,
    adlFills: report.adl.length,
    shortfallQuote: shortfall,
    coveredQuote: covered,
    takenEquityQuote: taken,
    overshootEquityQuote: Math.max(0, taken - covered),
    horizonsSeconds: [...horizonsSeconds],
    takenProfitQuote: takenProfit,
    overshootProfitQuote: takenProfit.map((p) => p - covered),
    accountsHit: list.length,
    largestHit: list[0] ?? null,
    hits: list,
    badDebtQuote: report.summary.badDebtQuote,
    insuranceFundUsedQuote: report.summary.insuranceFundUsedQuote,
    liquidatedNotionalQuote: report.summary.liquidatedNotionalQuote,
    liquidationBatches: batches?.liquidationBatches ?? 0,
    adlBatches: batches?.adlBatches ?? 0,
  };
}

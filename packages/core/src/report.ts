import type { AdlPolicyV1, AmountBase, AmountQuote, Fraction, PriceQuote, Seconds, SideSign } from '@firesale/spec';

/** The version of {@link CascadeReport}'s JSON shape; it changes when a field changes meaning or is removed. */
export const REPORT_VERSION = 1;

/** One liquidation (or partial liquidation) of a position. */
export type LiquidationRecord = {
  readonly timeSeconds: Seconds;
  readonly positionId: number;
  readonly accountId: string;
  readonly marketId: string;
  readonly side: SideSign;
  readonly closedBase: AmountBase;
  readonly fillPriceQuote: PriceQuote;
  readonly notionalQuote: AmountQuote;
  /** 1: triggered by the exogenous shock; n+1: triggered by generation n's price impact. */
  readonly generation: number;
  readonly route: 'market' | 'backstop' | 'network' | 'adl';
  readonly feeToFundQuote: AmountQuote;
  readonly shortfallQuote: AmountQuote;
};

/**
 * One auto-deleveraging fill: a winner's `sizeBase` closed against the bankrupt position at `priceQuote`, or under
 * the `shortfall-only` policy a haircut of its unrealised profit (`sizeBase` 0, `priceQuote` the mark).
 */
export type AdlRecord = {
  readonly timeSeconds: Seconds;
  readonly marketId: string;
  readonly liquidatedPositionId: number;
  readonly counterpartyPositionId: number;
  readonly counterpartyAccountId: string;
  readonly sizeBase: AmountBase;
  readonly priceQuote: PriceQuote;
  readonly profitGivenUpQuote: AmountQuote;
};

/**
 * One bankrupt close handed to auto-deleveraging: what it needed from winners and what the policy took.
 * Its fills are `adl[firstAdlIndex … firstAdlIndex + adlFillCount - 1]`.
 */
export type AdlActionRecord = {
  readonly timeSeconds: Seconds;
  readonly marketId: string;
  readonly liquidatedPositionId: number;
  readonly liquidatedAccountId: string;
  /** Side of the bankrupt position; the counterparties are on the other side. */
  readonly side: SideSign;
  readonly policy: AdlPolicyV1;
  /** `liquidation` when ADL ran inside the liquidation batch (interleaved), `adl` in the step's own ADL batch. */
  readonly batch: 'liquidation' | 'adl';
  /** Base handed to ADL, and the part winners took over (the rest goes to the book; 0 under `shortfall-only`, which closes in the book). */
  readonly closeBase: AmountBase;
  readonly matchedBase: AmountBase;
  readonly markPriceQuote: PriceQuote;
  readonly bankruptcyPriceQuote: PriceQuote;
  /** The price winners took it at (the bankruptcy price), or under `shortfall-only` the book's average fill price. */
  readonly fillPriceQuote: PriceQuote;
  /**
   * The loss beyond bankruptcy: of `closeBase` at the mark, `closeBase × max(0, side × (bankruptcy − mark))` (ranking,
   * pro-rata); under `shortfall-only`, the shortfall the book close actually left.
   */
  readonly deficitQuote: AmountQuote;
  /** The insurance fund's balance when ADL started. */
  readonly fundAvailableQuote: AmountQuote;
  /** What ADL had to cover: the deficit less what the fund could pay, `max(0, deficit − fund)`. */
  readonly shortfallQuote: AmountQuote;
  /** What the winners gave up against the mark (or as profit haircut): the sum of the fills' `profitGivenUpQuote`. */
  readonly takenQuote: AmountQuote;
  /** `min(takenQuote, shortfallQuote)`; `takenQuote − coveredQuote` is the overshoot in equity. */
  readonly coveredQuote: AmountQuote;
  readonly firstAdlIndex: number;
  readonly adlFillCount: number;
};

/**
 * A run's fills as typed columns, row `k` of every column one fill, in the order of `liquidations` and `adl`: what a
 * run made with `detail: 'columns'` reports instead of those object lists (for charts over hundreds of thousands of
 * fills, and to post to a worker without copying). Markets are indices into the report's `markets` (the input's
 * order), accounts indices into the simulator input's `accounts`. Typed arrays do not survive `JSON.stringify`.
 */
export type FillColumns = {
  /** `liquidations.route[k]` names `routeNames[route[k]]`. */
  readonly routeNames: readonly LiquidationRecord['route'][];
  readonly liquidations: {
    readonly count: number;
    readonly timeSeconds: Float64Array;
    readonly positionId: Uint32Array;
    readonly accountIndex: Uint32Array;
    readonly marketIndex: Uint32Array;
    /** 1 long, -1 short. */
    readonly side: Int8Array;
    readonly closedBase: Float64Array;
    readonly fillPriceQuote: Float64Array;
    readonly generation: Uint32Array;
    readonly route: Uint8Array;
    readonly feeToFundQuote: Float64Array;
    readonly shortfallQuote: Float64Array;
  };
  readonly adl: {
    readonly count: number;
    readonly timeSeconds: Float64Array;
    readonly marketIndex: Uint32Array;
    readonly liquidatedPositionId: Uint32Array;
    readonly counterpartyPositionId: Uint32Array;
    readonly counterpartyAccountIndex: Uint32Array;
    readonly sizeBase: Float64Array;
    readonly priceQuote: Float64Array;
    readonly profitGivenUpQuote: Float64Array;
  };
};

/** Per step, how many fills each batch made: liquidations (book, backstop, takeover) and ADL matches. */
export type BatchTimeline = {
  /** Liquidation fills in the step's liquidation batch (ADL fills excluded). */
  readonly liquidationFills: readonly number[];
  /** ADL fills in the step (in its ADL batch when batching is `separate`). */
  readonly adlFills: readonly number[];
};

/** Totals of the liquidation and ADL batches over the run. */
export type BatchSummary = {
  readonly batching: 'interleaved' | 'separate';
  /** Steps with at least one liquidation fill, and with at least one ADL fill. */
  readonly liquidationBatches: number;
  readonly adlBatches: number;
  /** The largest batch of each kind, in fills. */
  readonly maxLiquidationFillsPerBatch: number;
  readonly maxAdlFillsPerBatch: number;
};

/** A containment action (halt, step cap, takeover, disposal order). */
export type ContainmentRecord = {
  readonly timeSeconds: Seconds;
  readonly marketId: string;
  readonly action: string;
  readonly detail: Readonly<Record<string, number | string>>;
};

/** What happened to one market. */
export type MarketSummary = {
  readonly marketId: string;
  readonly initialPriceQuote: PriceQuote;
  /** The reference price once the exogenous move is complete (what the price would be with no cascade). */
  readonly exogenousPriceQuote: PriceQuote;
  readonly troughPriceQuote: PriceQuote;
  readonly peakPriceQuote: PriceQuote;
  readonly finalPriceQuote: PriceQuote;
  /** (initial - trough) / initial, from the lowest mid of the run whatever the direction of the shock (negative when every mid stayed above the initial price). */
  readonly troughDropFraction: Fraction;
  /** |initial - exogenous| / initial. */
  readonly exogenousMoveFraction: Fraction;
  /**
   * Largest adverse move over the exogenous move, `|initial - extreme| / |initial - exogenous|`, the extreme being the
   * trough for a fall and the peak for a rally; 1 = no cascade. It is 0 (not infinite) for a market with no exogenous
   * move (`exogenousMoveFraction` 0), even when contagion through arbitrage, oracles or collateral moved its price:
   * read `troughDropFraction` there.
   */
  readonly amplification: number;
  /** Simulated time of the extreme `amplification` measures: the trough for a fall (or no move), the peak for a rally. */
  readonly timeToTroughSeconds: Seconds;
  /** Seconds after the trough until the price had recovered half of the drop beyond the exogenous move; null if it did not. */
  readonly halfRecoverySeconds: Seconds | null;
  /**
   * Liquidation fills on this market, not positions: each record of `liquidations` counts once, so a position
   * liquidated partially in three slices counts 3, and the part of a bankrupt close matched by ADL counts as well.
   * Distinct positions are counted only over all markets, in `summary.liquidatedPositions`.
   */
  readonly liquidatedCount: number;
  /** Sum of `closedBase × fillPriceQuote` over the same fills. */
  readonly liquidatedNotionalQuote: AmountQuote;
  /** Simulated seconds the market spent halted by price monitoring (whole steps). */
  readonly haltedSeconds: Seconds;
};

/** What happened to one venue's insurance fund. */
export type InsuranceFundSummary = {
  readonly venueId: string;
  readonly initialQuote: AmountQuote;
  readonly finalQuote: AmountQuote;
  /** The lowest balance the fund reached during the run. */
  readonly minimumQuote: AmountQuote;
  /** Liquidation fees paid into the fund; takeover equity and staged-disposal profits also raise `finalQuote` but are not counted here. */
  readonly feesInQuote: AmountQuote;
  /** Shortfalls the fund paid. */
  readonly paidOutQuote: AmountQuote;
  /** The fund paid out and its balance reached 0 at some point. */
  readonly exhausted: boolean;
  /** Losses on this venue that neither margin, this fund nor ADL covered. */
  readonly badDebtQuote: AmountQuote;
};

/**
 * What keepers (liquidator bots) did and left undone: liquidations they declined as unprofitable
 * (`VenueInput.liquidatorCostQuote`), liquidations that waited for a keeper outage (`timing.keeperOutages`), and the
 * positions still open at the end although liquidatable, with the loss they carry at the final mark.
 */
export type KeeperSummary = {
  /** Liquidation attempts declined because the keeper's reward was below its cost (each retry counts). */
  readonly unprofitableSkips: number;
  /** Distinct positions declined at least once. */
  readonly unprofitablePositions: number;
  /** Distinct positions whose liquidation was due during a keeper outage and had to wait. */
  readonly outageDeferredPositions: number;
  /** Positions open at the end of the run although liquidatable at the final mark (still waiting for a keeper). */
  readonly openLiquidatablePositions: number;
  /** Their notional at the final mark. */
  readonly openLiquidatableNotionalQuote: AmountQuote;
  /** Their negative equity at the final mark: bad debt not yet booked because nobody closed them. */
  readonly unrealisedBadDebtQuote: AmountQuote;
  /** Rewards paid to liquidators over the run (their share of fees and bonuses). */
  readonly liquidatorRewardsQuote: AmountQuote;
};

/**
 * A position a venue holds at the end of the run after taking liquidated positions over (backstop vault, Vega
 * network): signed size (negative for a short), average entry and its mark-to-market result at the final mark.
 */
export type VenuePositionSummary = {
  readonly marketId: string;
  readonly venueId: string;
  readonly sizeBase: AmountBase;
  readonly entryPriceQuote: PriceQuote;
  readonly markPriceQuote: PriceQuote;
  /** sizeBase × (mark − entry): what the venue (its vault or insurance fund) would realise closing at the mark. */
  readonly unrealisedPnlQuote: AmountQuote;
};

/**
 * The result of one cascade run. JSON-serialisable; `reportVersion` says which shape it has.
 * All prices are quote per base, amounts in quote, times in simulated seconds.
 */
export type CascadeReport = {
  readonly reportVersion: typeof REPORT_VERSION;
  readonly seed: number;
  readonly summary: {
    /** Positions in the run. */
    readonly positions: number;
    /** Liquidation fills over all markets (the sum of `markets[].liquidatedCount`; the length of `liquidations` unless run with `detail: 'summary'`). */
    readonly liquidations: number;
    /** Distinct positions liquidated at least in part. */
    readonly liquidatedPositions: number;
    /** Notional closed by liquidation, `closedBase × fillPriceQuote` summed over the fills. */
    readonly liquidatedNotionalQuote: AmountQuote;
    /** Highest cascade generation reached (0 when nothing was liquidated). */
    readonly generations: number;
    /** Records in `adl`: ADL fills, and under `shortfall-only` profit haircuts (which close no size). */
    readonly adlCount: number;
    /** `sizeBase × priceQuote` summed over `adl`: matched notional at the fill price; haircuts add 0. */
    readonly adlNotionalQuote: AmountQuote;
    /** Losses that neither margin, an insurance fund nor ADL covered, over all venues (the sum of `insuranceFunds[].badDebtQuote`). */
    readonly badDebtQuote: AmountQuote;
    /** The part of bad debt spread over users; in this version always equal to `badDebtQuote`. */
    readonly socialisedLossQuote: AmountQuote;
    /** Shortfalls paid by the insurance funds (the sum of `insuranceFunds[].paidOutQuote`). */
    readonly insuranceFundUsedQuote: AmountQuote;
    /** Simulated time of the last step run. */
    readonly durationSeconds: Seconds;
  };
  readonly markets: readonly MarketSummary[];
  readonly insuranceFunds: readonly InsuranceFundSummary[];
  /** Sampled once per step: time, and per market the mid and mark prices; per venue the fund balance. */
  readonly timeline: {
    readonly timeSeconds: readonly number[];
    readonly midPriceQuote: Readonly<Record<string, readonly number[]>>;
    readonly markPriceQuote: Readonly<Record<string, readonly number[]>>;
    readonly liquidatedNotionalQuote: Readonly<Record<string, readonly number[]>>;
    readonly insuranceFundQuote: Readonly<Record<string, readonly number[]>>;
  };
  /** Every liquidation fill in order; empty when the run was made with `detail: 'summary'` or `'columns'` (the counts stay). */
  readonly liquidations: readonly LiquidationRecord[];
  /** Every ADL fill in order; empty when the run was made with `detail: 'columns'`. */
  readonly adl: readonly AdlRecord[];
  /** The fills as typed columns, only when the run was made with `detail: 'columns'`. */
  readonly fillColumns?: FillColumns;
  readonly containment: readonly ContainmentRecord[];
  /** Liquidation fills (not positions) per generation, index 0 = generation 1. */
  readonly liquidationsByGeneration: readonly number[];
  /**
   * Per arbitrage link, in the order of the input's links: base the arbitrageurs sold on the dearer market (and bought
   * on the cheaper one), and the quote that sale brought in. Arbitrage trades touch no account or fund.
   */
  readonly arbitrage: readonly { readonly marketIds: readonly [string, string]; readonly movedBase: AmountBase; readonly movedNotionalQuote: AmountQuote }[];
  /**
   * Bankrupt closes handed to ADL, one record each (filled by the engine, empty with `detail: 'columns'`; optional so
   * reports built elsewhere stay valid).
   */
  readonly adlActions?: readonly AdlActionRecord[];
  /** Per-step fill counts of the liquidation and ADL batches, aligned with `timeline.timeSeconds` (always filled by the engine). */
  readonly batches?: BatchTimeline & { readonly summary: BatchSummary };
  /** Keeper activity (always filled by the engine; optional so reports built elsewhere stay valid). */
  readonly keepers?: KeeperSummary;
  /** Positions venues hold at the end after takeovers (always filled by the engine; empty when none). */
  readonly venuePositions?: readonly VenuePositionSummary[];
};

/**
 * A finished run read in place instead of built into a {@link CascadeReport}: what a Monte Carlo path folds into its
 * summary. Every number is the one the run's report would hold. Handed to the callback of `Simulator.runOutcome` and
 * valid only during that call: the simulator reuses the objects and arrays behind it for its next run.
 */
export type RunOutcome = {
  /** The report's `summary`. */
  readonly summary: CascadeReport['summary'];
  /** The report's `markets`, in input order. */
  readonly markets: readonly MarketSummary[];
  /** True when some venue's insurance fund was exhausted (`insuranceFunds[].exhausted`). */
  readonly insuranceFundExhausted: boolean;
  /** Points of the timeline: `timeline.timeSeconds.length`. */
  readonly timelineLength: number;
  /** `timeline.timeSeconds[k]`. */
  timeSecondsAt(k: number): Seconds;
  /** `timeline.midPriceQuote[markets[marketIndex].marketId][k]`. */
  midPriceQuoteAt(marketIndex: number, k: number): PriceQuote;
  /**
   * The liquidation fills as columns, in the order of the report's `liquidations`: entries `0..count - 1` (the arrays
   * may be longer).
   */
  readonly liquidationFills: {
    readonly count: number;
    readonly positionId: Uint32Array;
    readonly closedBase: Float64Array;
    readonly fillPriceQuote: Float64Array;
    readonly feeToFundQuote: Float64Array;
  };
};

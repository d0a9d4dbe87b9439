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
  /** (initial - trough) / initial. */
  readonly troughDropFraction: Fraction;
  /** |initial - exogenous| / initial. */
  readonly exogenousMoveFraction: Fraction;
  /** Largest adverse move over the exogenous move (trough drop for a fall, peak rise for a rally); 1 = no cascade. */
  readonly amplification: number;
  readonly timeToTroughSeconds: Seconds;
  /** Seconds after the trough until the price had recovered half of the drop beyond the exogenous move; null if it did not. */
  readonly halfRecoverySeconds: Seconds | null;
  readonly liquidatedCount: number;
  readonly liquidatedNotionalQuote: AmountQuote;
  readonly haltedSeconds: Seconds;
};

/** What happened to one venue's insurance fund. */
export type InsuranceFundSummary = {
  readonly venueId: string;
  readonly initialQuote: AmountQuote;
  readonly finalQuote: AmountQuote;
  readonly minimumQuote: AmountQuote;
  readonly feesInQuote: AmountQuote;
  readonly paidOutQuote: AmountQuote;
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
    readonly positions: number;
    readonly liquidations: number;
    readonly liquidatedPositions: number;
    readonly liquidatedNotionalQuote: AmountQuote;
    /** Highest cascade generation reached (0 when nothing was liquidated). */
    readonly generations: number;
    readonly adlCount: number;
    readonly adlNotionalQuote: AmountQuote;
    readonly badDebtQuote: AmountQuote;
    readonly socialisedLossQuote: AmountQuote;
    readonly insuranceFundUsedQuote: AmountQuote;
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
  readonly liquidations: readonly LiquidationRecord[];
  readonly adl: readonly AdlRecord[];
  readonly containment: readonly ContainmentRecord[];
  /** Count of liquidations per generation, index 0 = generation 1. */
  readonly liquidationsByGeneration: readonly number[];
  /** Per arbitrage link: base moved from the dearer market to the cheaper one, and its notional. */
  readonly arbitrage: readonly { readonly marketIds: readonly [string, string]; readonly movedBase: AmountBase; readonly movedNotionalQuote: AmountQuote }[];
  /** Bankrupt closes handed to ADL, one record each (always filled by the engine; optional so reports built elsewhere stay valid). */
  readonly adlActions?: readonly AdlActionRecord[];
  /** Per-step fill counts of the liquidation and ADL batches, aligned with `timeline.timeSeconds` (always filled by the engine). */
  readonly batches?: BatchTimeline & { readonly summary: BatchSummary };
  /** Keeper activity (always filled by the engine; optional so reports built elsewhere stay valid). */
  readonly keepers?: KeeperSummary;
  /** Positions venues hold at the end after takeovers (always filled by the engine; empty when none). */
  readonly venuePositions?: readonly VenuePositionSummary[];
};

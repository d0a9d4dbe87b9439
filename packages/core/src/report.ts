import type { AmountBase, AmountQuote, Fraction, PriceQuote, Seconds, SideSign } from '@firesale/spec';

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

/** One auto-deleveraging fill. */
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
};

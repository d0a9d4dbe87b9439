import type { AdlOptionsV1, AmountQuote, CascadeEventV1, Fraction, LiquidationEngineModelV1, OrderBookModelV1, PriceQuote, Seconds } from '@firesale/spec';
import type { KeeperOutageInput } from './keeper-model';
import type { PositionTable } from './position-table';
import type { PriceMonitoringTrigger } from './price-monitoring';

/** A market: one book, liquidated by one venue's engine. */
export type MarketInput = {
  readonly marketId: string;
  /** Id of the venue (in {@link SimulatorInput.venues}) whose engine liquidates this market. */
  readonly venueId: string;
  /** The market's id in the venue's own parameters (`BTCUSDT`, `BTC-USD`); default `marketId`. */
  readonly venueMarketId?: string;
  /** The asset traded (BTC); accounts may post it as collateral, valued at this market's mark. */
  readonly baseAsset: string;
  readonly book: OrderBookModelV1;
  /** Depth multiplier applied once the shock starts (stress thinning; 1 keeps the book as is). */
  readonly stressDepthMultiplier?: Fraction;
  /** Where this market's mark price comes from (default: its own book, `timing.oracleDelaySeconds` old). */
  readonly oracle?: OracleInput;
  /** Market makers pull depth as recent volatility rises and bring it back as it falls. */
  readonly liquidityWithdrawal?: LiquidityWithdrawalInput;
};

/**
 * A mark-price oracle: the market's own book, another market's book (a lending protocol reading a CEX feed), the
 * median of several markets, or a time-weighted average (a DEX TWAP). `delaySeconds` is how stale it is (default
 * `timing.oracleDelaySeconds`).
 */
export type OracleInput =
  | { readonly source: 'own-book'; readonly delaySeconds?: Seconds }
  | { readonly source: 'market'; readonly marketId: string; readonly delaySeconds?: Seconds }
  | { readonly source: 'median'; readonly marketIds: readonly string[]; readonly delaySeconds?: Seconds }
  | { readonly source: 'twap'; readonly marketId?: string; readonly windowSeconds: Seconds; readonly delaySeconds?: Seconds };

/**
 * Depth that vanishes with volatility: each step the depth multiplier is
 * `max(floorMultiplier, exp(-sensitivity * v))`, where v is the root sum of squared one-step mid returns over the
 * last `windowSeconds` (a 1% move in the window with sensitivity 50 keeps 61% of the depth). It multiplies the
 * stress multiplier and comes back as the window calms down.
 */
export type LiquidityWithdrawalInput = {
  readonly windowSeconds: Seconds;
  readonly sensitivity: number;
  readonly floorMultiplier: Fraction;
};

/**
 * Arbitrageurs linking two markets of the same asset (on two venues): each step they trade up to
 * `capacityBasePerStep` to close the gap between the two mids as they saw them `latencySeconds` ago, selling where
 * it is high and buying where it is low, until the gap is within `minGapFraction`.
 */
export type ArbitrageLinkInput = {
  readonly marketIds: readonly [string, string];
  readonly capacityBasePerStep: number;
  readonly latencySeconds?: Seconds;
  readonly minGapFraction?: Fraction;
};

/** A venue: its liquidation engine and insurance fund. */
export type VenueInput = {
  /** The id markets refer to (default: the engine's `venueId`). */
  readonly venueId?: string;
  readonly engine: LiquidationEngineModelV1;
  readonly insuranceFundQuote: AmountQuote;
  /** Auto-deleverage when the fund cannot pay (default: the engine's `autoDeleveraging` capability). */
  readonly autoDeleveraging?: boolean;
  /**
   * What one liquidation costs its keeper (gas plus the slippage it bears), in quote. A keeper closes a market-route
   * liquidation only when the venue's reward to it on that close (`feeToLiquidatorQuote`) covers this; otherwise the
   * position stays open and is retried every step. Default 0 (always liquidated).
   */
  readonly liquidatorCostQuote?: AmountQuote;
};

/** Collateral an account holds. The quote asset counts at face value, other assets at their market's mark. */
export type CollateralInput = {
  readonly asset: string;
  readonly amount: number;
  /** Value haircut for non-quote collateral (0.1 counts 90% of the value). */
  readonly haircut?: Fraction;
};

/** An account. Isolated accounts' collateral is free cash; cross accounts' collateral backs all positions. */
export type AccountInput = {
  readonly accountId: string;
  readonly marginMode: 'isolated' | 'cross';
  readonly collateral: readonly CollateralInput[];
};

/** Clock, oracle and liquidator timing. */
export type TimingInput = {
  /** Simulated seconds per step (block). Default 1. */
  readonly stepSeconds?: Seconds;
  /** Simulated seconds the run lasts at most. Default 600. */
  readonly durationSeconds?: Seconds;
  /** How stale the mark price is: the mark at t is the book mid at t - delay. Default 0. */
  readonly oracleDelaySeconds?: Seconds;
  /** Seconds between a position becoming liquidatable and its liquidation order. Default 0. */
  readonly liquidatorLatencySeconds?: Seconds;
  /** Windows in which no keeper acts: liquidations wait until the window ends. Default none. */
  readonly keeperOutages?: readonly KeeperOutageInput[];
};

/** Containment mechanisms. All are off by default. */
export type ContainmentInput = {
  /** Cap on liquidated notional per market per step, in quote; the rest waits for the next step. */
  readonly maxLiquidatedNotionalPerStepQuote?: AmountQuote;
  /** Price-band circuit breakers: a breach halts the market (no liquidations) for the trigger's extension. */
  readonly priceMonitoring?: {
    readonly triggers: readonly PriceMonitoringTrigger[];
    /** Tick size to round the bounds to (min up, max down); 0 for none. */
    readonly tickSizeQuote?: PriceQuote;
  };
  /**
   * Staged disposal: the venue takes liquidated positions over at the mark price and sells them off in stages
   * (Vega's network position). Sizes in lots of `lotSizeBase`.
   */
  readonly stagedDisposal?: {
    readonly timeStepSeconds: Seconds;
    readonly disposalFraction: Fraction;
    readonly fullDisposalSizeLots: number;
    readonly maxFractionConsumed: Fraction;
    /** Disposal orders only count volume within this distance of the mid (0.01 = 1%). */
    readonly disposalSlippageFraction: Fraction;
    readonly lotSizeBase: number;
  };
};

/** Everything the engine needs to build a simulator. */
export type SimulatorInput = {
  readonly markets: readonly MarketInput[];
  readonly venues: readonly VenueInput[];
  readonly accounts: readonly AccountInput[];
  readonly positions: PositionTable;
  /** Asset name of the quote currency (default `USD`). Collateral in it counts at face value. */
  readonly quoteAsset?: string;
  readonly timing?: TimingInput;
  readonly containment?: ContainmentInput;
  /** Arbitrage between markets of the same asset (cross-venue linkage). */
  readonly arbitrage?: readonly ArbitrageLinkInput[];
  /** ADL policy and batching (default: the venue's ranking queue, interleaved with liquidations). */
  readonly adl?: AdlOptionsV1;
};

/**
 * An exogenous move of one market's reference price: a fall (negative) or a rise, instant or spread out
 * linearly, or a whole path (for Monte Carlo). Moves on the same market add up.
 */
export type ShockInput = {
  readonly marketId: string;
  /** Relative move of the reference price, -0.03 for a 3% fall. Ignored when `path` is given. */
  readonly returnFraction: Fraction;
  /** When the move starts. Default 0. */
  readonly atSeconds?: Seconds;
  /** Over how long the move unfolds linearly (0: at once). Default 0. */
  readonly overSeconds?: Seconds;
  /**
   * A path of relative moves from the initial price (`returnFraction[k]` at `timeSeconds[k]`, ascending times),
   * linear in between and flat after the last point; before the first point the move is 0.
   */
  readonly path?: { readonly timeSeconds: ArrayLike<number>; readonly returnFraction: ArrayLike<number> };
};

/** Options of one run. */
export type RunOptions = {
  readonly shocks: readonly ShockInput[];
  /** Seed of the run's random stream. The same seed gives the same events. Default 0. */
  readonly seed?: number;
  /** Receives every event as it happens. Without it the engine allocates no event objects. */
  readonly onEvent?: (event: CascadeEventV1) => void;
  /**
   * Only these event types are built and passed to `onEvent` (default: all). Events of other types are never
   * allocated, so a caller that needs only `bad-debt` pays nothing for the hundreds of thousands of fills.
   * `sequence` numbers the delivered events.
   */
  readonly eventTypes?: readonly CascadeEventV1['type'][];
  /** Checks conservation of value after every step and throws ENGINE__INVARIANT_BROKEN if it fails. */
  readonly checkInvariants?: boolean;
  /** Overrides the markets' stress depth multipliers for this run (same order as `markets`). */
  readonly depthMultipliers?: readonly number[];
  /** Overrides `timing.liquidatorLatencySeconds` for this run (parameter uncertainty in Monte Carlo). */
  readonly liquidatorLatencySeconds?: Seconds;
  /** Overrides `timing.oracleDelaySeconds` for this run. */
  readonly oracleDelaySeconds?: Seconds;
  /** Overrides the input's ADL settings for this run, field by field (the ADL policy lab runs one model under each policy). */
  readonly adl?: AdlOptionsV1;
  /**
   * How triggered positions are found: `index` (default) walks the liquidation index; `full-scan` checks every
   * position at every price step. Both give the same run; the full scan is the reference and the benchmark baseline.
   */
  readonly triggerDetection?: 'index' | 'full-scan';
  /**
   * `full` (default) lists every liquidation in the report; `summary` leaves `liquidations` empty (the counts,
   * totals, markets, funds and timeline are the same), for Monte Carlo paths that only need the numbers;
   * `columns` gives the liquidation and ADL fills as typed columns (`fillColumns`) instead of objects, and leaves
   * `liquidations`, `adl` and `adlActions` empty, for charts over very many fills.
   */
  readonly detail?: 'full' | 'summary' | 'columns';
  /**
   * Filled with where the run spent its time (wall-clock milliseconds). Kept out of the report, which stays
   * identical from run to run.
   */
  readonly timings?: RunTimings;
};

/** Where a run spent its time, in wall-clock milliseconds (added to, so one object can sum several runs). */
export type RunTimings = {
  /** Finding positions the price has reached: the index walk, or the full scan. */
  detectionMs: number;
  /**
   * Of `detectionMs`, ordering index buckets a walk reached for the first time on this simulator (index building
   * deferred to when it is needed; later runs find those buckets ordered).
   */
  indexSortMs?: number;
  /** The whole run. */
  totalMs: number;
};

import type {
  AdlPolicyV1,
  CascadeEventV1,
  LiquidationOrderInputV1,
  LiquidationOrderV1,
  OrderBookFillV1,
  OrderBookV1,
  OrderSide,
  PriceTriggerInputV1,
  PriceTriggersV1,
  SettlementInputV1,
  SettlementV1,
  SideSign,
} from '@firesale/spec';
import { adlBatchingOption, adlPolicyOption, allocateProRata } from './adl-policy';
import { FiresaleError } from './firesale-error';
import { FillLog, ROUTE_ADL, ROUTE_BACKSTOP, ROUTE_MARKET, ROUTE_NAMES, ROUTE_NETWORK } from './fill-log';
import type { GrowableFloat64, GrowableUint32 } from './growable';
import { sortByKey } from './sort-by-key';
import { breachesBounds, priceMonitoringBounds } from './price-monitoring';
import { REPORT_VERSION, type CascadeReport, type ContainmentRecord, type MarketSummary, type RunOutcome } from './report';
import type { RunOptions, ShockInput } from './simulation-input';
import { createRunScratch, type AssetCollateral, type BuiltModel, type RunScratch } from './simulator';
import { disposalOrderLots } from './staged-disposal';
import { TriggerHeap } from './trigger-heap';
import { inKeeperOutage, keeperLiquidates, resolveKeeperOutages, type KeeperOutageWindows } from './keeper-model';
import type { KeeperSummary, VenuePositionSummary } from './report';

const CLOSED = 1;
const QUEUED = 2;
const TOUCHED = 4;
const OVERRIDDEN = 8;
const LIQUIDATED = 16;

const SIZE_EPSILON = 1e-12;
/**
 * How close (relative) a mark must come to a trigger to reach it. Prices that meet a trigger exactly in decimals
 * miss it by a rounding step in binary (100 x (1 - 0.00025) is 99.97500000000001, the trigger 100 - 0.025 is
 * 99.975), so a cascade would stop one position short of its fixed point.
 */
const TRIGGER_REACH = 1e-12;
const ADL_REFRESH_SECONDS = 10;
const ADL_REFRESH_MOVE = 0.01;
const MAX_ROUNDS_PER_STEP = 100_000;
/**
 * Queued positions whose columns are read ahead at a time ({@link CascadeRun.warmPositions}): few enough that
 * their cache lines are still in the core's L2 cache when they are liquidated (a whole step's queue is not).
 */
const WARM_CHUNK = 128;

/**
 * One cascade run over a built model. The run mutates the shared position columns and restores them from
 * its journal when it ends, so a built model can run again without being rebuilt or copied.
 */
export class CascadeRun {
  private readonly m: BuiltModel;
  private options!: RunOptions;
  /** Which event types are built and delivered (all with `onEvent`, narrowed by `eventTypes`; none without). */
  private wants!: Readonly<Record<CascadeEventV1['type'], boolean>>;
  private readonly marketCount: number;
  private readonly venueCount: number;
  /** What {@link CascadeRun.outcome} hands out, made on first use and refilled after every later run. */
  private outcomeView: OutcomeView | undefined;
  private readonly liquidationTally: { notionalByMarket: Float64Array; countByMarket: Uint32Array } = { notionalByMarket: new Float64Array(0), countByMarket: new Uint32Array(0) };
  private readonly stepSeconds: number;
  private readonly steps: number;
  /** Oracle delay of each market's mark, in steps. */
  private delaySteps!: Int32Array;
  private twapSteps!: Int32Array;
  private maxDelaySteps!: number;
  private readonly linkLatencySteps: Int32Array;
  private linkMovedBase!: Float64Array;
  private linkMovedQuote!: Float64Array;
  private depthMultiplier!: Float64Array;
  private latencySteps!: number;
  // Keepers: outage windows, cost per liquidation per venue, and what they declined or deferred.
  private readonly keeperOutages: KeeperOutageWindows;
  private readonly liquidatorCost: Float64Array;
  private keeperSkips = 0;
  /** Where {@link CascadeRun.warmPositions} leaves its sum, so the loads are not optimised away. */
  private warmSink = 0;
  private keeperSkipped!: Set<number>;
  private outageDeferred!: Set<number>;
  // ADL: policy, batching, the step's deferred ADL batch and per-batch fill counts.
  private adlPolicy!: AdlPolicyV1;
  private separateAdl!: boolean;
  private adlPhase = false;
  private haircutOpen = false;
  private haircutDeficit = Number.NaN;
  private haircutNeeded = Number.NaN;
  private adlDeferredMarket!: GrowableUint32;
  private adlDeferredId!: GrowableUint32;
  private adlDeferredGeneration!: GrowableUint32;
  private stepLiquidationFills = 0;
  private stepAdlFills = 0;
  private timelineLiquidationFills!: GrowableFloat64;
  private timelineAdlFills!: GrowableFloat64;
  private readonly stagedDisposal: boolean;
  private readonly monitored: boolean;
  private fullScan!: boolean;
  private scanLongs!: GrowableUint32;
  private scanShorts!: GrowableUint32;

  // Position state shared with the model, journaled.
  private flags!: Uint8Array;
  private scratch!: RunScratch;
  private journalIds!: GrowableUint32;
  private journalSize!: GrowableFloat64;
  private journalMargin!: GrowableFloat64;
  private triggerOverride!: Map<number, number>;
  private lastLiquidationTime!: Map<number, number>;

  // Per market.
  private readonly books: OrderBookV1[];
  private initialPrice!: Float64Array;
  private mark!: Float64Array;
  private readonly midHistory: Float64Array[];
  private pointer!: Uint32Array;
  private heaps!: TriggerHeap[];
  private impactGeneration!: Uint32Array;
  private readonly pendingId: GrowableUint32[];
  private readonly pendingDue: GrowableUint32[];
  private readonly pendingGeneration: GrowableUint32[];
  private pendingHead!: Uint32Array;
  private capRemaining!: Float64Array;
  private haltedUntil!: Float64Array;
  private haltedSeconds!: Float64Array;
  private monitorReferenceStep!: Float64Array;
  private monitorReferencePrice!: Float64Array;
  private networkBase!: Float64Array;
  private networkEntry!: Float64Array;
  private nextDisposalTime!: Float64Array;
  private stepLiquidated!: Float64Array;
  private readonly adlLists: (Uint32Array | null)[];
  /** Per market side, the ADL queue's ids and sort keys (borrowed from the pool, rebuilt in place). */
  private readonly adlIds: GrowableUint32[];
  private readonly adlKeys: GrowableFloat64[];
  private adlBuiltTime!: Float64Array;
  private adlBuiltMark!: Float64Array;
  private adlPointer!: Uint32Array;
  private shockStart!: Float64Array;
  /** When the last exogenous move ends: the run is not over before (a flat stretch is not the end of a shock). */
  private lastShockSeconds!: number;

  // Per venue and account.
  private fund!: Float64Array;
  private fundFees!: Float64Array;
  private fundPaid!: Float64Array;
  private fundMinimum!: Float64Array;
  private venueBadDebt!: Float64Array;
  private adlEnabled!: Uint8Array;
  private cash!: Float64Array;
  private accountQueued!: Uint8Array;
  /** Run-local view of asset collateral: seized collateral is replaced here, never in the shared model. */
  private assetCollateral!: Map<number, readonly AssetCollateral[]>;

  // Ledger (conservation of value).
  private externalQuote = Number.NaN;
  private liquidatorFeesQuote = Number.NaN;
  private badDebtQuote = Number.NaN;
  private ledgerStart!: number;

  // Records.
  private time = 0;
  private nextStep = 0;
  private finished = false;
  private step = 0;
  private sequence = 0;
  private maxGeneration = 0;
  private generationCounts!: number[];
  private liquidatedNotional = Number.NaN;
  private liquidatedPositionCount = 0;
  private fills!: FillLog;
  private containment!: ContainmentRecord[];
  private timelineTime!: GrowableFloat64;
  private readonly timelineMid: GrowableFloat64[];
  private readonly timelineMark: GrowableFloat64[];
  private readonly timelineLiquidated: GrowableFloat64[];
  private readonly timelineFund: GrowableFloat64[];
  private readonly cooldownIds: number[] = [];
  private readonly cooldownReady: number[] = [];
  private readonly cooldownGeneration: number[] = [];

  // Objects passed to plugins (the scratch's: no allocation per position, nor per run).
  private fill!: OrderBookFillV1;
  private orderIn!: LiquidationOrderInputV1;
  private orderOut!: LiquidationOrderV1;
  private settleIn!: SettlementInputV1;
  private settleOut!: SettlementV1;
  private triggerIn!: PriceTriggerInputV1;
  private triggerOut!: PriceTriggersV1;

  /** A run object for `model`; {@link CascadeRun.begin} starts each run on it. */
  constructor(model: BuiltModel) {
    this.m = model;
    const timing = model.input.timing ?? {};
    this.stepSeconds = positive(timing.stepSeconds ?? 1, 'timing.stepSeconds');
    const duration = nonNegative(timing.durationSeconds ?? 600, 'timing.durationSeconds');
    this.steps = Math.ceil(duration / this.stepSeconds - 1e-9);
    this.stagedDisposal = model.input.containment?.stagedDisposal !== undefined;
    this.monitored = model.input.containment?.priceMonitoring !== undefined;
    this.linkLatencySteps = Int32Array.from(model.links, (l) => Math.round(l.latencySeconds / this.stepSeconds));
    this.keeperOutages = resolveKeeperOutages(timing.keeperOutages ?? [], model.marketIds);
    this.liquidatorCost = Float64Array.from(model.input.venues, (v, i) => nonNegative(v.liquidatorCostQuote ?? 0, `venues[${i}].liquidatorCostQuote`));
    const M = (this.marketCount = model.books.length);
    this.venueCount = model.engines.length;
    // Lists per market (and side) or venue, made once and refilled by each run.
    this.books = new Array<OrderBookV1>(M);
    this.midHistory = new Array<Float64Array>(M);
    this.pendingId = new Array<GrowableUint32>(M);
    this.pendingDue = new Array<GrowableUint32>(M);
    this.pendingGeneration = new Array<GrowableUint32>(M);
    this.adlLists = new Array<Uint32Array | null>(M * 2);
    this.adlIds = new Array<GrowableUint32>(M * 2);
    this.adlKeys = new Array<GrowableFloat64>(M * 2);
    this.timelineMid = new Array<GrowableFloat64>(M);
    this.timelineMark = new Array<GrowableFloat64>(M);
    this.timelineLiquidated = new Array<GrowableFloat64>(M);
    this.timelineFund = new Array<GrowableFloat64>(model.engines.length);
  }

  /**
   * Starts a run with `options`. One run object can start run after run (Monte Carlo paths reuse one), so
   * everything a run changes is set here.
   */
  begin(options: RunOptions): this {
    const model = this.m;
    // The counters are also set where they are declared: a field that holds undefined before its first float
    // would box every float stored in it. Amounts in quote are declared NaN (a float): declared 0, the first
    // fractional bad debt of a Monte Carlo run (~550,000 paths into a million) changed the object's field layout,
    // and every method optimised for the old one was thrown away and compiled again.
    this.keeperSkips = 0;
    this.warmSink = 0;
    this.adlPhase = false;
    this.haircutOpen = false;
    this.haircutDeficit = 0;
    this.haircutNeeded = 0;
    this.stepLiquidationFills = 0;
    this.stepAdlFills = 0;
    this.externalQuote = 0;
    this.liquidatorFeesQuote = 0;
    this.badDebtQuote = 0;
    this.time = 0;
    this.nextStep = 0;
    this.finished = false;
    this.step = 0;
    this.sequence = 0;
    this.maxGeneration = 0;
    this.generationCounts = [];
    this.liquidatedNotional = 0;
    this.liquidatedPositionCount = 0;
    this.containment = [];
    this.cooldownIds.length = 0;
    this.cooldownReady.length = 0;
    this.cooldownGeneration.length = 0;
    this.options = options;
    if (options.detail !== undefined && !DETAIL_LEVELS.includes(options.detail)) {
      throw new FiresaleError('SCENARIO__INVALID_FIELD', { path: 'detail', value: options.detail, reason: `must be one of ${DETAIL_LEVELS.join(', ')}` });
    }
    this.wants = eventSelection(options);
    // Per-run state sized by positions and accounts lives in buffers the built model lends to one run at a time
    // (reset with a fill, not allocated: fresh memory is slow to touch, and Monte Carlo runs thousands of paths).
    this.scratch = model.scratch.inUse ? createRunScratch(model.positions.count, model.accountIds.length) : model.scratch;
    this.scratch.inUse = true;
    const io = this.scratch.io;
    this.fill = io.fill;
    this.orderIn = io.orderIn;
    this.orderOut = io.orderOut;
    this.settleIn = io.settleIn;
    this.settleOut = io.settleOut;
    this.triggerIn = io.triggerIn;
    this.triggerOut = io.triggerOut;
    this.keeperSkipped = emptied(this.scratch.keeperSkipped);
    this.outageDeferred = emptied(this.scratch.outageDeferred);
    this.triggerOverride = emptied(this.scratch.triggerOverride);
    this.lastLiquidationTime = emptied(this.scratch.lastLiquidationTime);
    this.flags = this.scratch.flags;
    this.flags.fill(0);
    const pool = this.scratch.growables;
    pool.reset();
    const timing = model.input.timing ?? {};
    const defaultDelay = nonNegative(options.oracleDelaySeconds ?? timing.oracleDelaySeconds ?? 0, 'timing.oracleDelaySeconds');
    this.delaySteps = pool.int32(model.oracles.length);
    this.twapSteps = pool.int32(model.oracles.length);
    for (let i = 0; i < model.oracles.length; i++) {
      const o = model.oracles[i]!;
      this.delaySteps[i] = Math.round((o.delaySeconds ?? defaultDelay) / this.stepSeconds);
      this.twapSteps[i] = Math.round(o.windowSeconds / this.stepSeconds);
    }
    this.maxDelaySteps = 0;
    for (let i = 0; i < this.delaySteps.length; i++) this.maxDelaySteps = Math.max(this.maxDelaySteps, this.delaySteps[i]!);
    this.linkMovedBase = pool.float64(model.links.length);
    this.linkMovedQuote = pool.float64(model.links.length);
    this.latencySteps = Math.round(
      nonNegative(options.liquidatorLatencySeconds ?? timing.liquidatorLatencySeconds ?? 0, 'timing.liquidatorLatencySeconds') / this.stepSeconds,
    );
    this.adlPolicy = adlPolicyOption(options.adl?.policy ?? model.input.adl?.policy, 'adl.policy');
    this.separateAdl = adlBatchingOption(options.adl?.batching ?? model.input.adl?.batching, 'adl.batching') === 'separate';
    const M = this.marketCount;
    const V = this.venueCount;
    this.adlDeferredMarket = pool.u32();
    this.adlDeferredId = pool.u32();
    this.adlDeferredGeneration = pool.u32();
    this.scanLongs = pool.u32();
    this.scanShorts = pool.u32();
    this.journalIds = pool.u32();
    this.journalSize = pool.f64();
    this.journalMargin = pool.f64();
    this.fills = new FillLog(pool);
    this.timelineTime = pool.f64();
    this.timelineLiquidationFills = pool.f64();
    this.timelineAdlFills = pool.f64();
    this.fullScan = options.triggerDetection === 'full-scan';

    for (let mi = 0; mi < M; mi++) this.books[mi] = model.books[mi]!.doCreate();
    this.initialPrice = pool.float64(M);
    for (let mi = 0; mi < M; mi++) this.initialPrice[mi] = this.books[mi]!.midPriceQuote();
    this.mark = pool.float64(M);
    this.mark.set(this.initialPrice);
    let lookback = this.horizonSteps();
    for (let mi = 0; mi < M; mi++) {
      lookback = Math.max(lookback, this.delaySteps[mi]! + this.twapSteps[mi]!);
      const w = model.withdrawal[mi];
      if (w) lookback = Math.max(lookback, Math.round(w.windowSeconds / this.stepSeconds) + 1);
    }
    for (const l of this.linkLatencySteps) lookback = Math.max(lookback, l);
    const historyLength = lookback + 2;
    this.depthMultiplier = pool.float64(M, 1);
    for (let mi = 0; mi < M; mi++) this.midHistory[mi] = pool.float64(historyLength);
    this.pointer = pool.uint32(M * 2);
    this.pointer.set(model.index.segmentStart);
    this.heaps = this.scratch.heaps;
    for (let s = 0; s < M * 2; s++) (this.heaps[s] ??= new TriggerHeap(s % 2 === 0)).clear();
    this.impactGeneration = pool.uint32(M);
    for (let mi = 0; mi < M; mi++) {
      this.pendingId[mi] = pool.u32();
      this.pendingDue[mi] = pool.u32();
      this.pendingGeneration[mi] = pool.u32();
    }
    this.pendingHead = pool.uint32(M);
    this.capRemaining = pool.float64(M);
    this.haltedUntil = pool.float64(M, -Infinity);
    this.haltedSeconds = pool.float64(M);
    this.monitorReferenceStep = pool.float64(M);
    this.monitorReferencePrice = pool.float64(M);
    this.monitorReferencePrice.set(this.initialPrice);
    this.networkBase = pool.float64(M);
    this.networkEntry = pool.float64(M);
    this.nextDisposalTime = pool.float64(M);
    this.stepLiquidated = pool.float64(M);
    for (let s = 0; s < M * 2; s++) {
      this.adlLists[s] = null;
      this.adlIds[s] = pool.u32();
      this.adlKeys[s] = pool.f64();
    }
    this.adlBuiltTime = pool.float64(M * 2);
    this.adlBuiltMark = pool.float64(M * 2);
    this.adlPointer = pool.uint32(M * 2);
    this.shockStart = pool.float64(M, Infinity);
    for (const shock of options.shocks) {
      const mi = model.marketIds.indexOf(shock.marketId);
      if (mi < 0) {
        throw new FiresaleError('SCENARIO__UNKNOWN_MARKET', { path: 'shocks.marketId', value: shock.marketId, known: model.marketIds.join(', ') });
      }
      this.shockStart[mi] = Math.min(this.shockStart[mi]!, shock.path ? (shock.path.timeSeconds[0] ?? 0) : (shock.atSeconds ?? 0));
    }
    let lastShock = 0;
    for (const shock of options.shocks) {
      const end = shock.path ? (shock.path.timeSeconds[shock.path.timeSeconds.length - 1] ?? 0) : (shock.atSeconds ?? 0) + (shock.overSeconds ?? 0);
      lastShock = Math.max(lastShock, end);
    }
    this.lastShockSeconds = lastShock;

    this.fund = pool.float64(V);
    this.adlEnabled = pool.uint8(V);
    for (let v = 0; v < V; v++) {
      const venue = model.input.venues[v]!;
      this.fund[v] = venue.insuranceFundQuote;
      this.adlEnabled[v] = (venue.autoDeleveraging ?? venue.engine.capabilities.autoDeleveraging) ? 1 : 0;
    }
    this.fundFees = pool.float64(V);
    this.fundPaid = pool.float64(V);
    this.fundMinimum = pool.float64(V);
    this.fundMinimum.set(this.fund);
    this.venueBadDebt = pool.float64(V);
    this.cash = this.scratch.cash;
    this.cash.set(model.cashQuote);
    this.accountQueued = this.scratch.accountQueued;
    this.accountQueued.fill(0);
    // Copied only when some account has asset collateral to sell (a sale replaces its entry).
    this.assetCollateral = model.assetCollateral.size === 0 ? model.assetCollateral : new Map(model.assetCollateral);

    for (let mi = 0; mi < M; mi++) {
      this.timelineMid[mi] = pool.f64();
      this.timelineMark[mi] = pool.f64();
      this.timelineLiquidated[mi] = pool.f64();
    }
    for (let v = 0; v < V; v++) this.timelineFund[v] = pool.f64();
    this.ledgerStart = options.checkInvariants ? this.ledgerTotal() : 0;
    return this;
  }

  /** Runs the cascade to the end and returns the report; restores the shared state whatever happens. */
  execute(): CascadeReport {
    const started = this.options.timings ? performance.now() : 0;
    try {
      this.runAllSteps();
      return this.report();
    } finally {
      this.end(started);
    }
  }

  /**
   * Runs every step like {@link CascadeRun.execute}, then hands `read` the finished run's {@link RunOutcome} instead
   * of building its report, before the simulator is restored.
   */
  executeOutcome<T>(read: (outcome: RunOutcome) => T): T {
    const started = this.options.timings ? performance.now() : 0;
    try {
      this.runAllSteps();
      return read(this.outcome());
    } finally {
      this.end(started);
    }
  }

  private runAllSteps(): void {
    while (this.advance()) {
      // every step runs inside advance()
    }
  }

  /** Restores the simulator after a run to its end (or a failure), and counts the run's time. */
  private end(started: number): void {
    this.restore();
    if (this.options.timings) this.options.timings.totalMs += performance.now() - started;
  }

  /**
   * Runs the next step (block): time moves, books recover, the exogenous path moves the reference, triggered
   * positions are queued and due ones liquidated (in synchronous rounds while nothing delays them), and staged
   * disposal acts. Returns false once the run is over (duration reached, or nothing is left to happen).
   */
  advance(): boolean {
    if (this.finished) return false;
    const k = this.nextStep++;
    const M = this.marketCount;
    const cap = this.m.input.containment?.maxLiquidatedNotionalPerStepQuote ?? Infinity;
    this.step = k;
    this.time = k * this.stepSeconds;
    this.releaseCooldowns();
    this.stepLiquidationFills = 0;
    this.stepAdlFills = 0;
    for (let mi = 0; mi < M; mi++) {
      const book = this.books[mi]!;
      book.doAdvance(this.time);
      const multiplier = this.depthMultiplierNow(mi);
      if (multiplier !== this.depthMultiplier[mi]) {
        book.doSetDepthMultiplier(multiplier);
        this.depthMultiplier[mi] = multiplier;
      }
      const reference = this.referencePrice(mi, this.time);
      if (reference !== book.referencePriceQuote()) book.doSetReferencePrice(reference);
    }
    this.arbitrage();
    this.recordMids();
    for (let mi = 0; mi < M; mi++) {
      this.capRemaining[mi] = cap;
      this.stepLiquidated[mi] = 0;
      this.monitorPrice(mi);
      if (this.halted(mi)) this.haltedSeconds[mi]! += this.stepSeconds;
    }
    for (let round = 0; ; round++) {
      if (round > MAX_ROUNDS_PER_STEP) {
        throw new FiresaleError('ENGINE__INVARIANT_BROKEN', { invariant: 'rounds per step', detail: `more than ${MAX_ROUNDS_PER_STEP} rounds at t=${this.time}` });
      }
      for (let mi = 0; mi < M; mi++) this.scanMarket(mi);
      const fills = this.executeDue();
      if (fills === 0 || this.maxDelaySteps > 0 || this.latencySteps > 0) break;
      this.recordMids();
    }
    if (this.adlDeferredId.length > 0) this.runAdlBatch();
    this.disposeNetworkPositions();
    this.recordTimeline();
    if (this.options.checkInvariants) this.checkConservation();
    if (k >= this.steps || (this.isQuiet() && this.isSettled())) this.finished = true;
    return !this.finished;
  }

  /** The report of the run so far (the whole run once {@link CascadeRun.advance} has returned false). */
  report(): CascadeReport {
    return this.buildReport();
  }

  /** Puts the shared position columns back as they were before the run. Call once, after the last step. */
  restore(): void {
    const pos = this.m.positions;
    for (let k = this.journalIds.length - 1; k >= 0; k--) {
      const id = this.journalIds.data[k]!;
      pos.sizeBase[id] = this.journalSize.data[k]!;
      pos.marginQuote[id] = this.journalMargin.data[k]!;
    }
    this.journalIds.length = 0;
    this.scratch.inUse = false;
  }

  // ---- prices ---------------------------------------------------------------------------------------------

  private referencePrice(mi: number, t: number): number {
    let move = 0;
    const marketId = this.m.marketIds[mi];
    for (const shock of this.options.shocks) {
      if (shock.marketId !== marketId) continue;
      move += shock.path ? pathMove(shock.path, t) : rampMove(shock, t);
    }
    return this.initialPrice[mi]! * (1 + move);
  }

  /** Records every market's mid for this step, then every mark (a mark may read other markets' books). */
  private recordMids(): void {
    const M = this.marketCount;
    for (let mi = 0; mi < M; mi++) {
      const history = this.midHistory[mi]!;
      history[this.step % history.length] = this.books[mi]!.midPriceQuote();
    }
    for (let mi = 0; mi < M; mi++) {
      const previousMark = this.mark[mi]!;
      this.mark[mi] = this.oraclePrice(mi);
      if (this.mark[mi] !== previousMark && this.wants['price-update']) {
        this.emit({
          type: 'price-update', timeSeconds: this.time, sequence: 0, marketId: this.m.marketIds[mi]!,
          midPriceQuote: this.books[mi]!.midPriceQuote(), markPriceQuote: this.mark[mi]!,
        });
      }
    }
  }

  /** A market's mid at the end of a past step (its initial mid before step 0), from the recorded history. */
  private midAt(mi: number, step: number): number {
    if (step < 0) return this.initialPrice[mi]!;
    const history = this.midHistory[mi]!;
    return history[step % history.length]!;
  }

  /** The mark price: the market's oracle, read `delay` steps back. */
  private oraclePrice(mi: number): number {
    const oracle = this.m.oracles[mi]!;
    const at = this.step - this.delaySteps[mi]!;
    switch (oracle.kind) {
      case 'own-book':
      case 'market':
        return this.midAt(oracle.sources[0]!, at);
      case 'median': {
        const values = oracle.sources.map((source) => this.midAt(source, at)).sort((x, y) => x - y);
        const half = values.length >> 1;
        return values.length % 2 === 1 ? values[half]! : (values[half - 1]! + values[half]!) / 2;
      }
      case 'twap': {
        const window = this.twapSteps[mi]!;
        let sum = 0;
        for (let k = 0; k <= window; k++) sum += this.midAt(oracle.sources[0]!, at - k);
        return sum / (window + 1);
      }
    }
  }

  /** Stress thinning once the market's shock starts, times liquidity withdrawal with recent volatility. */
  private depthMultiplierNow(mi: number): number {
    let multiplier = 1;
    if (this.time >= this.shockStart[mi]!) multiplier = this.options.depthMultipliers?.[mi] ?? this.m.input.markets[mi]!.stressDepthMultiplier ?? 1;
    const w = this.m.withdrawal[mi];
    if (w && this.step > 1) {
      // Root sum of squared one-step returns over the window, from the mids of the steps already completed.
      const window = Math.max(1, Math.round(w.windowSeconds / this.stepSeconds));
      let squares = 0;
      for (let k = Math.max(1, this.step - window); k < this.step; k++) {
        const r = Math.log(this.midAt(mi, k) / this.midAt(mi, k - 1));
        squares += r * r;
      }
      multiplier *= Math.max(w.floorMultiplier, Math.exp(-w.sensitivity * Math.sqrt(squares)));
    }
    return multiplier;
  }

  /**
   * Cross-venue arbitrage: per link and step, trade up to the capacity to close the gap between the two mids as
   * seen `latency` ago, selling where the price is high and buying where it is low, until the books meet.
   */
  private arbitrage(): void {
    const links = this.m.links;
    const fill = this.fill;
    for (let l = 0; l < links.length; l++) {
      const link = links[l]!;
      const lag = this.linkLatencySteps[l]!;
      const seenA = lag === 0 ? this.books[link.a]!.midPriceQuote() : this.midAt(link.a, this.step - lag);
      const seenB = lag === 0 ? this.books[link.b]!.midPriceQuote() : this.midAt(link.b, this.step - lag);
      if (Math.abs(seenA - seenB) <= link.minGapFraction * Math.min(seenA, seenB)) continue;
      const high = seenA > seenB ? link.a : link.b;
      const low = high === link.a ? link.b : link.a;
      const highBook = this.books[high]!;
      const lowBook = this.books[low]!;
      const gapAfter = (q: number): number => {
        highBook.quote('sell', q, fill);
        const sold = fill.priceAfterQuote;
        lowBook.quote('buy', q, fill);
        return sold - fill.priceAfterQuote;
      };
      if (gapAfter(0) <= 0) continue;
      let q = link.capacityBase;
      if (gapAfter(q) < 0) {
        let lo = 0;
        let hi = q;
        for (let k = 0; k < 50; k++) {
          const mid = (lo + hi) / 2;
          if (gapAfter(mid) > 0) lo = mid;
          else hi = mid;
        }
        q = lo;
      }
      if (!(q > 0)) continue;
      highBook.doExecute('sell', q, this.time, fill);
      const sold = fill.filledBase;
      const proceeds = fill.amountQuote;
      lowBook.doExecute('buy', sold, this.time, fill);
      this.linkMovedBase[l]! += sold;
      this.linkMovedQuote[l]! += proceeds;
    }
  }

  private horizonSteps(): number {
    const triggers = this.m.input.containment?.priceMonitoring?.triggers ?? [];
    let longest = 0;
    for (const t of triggers) longest = Math.max(longest, Math.round(t.horizonSeconds / this.stepSeconds));
    return longest;
  }

  /**
   * Price-band circuit breaker (Vega price monitoring): the reference of a trigger is the price `horizon` seconds
   * ago (the initial price before the run, or the price when the last halt ended, whichever is later); a mid outside
   * any trigger's bounds halts the market for the sum of the breached triggers' extensions. Checked at the start of
   * every step and after every round of fills, so a cascade inside one step is stopped when it leaves the band.
   */
  private monitorPrice(mi: number): void {
    const pm = this.m.input.containment?.priceMonitoring;
    if (!pm) return;
    if (this.time < this.haltedUntil[mi]!) return;
    if (this.haltedUntil[mi]! > -Infinity) {
      this.haltedUntil[mi] = -Infinity;
      this.monitorReferenceStep[mi] = this.step;
      this.monitorReferencePrice[mi] = this.books[mi]!.midPriceQuote();
      this.recordContainment(mi, 'halt-ended', {});
    }
    const history = this.midHistory[mi]!;
    const mid = this.books[mi]!.midPriceQuote();
    let extension = 0;
    for (const trigger of pm.triggers) {
      const referenceStep = this.step - Math.max(1, Math.round(trigger.horizonSeconds / this.stepSeconds));
      const reference = referenceStep < this.monitorReferenceStep[mi]! ? this.monitorReferencePrice[mi]! : history[referenceStep % history.length]!;
      if (breachesBounds(mid, priceMonitoringBounds(reference, trigger, pm.tickSizeQuote ?? 0))) extension += trigger.auctionExtensionSeconds;
    }
    if (extension > 0) {
      this.haltedUntil[mi] = this.time + extension;
      this.recordContainment(mi, 'halt-started', { priceQuote: mid, untilSeconds: this.time + extension });
    }
  }

  private halted(mi: number): boolean {
    return this.time < this.haltedUntil[mi]!;
  }

  // ---- triggering -----------------------------------------------------------------------------------------

  private currentTrigger(id: number): number {
    return (this.flags[id]! & OVERRIDDEN) !== 0 ? this.triggerOverride.get(id)! : this.m.trigger[id]!;
  }

  /** Walks the market's two index segments and its re-check heaps up to the mark price; queues what it passes. */
  private scanMarket(mi: number): void {
    const generation = this.impactGeneration[mi]! + 1;
    this.impactGeneration[mi] = 0;
    const mark = this.mark[mi]!;
    const timings = this.options.timings;
    const started = timings ? performance.now() : 0;
    const reach = TRIGGER_REACH * Math.abs(mark);
    if (this.fullScan) this.scanAllPositions(mi, mark - reach, mark + reach, generation);
    else this.walkIndex(mi, mark - reach, mark + reach, generation);
    if (timings) timings.detectionMs += performance.now() - started;
    this.scanWatchedAccounts(mi, generation);
  }

  /** The reference detection: every indexed position of the market, checked against the mark (reached from each side). */
  private scanAllPositions(mi: number, longMark: number, shortMark: number, generation: number): void {
    const pos = this.m.positions;
    const longs = this.scanLongs;
    const shorts = this.scanShorts;
    longs.length = 0;
    shorts.length = 0;
    for (let id = 0; id < pos.count; id++) {
      if (pos.marketIndex[id] !== mi || this.m.indexed[id] !== 1 || (this.flags[id]! & (CLOSED | QUEUED)) !== 0) continue;
      const trigger = this.currentTrigger(id);
      if (pos.side[id] === 1) {
        if (trigger > 0 && trigger >= longMark && Number.isFinite(trigger)) longs.push(id);
      } else if (trigger <= shortMark) {
        shorts.push(id);
      }
    }
    // The same order as the index walk: longs from the highest trigger, shorts from the lowest, ties by id.
    const byTrigger = (sign: number) => (x: number, y: number) => sign * (this.currentTrigger(x) - this.currentTrigger(y)) || x - y;
    const sortedLongs = Array.from(longs.data.subarray(0, longs.length)).sort(byTrigger(-1));
    const sortedShorts = Array.from(shorts.data.subarray(0, shorts.length)).sort(byTrigger(1));
    for (const id of sortedLongs) this.enqueue(mi, id, generation);
    for (const id of sortedShorts) this.enqueue(mi, id, generation);
  }

  /**
   * Walks the market's two index segments from their pointers up to the mark, merged with the re-check heaps
   * (positions whose trigger changed), so triggered positions are queued in trigger order: longs from the highest
   * trigger, shorts from the lowest, ties by position id (the order a full scan sorts into).
   */
  private walkIndex(mi: number, longMark: number, shortMark: number, generation: number): void {
    this.walkSide(mi, mi * 2, longMark, generation, 1);
    this.walkSide(mi, mi * 2 + 1, shortMark, generation, -1);
  }

  private walkSide(mi: number, segment: number, mark: number, generation: number, side: 1 | -1): void {
    const index = this.m.index;
    const { order, orderTrigger, sortedEnd } = index;
    const flags = this.flags;
    const heap = this.heaps[segment]!;
    const end = index.segmentEnd[segment]!;
    let p = this.pointer[segment]!;
    for (;;) {
      // Next from the index: skip what is closed, queued or re-filed in the heap.
      while (p < end) {
        if (p >= sortedEnd[segment]!) this.sortIndexThrough(segment, p);
        if (side * (orderTrigger[p]! - mark) < 0 || (flags[order[p]!]! & (CLOSED | QUEUED | OVERRIDDEN)) === 0) break;
        p++;
      }
      const fromIndex = p < end && side * (orderTrigger[p]! - mark) >= 0 ? order[p]! : -1;
      // Next from the heap: drop stale entries.
      while (heap.size > 0 && side * (heap.topKey() - mark) >= 0) {
        const id = heap.topId();
        if ((flags[id]! & (CLOSED | QUEUED)) === 0 && this.currentTrigger(id) === heap.topKey()) break;
        heap.pop();
      }
      const fromHeap = heap.size > 0 && side * (heap.topKey() - mark) >= 0 ? heap.topId() : -1;
      if (fromIndex < 0 && fromHeap < 0) break;
      let takeHeap = fromIndex < 0;
      if (fromIndex >= 0 && fromHeap >= 0) {
        const a = side * orderTrigger[p]!;
        const b = side * heap.topKey();
        takeHeap = b > a || (b === a && fromHeap < fromIndex);
      }
      if (takeHeap) {
        heap.pop();
        this.enqueue(mi, fromHeap, generation);
      } else {
        p++;
        this.enqueue(mi, fromIndex, generation);
      }
    }
    this.pointer[segment] = p;
  }

  /** Orders the index buckets up to `slot` that no run has reached before (timed apart from the walk). */
  private sortIndexThrough(segment: number, slot: number): void {
    const timings = this.options.timings;
    const started = timings ? performance.now() : 0;
    this.m.index.sortThrough(segment, slot);
    if (timings) timings.indexSortMs = (timings.indexSortMs ?? 0) + performance.now() - started;
  }

  /** Cross accounts with several positions or asset collateral: re-checked whenever this market moves. */
  private scanWatchedAccounts(mi: number, generation: number): void {
    const flags = this.flags;
    const watched = this.m.watchedByMarket[mi]!;
    for (let w = 0; w < watched.length; w++) {
      const a = watched[w]!;
      if (this.accountQueued[a] === 1 || !this.accountLiquidatable(a)) continue;
      this.accountQueued[a] = 1;
      for (const id of this.m.watchedPositions[a]!) {
        if ((flags[id]! & (CLOSED | QUEUED)) === 0) this.enqueue(this.m.positions.marketIndex[id]!, id, generation);
      }
    }
  }

  private enqueue(mi: number, id: number, generation: number): void {
    this.flags[id]! |= QUEUED;
    this.pendingId[mi]!.push(id);
    this.pendingDue[mi]!.push(this.step + this.latencySteps);
    this.pendingGeneration[mi]!.push(generation);
    if (this.wants['liquidation-triggered']) {
      this.emit({
        type: 'liquidation-triggered', timeSeconds: this.time, sequence: 0, marketId: this.m.marketIds[mi]!, positionId: id,
        accountId: this.m.accountIds[this.m.positions.accountIndex[id]!]!, generation, markPriceQuote: this.mark[mi]!,
        liquidationPriceQuote: this.m.watchedAccount[this.m.positions.accountIndex[id]!] === 1 ? NaN : this.currentTrigger(id),
      });
    }
  }

  private releaseCooldowns(): void {
    for (let i = this.cooldownIds.length - 1; i >= 0; i--) {
      if (this.cooldownReady[i]! > this.time) continue;
      const id = this.cooldownIds[i]!;
      const generation = this.cooldownGeneration[i]!;
      this.cooldownIds.splice(i, 1);
      this.cooldownReady.splice(i, 1);
      this.cooldownGeneration.splice(i, 1);
      if ((this.flags[id]! & CLOSED) === 0) {
        this.pendingId[this.m.positions.marketIndex[id]!]!.push(id);
        this.pendingDue[this.m.positions.marketIndex[id]!]!.push(this.step);
        this.pendingGeneration[this.m.positions.marketIndex[id]!]!.push(generation);
      }
    }
  }

  // ---- health ---------------------------------------------------------------------------------------------

  private accountEquity(a: number): number {
    const pos = this.m.positions;
    let equity = this.cash[a]!;
    for (const c of this.assetCollateral.get(a) ?? []) equity += c.amount * this.mark[c.marketIndex]! * (1 - c.haircut);
    for (const id of this.m.watchedPositions[a] ?? []) {
      const size = pos.sizeBase[id]!;
      if (size <= 0) continue;
      equity += pos.side[id]! * size * (this.mark[pos.marketIndex[id]!]! - pos.entryPriceQuote[id]!);
    }
    return equity;
  }

  private accountMaintenance(a: number): number {
    const pos = this.m.positions;
    let maintenance = 0;
    for (const id of this.m.watchedPositions[a] ?? []) {
      const size = pos.sizeBase[id]!;
      if (size <= 0) continue;
      const mi = pos.marketIndex[id]!;
      maintenance += this.m.engines[this.m.marketVenue[mi]!]!.doMaintenanceMargin(this.m.venueMarketIds[mi]!, size * this.mark[mi]!);
    }
    return maintenance;
  }

  private accountLiquidatable(a: number): boolean {
    const maintenance = this.accountMaintenance(a);
    return maintenance > 0 && this.accountEquity(a) <= maintenance;
  }

  private liquidatableNow(id: number, mi: number): boolean {
    const a = this.m.positions.accountIndex[id]!;
    if (this.m.watchedAccount[a] === 1) return this.accountLiquidatable(a);
    const trigger = this.currentTrigger(id);
    const mark = this.mark[mi]!;
    const reach = TRIGGER_REACH * Math.abs(mark);
    return this.m.positions.side[id] === 1 ? mark - reach <= trigger : mark + reach >= trigger;
  }

  // ---- execution ------------------------------------------------------------------------------------------

  /** Executes every queued liquidation that is due; returns how many closed something. */
  private executeDue(): number {
    let fills = 0;
    for (let mi = 0; mi < this.marketCount; mi++) {
      if (this.halted(mi)) continue;
      if (this.keeperOutages.market.length > 0 && inKeeperOutage(this.keeperOutages, mi, this.time)) {
        this.deferForOutage(mi);
        continue;
      }
      const ids = this.pendingId[mi]!;
      const due = this.pendingDue[mi]!;
      const generations = this.pendingGeneration[mi]!;
      let head = this.pendingHead[mi]!;
      const monitored = this.monitored;
      let warmedTo = head;
      while (head < ids.length && due.data[head]! <= this.step) {
        if (head === warmedTo) {
          warmedTo = Math.min(ids.length, head + WARM_CHUNK);
          this.warmPositions(ids.data, head, warmedTo);
        }
        const outcome = this.liquidate(mi, ids.data[head]!, generations.data[head]!);
        if (outcome < 0) break; // step cap reached: the rest waits for the next step
        fills += outcome;
        head++;
        if (monitored && outcome > 0) {
          this.monitorPrice(mi);
          if (this.halted(mi)) break; // the market left its price band: the rest waits for the halt to end
        }
      }
      if (head === ids.length) {
        ids.length = 0;
        due.length = 0;
        generations.length = 0;
        head = 0;
      }
      this.pendingHead[mi] = head;
    }
    return fills;
  }

  /**
   * Reads the columns a liquidation needs for queued positions `from` to `to`, in one tight loop. Queued
   * positions lie scattered over the columns (they are in price order, not id order), so each would cost a cache
   * miss per column when liquidated; here the loads are independent and the processor overlaps their misses.
   */
  private warmPositions(ids: Uint32Array, from: number, to: number): void {
    const pos = this.m.positions;
    const flags = this.flags;
    const trigger = this.m.trigger;
    let sink = 0;
    for (let k = from; k < to; k++) {
      const id = ids[k]!;
      sink += flags[id]! + pos.accountIndex[id]! + pos.sizeBase[id]! + pos.entryPriceQuote[id]! + pos.marginQuote[id]! + trigger[id]! + pos.side[id]!;
    }
    this.warmSink = sink;
  }

  /** Liquidates one queued position. Returns 1 if something was closed, 0 if not, -1 if the step cap is spent. */
  private liquidate(mi: number, id: number, generation: number): number {
    const pos = this.m.positions;
    const flags = this.flags;
    if ((flags[id]! & CLOSED) !== 0) return 0;
    const a = pos.accountIndex[id]!;
    const watched = this.m.watchedAccount[a] === 1;
    if (!this.liquidatableNow(id, mi)) {
      flags[id]! &= ~QUEUED;
      if (watched) this.accountQueued[a] = 0;
      else this.heaps[mi * 2 + (pos.side[id] === 1 ? 0 : 1)]!.push(id, this.currentTrigger(id));
      return 0;
    }
    if (this.capRemaining[mi]! <= 0) return -1;

    const v = this.m.marketVenue[mi]!;
    const engine = this.m.engines[v]!;
    const side = pos.side[id] as SideSign;
    const size = pos.sizeBase[id]!;
    const entry = pos.entryPriceQuote[id]!;
    const mark = this.mark[mi]!;
    const margin = watched ? this.accountEquity(a) - side * size * (mark - entry) : pos.marginQuote[id]!;
    const equity = margin + side * size * (mark - entry);
    const orderIn = this.orderIn;
    orderIn.marketId = this.m.venueMarketIds[mi]!;
    orderIn.side = side;
    orderIn.sizeBase = size;
    orderIn.entryPriceQuote = entry;
    orderIn.marginQuote = margin;
    orderIn.markPriceQuote = mark;
    orderIn.bankruptcyPriceQuote = entry - (side * margin) / size;
    orderIn.equityQuote = equity;
    orderIn.maintenanceMarginQuote = engine.doMaintenanceMargin(orderIn.marketId, size * mark);
    const last = this.lastLiquidationTime.get(id);
    orderIn.secondsSinceLastLiquidation = last === undefined ? Infinity : this.time - last;
    orderIn.insuranceFundQuote = this.fund[v]!;
    const order = this.orderOut;
    engine.doLiquidationOrder(orderIn, order);

    if (!(order.closeBase > 0)) {
      flags[id]! &= ~QUEUED;
      this.cooldownIds.push(id);
      this.cooldownReady.push((last ?? this.time) + Math.max(order.cooldownSeconds, this.stepSeconds));
      this.cooldownGeneration.push(generation);
      flags[id]! |= QUEUED;
      return 0;
    }
    let closeBase = Math.min(order.closeBase, size);
    const capBase = this.capRemaining[mi]! / mark;
    if (closeBase > capBase) {
      closeBase = capBase;
      this.recordContainment(mi, 'step-cap-reached', { positionId: id, cappedBase: capBase });
    }
    if (this.liquidatorCost[v]! > 0 && order.route === 'market' && !this.stagedDisposal && !this.keeperTakes(mi, id, closeBase, order, v)) {
      // Unprofitable for keepers: the position stays open (still queued) and is offered again next step.
      this.keeperSkips++;
      this.keeperSkipped.add(id);
      this.pendingId[mi]!.push(id);
      this.pendingDue[mi]!.push(this.step + 1);
      this.pendingGeneration[mi]!.push(generation);
      return 0;
    }
    this.touch(id);
    const stagedDisposal = this.stagedDisposal;
    let route = order.route === 'backstop' ? ROUTE_BACKSTOP : order.route === 'network' || stagedDisposal ? ROUTE_NETWORK : ROUTE_MARKET;
    let closed = 0;
    if (route === ROUTE_MARKET && this.adlEnabled[v] === 1 && this.needsAdl(mi, id, closeBase, order, v)) route = ROUTE_ADL;
    if (route === ROUTE_ADL && this.separateAdl && !this.adlPhase) {
      // Separate batches: deleveraged in the step's ADL batch, after every liquidation of the step (still queued).
      this.adlDeferredMarket.push(mi);
      this.adlDeferredId.push(id);
      this.adlDeferredGeneration.push(generation);
      return 0;
    }
    if (route === ROUTE_ADL && this.adlPolicy === 'shortfall-only') {
      closed = this.closeWithHaircut(mi, id, closeBase, order, generation, orderIn.bankruptcyPriceQuote);
    } else if (route === ROUTE_ADL) {
      closed = this.autoDeleverage(mi, id, closeBase, generation, orderIn.bankruptcyPriceQuote);
      if (closed < closeBase - SIZE_EPSILON) closed += this.closeInBook(mi, id, closeBase - closed, order, generation);
    } else if (route === ROUTE_MARKET) {
      closed = this.closeInBook(mi, id, closeBase, order, generation);
    } else {
      closed = this.takeOver(mi, id, closeBase, generation, route);
    }
    this.capRemaining[mi]! -= closed * mark;
    flags[id]! &= ~QUEUED;
    if (pos.sizeBase[id]! <= SIZE_EPSILON) {
      this.closePosition(id);
    } else {
      if (closed > 0) {
        this.lastLiquidationTime.set(id, this.time);
        this.recordContainment(mi, 'partial-liquidation', { positionId: id, closedBase: closed, remainingBase: pos.sizeBase[id]! });
      }
      if (watched) {
        this.accountQueued[a] = 0;
      } else {
        this.refreshTrigger(mi, id);
        if (closed < closeBase - SIZE_EPSILON && !this.halted(mi)) {
          // The book or the step cap stopped the order: the rest is retried next step.
          flags[id]! |= QUEUED;
          this.pendingId[mi]!.push(id);
          this.pendingDue[mi]!.push(this.step + 1);
          this.pendingGeneration[mi]!.push(generation);
        }
      }
    }
    return closed > 0 ? 1 : 0;
  }

  // ---- keepers --------------------------------------------------------------------------------------------

  /**
   * Whether a keeper sends this market-route order: its reward (the venue's `feeToLiquidatorQuote` on the close,
   * estimated from a quote of the book without trading) covers the venue's `liquidatorCostQuote`.
   */
  private keeperTakes(mi: number, id: number, closeBase: number, order: LiquidationOrderV1, v: number): boolean {
    const pos = this.m.positions;
    const orderSide: OrderSide = pos.side[id] === 1 ? 'sell' : 'buy';
    const book = this.books[mi]!;
    let size = closeBase;
    if (!Number.isNaN(order.limitPriceQuote)) size = Math.min(size, book.depthToPriceBase(orderSide, order.limitPriceQuote));
    let reward = 0;
    if (size > SIZE_EPSILON) {
      const fill = this.fill;
      book.quote(orderSide, size, fill);
      if (fill.filledBase > 0) {
        this.m.engines[v]!.doSettle(this.prepareSettlement(id, fill.filledBase, fill.averagePriceQuote, order.feeRate), this.settleOut);
        reward = this.settleOut.feeToLiquidatorQuote;
      }
    }
    return keeperLiquidates(reward, this.liquidatorCost[v]!);
  }

  /** Keepers are out on this market: everything due waits (and is counted once as deferred). */
  private deferForOutage(mi: number): void {
    const ids = this.pendingId[mi]!;
    const due = this.pendingDue[mi]!;
    for (let k = this.pendingHead[mi]!; k < ids.length && due.data[k]! <= this.step; k++) this.outageDeferred.add(ids.data[k]!);
  }

  /** Keeper counts, and the positions left open though liquidatable at the final mark (queued, not closed). */
  private keeperSummary(): KeeperSummary {
    const pos = this.m.positions;
    let pending = 0;
    for (let mi = 0; mi < this.marketCount; mi++) pending += this.pendingId[mi]!.length - this.pendingHead[mi]!;
    if (pending === 0) return this.keeperCounts(0, 0, 0);
    const seen = new Set<number>();
    const accounts = new Set<number>();
    let open = 0;
    let notional = 0;
    let unrealised = 0;
    for (let mi = 0; mi < this.marketCount; mi++) {
      const ids = this.pendingId[mi]!;
      for (let k = this.pendingHead[mi]!; k < ids.length; k++) {
        const id = ids.data[k]!;
        if (seen.has(id) || (this.flags[id]! & CLOSED) !== 0 || pos.sizeBase[id]! <= SIZE_EPSILON || !this.liquidatableNow(id, mi)) continue;
        seen.add(id);
        open++;
        const mark = this.mark[mi]!;
        notional += pos.sizeBase[id]! * mark;
        const a = pos.accountIndex[id]!;
        if (this.m.watchedAccount[a] === 1) {
          if (!accounts.has(a)) unrealised += Math.max(-this.accountEquity(a), 0);
          accounts.add(a);
        } else {
          unrealised += Math.max(-(pos.marginQuote[id]! + pos.side[id]! * pos.sizeBase[id]! * (mark - pos.entryPriceQuote[id]!)), 0);
        }
      }
    }
    return this.keeperCounts(open, notional, unrealised);
  }

  private keeperCounts(open: number, notional: number, unrealised: number): KeeperSummary {
    return {
      unprofitableSkips: this.keeperSkips,
      unprofitablePositions: this.keeperSkipped.size,
      outageDeferredPositions: this.outageDeferred.size,
      openLiquidatablePositions: open,
      openLiquidatableNotionalQuote: notional,
      unrealisedBadDebtQuote: unrealised,
      liquidatorRewardsQuote: this.liquidatorFeesQuote,
    };
  }

  /** Positions the venues took over and still hold, marked at the final mark. */
  private venuePositionSummaries(): VenuePositionSummary[] {
    const out: VenuePositionSummary[] = [];
    for (let mi = 0; mi < this.marketCount; mi++) {
      const size = this.networkBase[mi]!;
      if (size === 0) continue;
      const entry = this.networkEntry[mi]!;
      const mark = this.mark[mi]!;
      out.push({
        marketId: this.m.marketIds[mi]!, venueId: this.m.venueIds[this.m.marketVenue[mi]!]!, sizeBase: size, entryPriceQuote: entry,
        markPriceQuote: mark, unrealisedPnlQuote: size * (mark - entry),
      });
    }
    return out;
  }

  /** True when closing in the book would leave a shortfall the insurance fund cannot pay. */
  private needsAdl(mi: number, id: number, closeBase: number, order: LiquidationOrderV1, v: number): boolean {
    const pos = this.m.positions;
    const side = pos.side[id] as SideSign;
    const fill = this.fill;
    this.books[mi]!.quote(side === 1 ? 'sell' : 'buy', closeBase, fill);
    if (fill.filledBase <= 0) return true;
    const settleIn = this.prepareSettlement(id, fill.filledBase, fill.averagePriceQuote, order.feeRate);
    this.m.engines[v]!.doSettle(settleIn, this.settleOut);
    return this.settleOut.shortfallQuote > this.fund[v]! + 1e-9;
  }

  private prepareSettlement(id: number, closedBase: number, fillPrice: number, feeRate: number): SettlementInputV1 {
    const pos = this.m.positions;
    const s = this.settleIn;
    s.side = pos.side[id] as SideSign;
    s.closedBase = closedBase;
    s.entryPriceQuote = pos.entryPriceQuote[id]!;
    s.fillPriceQuote = fillPrice;
    s.marginQuote = this.marginShare(id, closedBase);
    s.feeRate = feeRate;
    return s;
  }

  /** The margin that backs `closedBase` of a position; for a watched cross account, its cash on the last close. */
  private marginShare(id: number, closedBase: number): number {
    const pos = this.m.positions;
    const a = pos.accountIndex[id]!;
    // The watched case out of line keeps this small enough to inline (a number returned from a call is boxed).
    if (this.m.watchedAccount[a] === 1) return this.watchedMarginShare(a, id, closedBase);
    return (pos.marginQuote[id]! * closedBase) / pos.sizeBase[id]!;
  }

  private watchedMarginShare(a: number, id: number, closedBase: number): number {
    return this.isLastOpen(a, id, closedBase) ? this.cash[a]! + this.assetCollateralValue(a) : 0;
  }

  private isLastOpen(a: number, id: number, closedBase: number): boolean {
    const pos = this.m.positions;
    if (pos.sizeBase[id]! - closedBase > SIZE_EPSILON) return false;
    for (const other of this.m.watchedPositions[a]!) if (other !== id && pos.sizeBase[other]! > SIZE_EPSILON) return false;
    return true;
  }

  private assetCollateralValue(a: number): number {
    let value = 0;
    for (const c of this.assetCollateral.get(a) ?? []) value += c.amount * this.mark[c.marketIndex]! * (1 - c.haircut);
    return value;
  }

  /**
   * Market route: sells (or buys) into the book, settles, and runs the loss waterfall. Returns the base closed
   * (`this.fill.filledBase` when something traded, else 0).
   */
  private closeInBook(mi: number, id: number, closeBase: number, order: LiquidationOrderV1, generation: number): number {
    const pos = this.m.positions;
    const side = pos.side[id] as SideSign;
    const orderSide: OrderSide = side === 1 ? 'sell' : 'buy';
    const book = this.books[mi]!;
    let size = closeBase;
    if (!Number.isNaN(order.limitPriceQuote)) size = Math.min(size, book.depthToPriceBase(orderSide, order.limitPriceQuote));
    if (!(size > SIZE_EPSILON)) return 0;
    const fill = this.fill;
    book.doExecute(orderSide, size, this.time, fill);
    if (!(fill.filledBase > 0)) return 0;
    this.markImpact(mi, generation);
    if (this.wants['order-filled']) {
      this.emit({
        type: 'order-filled', timeSeconds: this.time, sequence: 0, marketId: this.m.marketIds[mi]!, side: orderSide, cause: 'liquidation',
        positionId: id, filledBase: fill.filledBase, averagePriceQuote: fill.averagePriceQuote, priceAfterQuote: fill.priceAfterQuote,
      });
    }
    this.prepareSettlement(id, fill.filledBase, fill.averagePriceQuote, order.feeRate);
    this.settle(mi, id, generation, ROUTE_MARKET);
    return fill.filledBase;
  }

  /**
   * Closes the part of a position that {@link prepareSettlement} described (base closed, fill price, fee rate)
   * and moves every amount: the venue splits margin plus PnL into fee, return and shortfall; the counterparties
   * (book) take the PnL; the fund takes fees and pays the shortfall while it can; the rest is bad debt. The
   * amounts come through `this.settleIn` rather than as arguments: V8 allocates a heap number for every
   * fractional argument of a call it does not inline, and this runs once per liquidation.
   */
  private settle(mi: number, id: number, generation: number, route: number): void {
    const pos = this.m.positions;
    const a = pos.accountIndex[id]!;
    const v = this.m.marketVenue[mi]!;
    const side = pos.side[id] as SideSign;
    const watched = this.m.watchedAccount[a] === 1;
    const settleIn = this.settleIn;
    const closedBase = settleIn.closedBase;
    const fillPrice = settleIn.fillPriceQuote;
    const out = this.settleOut;
    this.m.engines[v]!.doSettle(settleIn, out);
    const pnl = side * closedBase * (fillPrice - pos.entryPriceQuote[id]!);
    const marginUsed = settleIn.marginQuote;
    const remainingBase = pos.sizeBase[id]! - closedBase;

    this.externalQuote -= pnl;
    if (watched) {
      if (marginUsed !== 0) this.sellAssetCollateral(a);
      this.cash[a]! -= marginUsed;
    } else {
      pos.marginQuote[id]! -= marginUsed;
    }
    pos.sizeBase[id] = remainingBase > SIZE_EPSILON ? remainingBase : 0;
    this.payFees(v, out.feeToFundQuote, out.feeToLiquidatorQuote);
    let shortfall = out.shortfallQuote;
    if (watched && marginUsed === 0) {
      // Not the account's last position: its cash absorbs the result before any fund payment.
      this.cash[a]! += out.returnedToAccountQuote - shortfall;
      shortfall = 0;
    } else if (!watched && pos.sizeBase[id]! > 0) {
      pos.marginQuote[id]! += out.returnedToAccountQuote; // a partial close leaves its proceeds as margin
    } else {
      this.cash[a]! += out.returnedToAccountQuote;
    }
    this.recordLiquidation(mi, id, generation, route);
    if (shortfall > 0) this.coverShortfall(mi, id, shortfall);
  }

  private payFees(v: number, toFund: number, toLiquidator: number): void {
    if (toFund !== 0) {
      this.fund[v]! += toFund;
      this.fundFees[v]! += toFund;
      this.emitFund(v, toFund, 'fee');
    }
    this.liquidatorFeesQuote += toLiquidator;
  }

  /** Loss waterfall after the margin: the insurance fund pays what it can; the rest is bad debt. */
  private coverShortfall(mi: number, id: number, shortfall: number): void {
    const v = this.m.marketVenue[mi]!;
    const paid = Math.min(shortfall, Math.max(this.fund[v]!, 0));
    if (paid > 0) {
      this.fund[v]! -= paid;
      this.fundPaid[v]! += paid;
      if (this.fund[v]! < this.fundMinimum[v]!) this.fundMinimum[v] = this.fund[v]!;
      this.emitFund(v, -paid, 'shortfall');
    }
    let unpaid = shortfall - paid;
    if (this.haircutOpen && unpaid > 0) {
      // shortfall-only ADL: what the fund cannot pay is taken from winners' profit before it becomes bad debt.
      this.haircutDeficit += shortfall;
      this.haircutNeeded += unpaid;
      unpaid -= this.haircutWinners(mi, id, unpaid);
      if (unpaid < 0) unpaid = 0;
    } else if (this.haircutOpen) {
      this.haircutDeficit += shortfall;
    }
    if (unpaid > 0) this.venueBadDebt[v]! += unpaid;
    if (unpaid > 1e-9) {
      this.badDebtQuote += unpaid;
      if (this.wants['bad-debt']) {
        this.emit({ type: 'bad-debt', timeSeconds: this.time, sequence: 0, marketId: this.m.marketIds[mi]!, positionId: id, amountQuote: unpaid, socialised: false });
      }
    } else if (unpaid > 0) {
      this.badDebtQuote += unpaid;
    }
  }

  private sellAssetCollateral(a: number): void {
    const value = this.assetCollateralValue(a);
    if (value === 0) return;
    // Seized asset collateral is sold at its haircut value to outside buyers (no book impact modelled).
    this.cash[a]! += value;
    this.externalQuote -= value;
    this.assetCollateral.set(a, []);
  }


  /**
   * Auto-deleveraging: closes `closeBase` of the bankrupt position against profitable opposite positions, chosen and
   * priced by the run's ADL policy (`AdlPolicyV1`), and records what the close needed and what the winners gave up.
   * Returns the base matched.
   */
  private autoDeleverage(mi: number, id: number, closeBase: number, generation: number, bankruptcyPrice: number): number {
    const pos = this.m.positions;
    const side = pos.side[id] as SideSign;
    const v = this.m.marketVenue[mi]!;
    const mark = this.mark[mi]!;
    const fundAvailable = Math.max(this.fund[v]!, 0);
    const deficit = closeBase * Math.max(0, side * (bankruptcyPrice - mark));
    const shortfall = Math.max(0, deficit - fundAvailable);
    const policy = this.adlPolicy;
    const price = bankruptcyPrice;
    const first = this.fills.adlCount;
    const matched = policy === 'ranking' ? this.deleverageByRank(mi, id, closeBase, generation, price) : this.deleverageProRata(mi, id, closeBase, generation, price);
    this.recordAdlAction(mi, id, first, closeBase, matched, mark, bankruptcyPrice, price, deficit, fundAvailable, shortfall);
    return matched;
  }

  /** `ranking`: the venue's queue, highest ADL score first, each winner matched up to its size. Returns the base matched. */
  private deleverageByRank(mi: number, id: number, closeBase: number, generation: number, price: number): number {
    const pos = this.m.positions;
    const side = pos.side[id] as SideSign;
    const segment = mi * 2 + (side === 1 ? 1 : 0);
    const queue = this.adlQueue(mi, segment);
    let matched = 0;
    let k = this.adlPointer[segment]!;
    while (matched < closeBase - SIZE_EPSILON && k < queue.length) {
      const c = queue[k]!;
      const available = pos.sizeBase[c]!;
      if (available <= SIZE_EPSILON || (this.flags[c]! & CLOSED) !== 0 || c === id) {
        k++;
        continue;
      }
      const q = Math.min(closeBase - matched, available);
      this.adlFill(mi, id, c, q, price, generation);
      if (pos.sizeBase[c] === 0) k++;
      matched += q;
    }
    this.adlPointer[segment] = k;
    return matched;
  }

  /** `pro-rata`: every winner in the queue takes a share of `closeBase` in proportion to its size. Returns the base matched. */
  private deleverageProRata(mi: number, id: number, closeBase: number, generation: number, price: number): number {
    const pos = this.m.positions;
    const side = pos.side[id] as SideSign;
    const queue = this.adlQueue(mi, mi * 2 + (side === 1 ? 1 : 0));
    const n = queue.length;
    const available = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const c = queue[k]!;
      const size = pos.sizeBase[c]!;
      if (size <= SIZE_EPSILON || (this.flags[c]! & CLOSED) !== 0 || c === id) continue;
      available[k] = size;
    }
    const weight = available;
    const share = new Float64Array(n);
    allocateProRata(available, weight, n, closeBase, share);
    let matched = 0;
    for (let k = 0; k < n; k++) {
      const c = queue[k]!;
      const q = Math.min(share[k]!, closeBase - matched, pos.sizeBase[c]!);
      if (!(q > SIZE_EPSILON)) continue;
      this.adlFill(mi, id, c, q, price, generation);
      matched += q;
    }
    return matched;
  }

  /**
   * `shortfall-only` (risk-aware): the bankrupt close goes into the book as a normal liquidation; the fund pays its
   * shortfall while it can, and what it cannot pay is taken from the profitable opposite positions' unrealised profit
   * (in `coverShortfall`), never more. Winners keep their positions. Returns the base closed.
   */
  private closeWithHaircut(mi: number, id: number, closeBase: number, order: LiquidationOrderV1, generation: number, bankruptcyPrice: number): number {
    const v = this.m.marketVenue[mi]!;
    const mark = this.mark[mi]!;
    const fundAvailable = Math.max(this.fund[v]!, 0);
    const first = this.fills.adlCount;
    this.haircutOpen = true;
    this.haircutDeficit = 0;
    this.haircutNeeded = 0;
    let closed = 0;
    try {
      closed = this.closeInBook(mi, id, closeBase, order, generation);
    } finally {
      this.haircutOpen = false;
    }
    const fillPrice = closed > 0 ? this.fill.averagePriceQuote : mark;
    this.recordAdlAction(mi, id, first, closeBase, 0, mark, bankruptcyPrice, fillPrice, this.haircutDeficit, fundAvailable, this.haircutNeeded);
    return closed;
  }

  /**
   * Takes `amountQuote` from the unrealised profit of the positions opposite `id` that are in profit at mark, in
   * proportion to size × leverage at mark (riskier winners give more; Chitra et al. 2025, risk-aware pro-rata), each
   * capped at its profit (water-filling). Their margin (isolated) or cash (cross) pays; the positions stay open and
   * their liquidation prices are recomputed. Returns the amount taken (less than asked only when profits run out).
   */
  private haircutWinners(mi: number, id: number, amountQuote: number): number {
    const pos = this.m.positions;
    const side = pos.side[id] as SideSign;
    const queue = this.adlQueue(mi, mi * 2 + (side === 1 ? 1 : 0));
    const mark = this.mark[mi]!;
    const n = queue.length;
    const profit = new Float64Array(n);
    const weight = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const c = queue[k]!;
      const size = pos.sizeBase[c]!;
      if (size <= SIZE_EPSILON || (this.flags[c]! & CLOSED) !== 0 || c === id) continue;
      const upnl = pos.side[c]! * size * (mark - pos.entryPriceQuote[c]!);
      if (!(upnl > 0)) continue;
      const ca = pos.accountIndex[c]!;
      const margin = this.m.watchedAccount[ca] === 1 ? this.cash[ca]! : pos.marginQuote[c]!;
      const equity = margin + upnl;
      profit[k] = upnl;
      weight[k] = size * (equity > 0 ? (size * mark) / equity : 1);
    }
    const share = new Float64Array(n);
    allocateProRata(profit, weight, n, amountQuote, share);
    let taken = 0;
    for (let k = 0; k < n; k++) {
      const h = Math.min(share[k]!, amountQuote - taken);
      if (!(h > 0)) continue;
      const c = queue[k]!;
      const ca = pos.accountIndex[c]!;
      this.touch(c);
      if (this.m.watchedAccount[ca] === 1) {
        this.cash[ca]! -= h;
      } else {
        pos.marginQuote[c]! -= h;
        this.refreshTrigger(mi, c);
      }
      taken += h;
      this.recordAdl(mi, id, c, 0, mark, h);
    }
    return taken;
  }

  /** One ADL fill: `q` of winner `c` closes against the bankrupt position `id` at `price`; both sides settle. */
  private adlFill(mi: number, id: number, c: number, q: number, price: number, generation: number): void {
    const pos = this.m.positions;
    const available = pos.sizeBase[c]!;
    this.touch(c);
    const cSide = pos.side[c]!;
    const ca = pos.accountIndex[c]!;
    const cWatched = this.m.watchedAccount[ca] === 1;
    const cMargin = cWatched ? 0 : (pos.marginQuote[c]! * q) / available;
    const cPnl = cSide * q * (price - pos.entryPriceQuote[c]!);
    if (!cWatched) pos.marginQuote[c]! -= cMargin;
    this.cash[ca]! += cMargin + cPnl;
    this.externalQuote -= cPnl;
    pos.sizeBase[c] = available - q > SIZE_EPSILON ? available - q : 0;
    if (pos.sizeBase[c] === 0) this.closePosition(c);
    const profitGivenUp = cSide * q * (this.mark[mi]! - price);
    this.recordAdl(mi, id, c, q, price, profitGivenUp);
    this.prepareSettlement(id, q, price, 0);
    this.settle(mi, id, generation, ROUTE_ADL);
  }

  /**
   * The step's ADL batch (separate batching): the closes the liquidation batch left for ADL are liquidated again, in
   * the order they were left, now allowed to deleverage. What a halt or the step cap stops waits for the next step.
   */
  private runAdlBatch(): void {
    this.adlPhase = true;
    const markets = this.adlDeferredMarket;
    const ids = this.adlDeferredId;
    const generations = this.adlDeferredGeneration;
    for (let k = 0; k < ids.length; k++) {
      const mi = markets.data[k]!;
      const id = ids.data[k]!;
      const generation = generations.data[k]!;
      if (this.halted(mi) || this.liquidate(mi, id, generation) < 0) {
        this.pendingId[mi]!.push(id);
        this.pendingDue[mi]!.push(this.step + 1);
        this.pendingGeneration[mi]!.push(generation);
      }
    }
    markets.length = 0;
    ids.length = 0;
    generations.length = 0;
    this.adlPhase = false;
  }

  /** Per-step fill counts of the two batches, and their totals. */
  private batchReport(): NonNullable<CascadeReport['batches']> {
    let liquidationBatches = 0;
    let adlBatches = 0;
    let maxLiquidationFillsPerBatch = 0;
    let maxAdlFillsPerBatch = 0;
    for (let k = 0; k < this.timelineLiquidationFills.length; k++) {
      const c = this.timelineLiquidationFills.data[k]!;
      if (c > 0) liquidationBatches++;
      maxLiquidationFillsPerBatch = Math.max(maxLiquidationFillsPerBatch, c);
    }
    for (let k = 0; k < this.timelineAdlFills.length; k++) {
      const c = this.timelineAdlFills.data[k]!;
      if (c > 0) adlBatches++;
      maxAdlFillsPerBatch = Math.max(maxAdlFillsPerBatch, c);
    }
    return {
      liquidationFills: this.timelineLiquidationFills.toArray(),
      adlFills: this.timelineAdlFills.toArray(),
      summary: {
        batching: this.separateAdl ? 'separate' : 'interleaved', liquidationBatches, adlBatches, maxLiquidationFillsPerBatch, maxAdlFillsPerBatch,
      },
    };
  }

  /** Opposite-side positions in profit at mark, by the venue's ADL score (built once per market side and step). */
  private adlQueue(mi: number, segment: number): Uint32Array {
    const cached = this.adlLists[segment];
    // Venues publish their ADL queue periodically rather than per trade: the ranking is rebuilt when it is older
    // than ADL_REFRESH_SECONDS or the mark has moved more than ADL_REFRESH_MOVE since it was built.
    if (
      cached &&
      this.time - this.adlBuiltTime[segment]! < ADL_REFRESH_SECONDS &&
      Math.abs(this.mark[mi]! - this.adlBuiltMark[segment]!) <= ADL_REFRESH_MOVE * this.adlBuiltMark[segment]!
    ) {
      return cached;
    }
    const pos = this.m.positions;
    const wantSide = segment % 2 === 0 ? 1 : -1;
    const mark = this.mark[mi]!;
    const engine = this.m.engines[this.m.marketVenue[mi]!]!;
    const ids = this.adlIds[segment]!;
    const keys = this.adlKeys[segment]!;
    ids.length = 0;
    keys.length = 0;
    const candidate = { side: 1 as SideSign, sizeBase: 0, entryPriceQuote: 0, marginQuote: 0, markPriceQuote: mark };
    for (let i = 0; i < pos.count; i++) {
      if (pos.marketIndex[i] !== mi || pos.side[i] !== wantSide || pos.sizeBase[i]! <= SIZE_EPSILON || (this.flags[i]! & CLOSED) !== 0) continue;
      const pnl = wantSide * (mark - pos.entryPriceQuote[i]!);
      if (pnl <= 0) continue;
      candidate.side = wantSide;
      candidate.sizeBase = pos.sizeBase[i]!;
      candidate.entryPriceQuote = pos.entryPriceQuote[i]!;
      candidate.marginQuote = this.m.watchedAccount[pos.accountIndex[i]!] === 1 ? this.cash[pos.accountIndex[i]!]! : pos.marginQuote[i]!;
      const score = engine.doAdlScore(candidate);
      ids.push(i);
      // Highest score first (sorted by the negated score), ties by position id; a score that is not a number last.
      keys.push(score === score ? -score : Infinity);
    }
    sortByKey(ids.data, keys.data, 0, ids.length);
    const list = ids.data.subarray(0, ids.length);
    this.adlLists[segment] = list;
    this.adlBuiltTime[segment] = this.time;
    this.adlBuiltMark[segment] = mark;
    this.adlPointer[segment] = 0;
    return list;
  }

  /**
   * Backstop or network route: the venue takes the position over at the mark price. The position's equity at
   * mark goes to the insurance fund (a negative equity is paid by it); the venue holds the position and, with
   * staged disposal configured, sells it off in stages.
   */
  private takeOver(mi: number, id: number, closeBase: number, generation: number, route: number): number {
    const pos = this.m.positions;
    const a = pos.accountIndex[id]!;
    const v = this.m.marketVenue[mi]!;
    const side = pos.side[id]!;
    const mark = this.mark[mi]!;
    const marginUsed = this.marginShare(id, closeBase);
    const pnl = side * closeBase * (mark - pos.entryPriceQuote[id]!);
    const watched = this.m.watchedAccount[a] === 1;
    if (watched) {
      if (marginUsed !== 0) this.sellAssetCollateral(a);
      this.cash[a]! -= marginUsed;
    } else {
      pos.marginQuote[id]! -= marginUsed;
    }
    pos.sizeBase[id] = pos.sizeBase[id]! - closeBase > SIZE_EPSILON ? pos.sizeBase[id]! - closeBase : 0;
    this.externalQuote -= pnl;
    const equity = marginUsed + pnl;
    if (equity > 0) {
      this.fund[v]! += equity;
      this.emitFund(v, equity, 'takeover');
    }
    const before = this.networkBase[mi]!;
    const after = before + side * closeBase;
    this.networkEntry[mi] = after === 0 ? 0 : (before * this.networkEntry[mi]! + side * closeBase * mark) / after;
    if (before === 0) this.nextDisposalTime[mi] = this.time;
    this.networkBase[mi] = after;
    this.recordContainment(mi, 'network-takeover', { positionId: id, sizeBase: closeBase, priceQuote: mark });
    // The take-over as a settlement at the mark: the equity goes to the fund, nothing returns to the account.
    this.settleIn.closedBase = closeBase;
    this.settleIn.fillPriceQuote = mark;
    const out = this.settleOut;
    out.feeToFundQuote = Math.max(equity, 0);
    out.feeToLiquidatorQuote = 0;
    out.returnedToAccountQuote = 0;
    out.shortfallQuote = Math.max(-equity, 0);
    this.recordLiquidation(mi, id, generation, route);
    if (equity < 0) this.coverShortfall(mi, id, -equity);
    return closeBase;
  }

  /** Staged disposal of the venue's positions (Vega network): one order per time step, sized by the Vega rule. */
  private disposeNetworkPositions(): void {
    const params = this.m.input.containment?.stagedDisposal;
    if (!params) return;
    for (let mi = 0; mi < this.marketCount; mi++) {
      const position = this.networkBase[mi]!;
      if (position === 0 || this.halted(mi) || this.time < this.nextDisposalTime[mi]! - 1e-9) continue;
      const book = this.books[mi]!;
      const orderSide: OrderSide = position > 0 ? 'sell' : 'buy';
      const mid = book.midPriceQuote();
      const bound = orderSide === 'sell' ? mid * (1 - params.disposalSlippageFraction) : mid * (1 + params.disposalSlippageFraction);
      const availableLots = Math.floor(book.depthToPriceBase(orderSide, bound) / params.lotSizeBase + 1e-9);
      const positionLots = Math.round(Math.abs(position) / params.lotSizeBase);
      const lots = disposalOrderLots(positionLots, availableLots, params);
      if (lots === 0) continue; // no volume: no order, and the timer waits (Vega OnTick)
      const fill = this.fill;
      book.doExecute(orderSide, Math.min(lots * params.lotSizeBase, Math.abs(position)), this.time, fill);
      if (!(fill.filledBase > 0)) continue;
      const sign = position > 0 ? 1 : -1;
      const pnl = sign * fill.filledBase * (fill.averagePriceQuote - this.networkEntry[mi]!);
      this.externalQuote -= pnl;
      const v = this.m.marketVenue[mi]!;
      if (pnl >= 0) {
        this.fund[v]! += pnl;
        if (pnl > 0) this.emitFund(v, pnl, 'disposal');
      } else {
        this.coverShortfall(mi, -1, -pnl);
      }
      const left = position - sign * fill.filledBase;
      this.networkBase[mi] = Math.abs(left) < params.lotSizeBase * 1e-9 ? 0 : left;
      this.nextDisposalTime[mi] = this.time + params.timeStepSeconds;
      this.recordContainment(mi, 'disposal-order', { sizeBase: fill.filledBase, lots, priceQuote: fill.averagePriceQuote, remainingBase: this.networkBase[mi]! });
    }
  }

  private refreshTrigger(mi: number, id: number): void {
    const pos = this.m.positions;
    const t = this.triggerIn;
    t.marketId = this.m.venueMarketIds[mi]!;
    t.side = pos.side[id] as SideSign;
    t.sizeBase = pos.sizeBase[id]!;
    t.entryPriceQuote = pos.entryPriceQuote[id]!;
    t.marginQuote = pos.marginQuote[id]!;
    this.m.engines[this.m.marketVenue[mi]!]!.doPriceTriggers(t, this.triggerOut);
    const trigger = this.triggerOut.liquidationPriceQuote;
    this.triggerOverride.set(id, trigger);
    this.flags[id]! |= OVERRIDDEN;
    this.heaps[mi * 2 + (t.side === 1 ? 0 : 1)]!.push(id, trigger);
  }

  private closePosition(id: number): void {
    this.flags[id]! |= CLOSED;
    this.flags[id]! &= ~QUEUED;
    const pos = this.m.positions;
    // Whatever margin is left (rounding dust) returns to the account.
    if (pos.marginQuote[id]! !== 0) {
      this.cash[pos.accountIndex[id]!]! += pos.marginQuote[id]!;
      pos.marginQuote[id] = 0;
    }
  }

  private markImpact(mi: number, generation: number): void {
    if (generation > this.impactGeneration[mi]!) this.impactGeneration[mi] = generation;
  }

  // ---- journal --------------------------------------------------------------------------------------------

  private touch(id: number): void {
    if ((this.flags[id]! & TOUCHED) !== 0) return;
    this.flags[id]! |= TOUCHED;
    this.journalIds.push(id);
    this.journalSize.push(this.m.positions.sizeBase[id]!);
    this.journalMargin.push(this.m.positions.marginQuote[id]!);
  }

  // ---- records --------------------------------------------------------------------------------------------

  /** Records the close the last settlement describes (`this.settleIn`, `this.settleOut`; see {@link settle}). */
  private recordLiquidation(mi: number, id: number, generation: number, route: number): void {
    const closedBase = this.settleIn.closedBase;
    const price = this.settleIn.fillPriceQuote;
    const feeToFund = this.settleOut.feeToFundQuote;
    const shortfall = this.settleOut.shortfallQuote;
    const notional = closedBase * price;
    this.stepLiquidated[mi]! += notional;
    this.liquidatedNotional += notional;
    if ((this.flags[id]! & LIQUIDATED) === 0) {
      this.flags[id]! |= LIQUIDATED;
      this.liquidatedPositionCount++;
    }
    if (generation > this.maxGeneration) this.maxGeneration = generation;
    while (this.generationCounts.length < generation) this.generationCounts.push(0);
    this.generationCounts[generation - 1]!++;
    const pos = this.m.positions;
    this.fills.addLiquidation(this.time, id, mi, pos.accountIndex[id]!, pos.side[id] === 1, route, generation, this.settleIn, this.settleOut);
    if (route !== ROUTE_ADL) this.stepLiquidationFills++;
    if (this.wants['position-liquidated']) {
      this.emit({
        type: 'position-liquidated', timeSeconds: this.time, sequence: 0, marketId: this.m.marketIds[mi]!, positionId: id,
        accountId: this.m.accountIds[pos.accountIndex[id]!]!, side: pos.side[id] as SideSign, closedBase, remainingBase: pos.sizeBase[id]!,
        fillPriceQuote: price, route: ROUTE_NAMES[route]!, generation, feeToFundQuote: feeToFund,
        returnedToAccountQuote: this.settleOut.returnedToAccountQuote, shortfallQuote: shortfall,
      });
    }
  }

  /** Records one ADL fill of winner `c` against bankrupt position `id` (and emits it when asked). */
  private recordAdl(mi: number, id: number, c: number, sizeBase: number, price: number, profitGivenUp: number): void {
    this.fills.addAdl(this.time, mi, id, c, this.m.positions.accountIndex[c]!, sizeBase, price, profitGivenUp);
    this.stepAdlFills++;
    if (this.wants['adl']) this.emit({ type: 'adl', sequence: 0, ...this.fills.adlRecord(this.fills.adlCount - 1, this.m) });
  }

  /** Records one bankrupt close handed to ADL (its fills are those recorded since `firstAdl`). */
  private recordAdlAction(
    mi: number, id: number, firstAdl: number, closeBase: number, matchedBase: number, mark: number, bankruptcyPrice: number, fillPrice: number,
    deficit: number, fundAvailable: number, shortfall: number,
  ): void {
    const pos = this.m.positions;
    this.fills.addAdlAction(
      this.time, mi, id, pos.accountIndex[id]!, pos.side[id] === 1, this.adlPhase, firstAdl, closeBase, matchedBase, mark, bankruptcyPrice, fillPrice,
      deficit, fundAvailable, shortfall,
    );
  }

  private recordContainment(mi: number, action: ContainmentRecord['action'], detail: Record<string, number | string>): void {
    const record: ContainmentRecord = { timeSeconds: this.time, marketId: this.m.marketIds[mi]!, action, detail };
    this.containment.push(record);
    if (this.wants['containment']) {
      this.emit({ type: 'containment', timeSeconds: this.time, sequence: 0, marketId: record.marketId, action: action as never, detail });
    }
  }

  private emitFund(v: number, delta: number, reason: 'fee' | 'shortfall' | 'takeover' | 'disposal'): void {
    if (this.fund[v]! < this.fundMinimum[v]!) this.fundMinimum[v] = this.fund[v]!;
    if (!this.wants['insurance-fund-change']) return;
    this.emit({ type: 'insurance-fund-change', timeSeconds: this.time, sequence: 0, venueId: this.m.venueIds[v]!, deltaQuote: delta, balanceQuote: this.fund[v]!, reason });
  }

  private emit(event: CascadeEventV1): void {
    (event as { sequence: number }).sequence = this.sequence++;
    this.options.onEvent!(event);
  }

  private recordTimeline(): void {
    this.timelineTime.push(this.time);
    for (let mi = 0; mi < this.marketCount; mi++) {
      this.timelineMid[mi]!.push(this.books[mi]!.midPriceQuote());
      this.timelineMark[mi]!.push(this.mark[mi]!);
      this.timelineLiquidated[mi]!.push(this.stepLiquidated[mi]!);
    }
    for (let v = 0; v < this.venueCount; v++) this.timelineFund[v]!.push(this.fund[v]!);
    this.timelineLiquidationFills.push(this.stepLiquidationFills);
    this.timelineAdlFills.push(this.stepAdlFills);
  }

  // ---- end of run -----------------------------------------------------------------------------------------

  private isQuiet(): boolean {
    if (this.time < this.lastShockSeconds) return false;
    for (let mi = 0; mi < this.marketCount; mi++) {
      if (this.pendingHead[mi]! < this.pendingId[mi]!.length) return false;
      if (this.networkBase[mi] !== 0) return false;
      if (this.halted(mi)) return false;
      if (this.referencePrice(mi, this.time) !== this.referencePrice(mi, this.time + this.stepSeconds * (this.maxDelaySteps + 1))) return false;
      if (this.mark[mi] !== this.books[mi]!.midPriceQuote()) return false;
    }
    for (const link of this.m.links) {
      const a = this.books[link.a]!.midPriceQuote();
      const b = this.books[link.b]!.midPriceQuote();
      if (Math.abs(a - b) > link.minGapFraction * Math.min(a, b)) return false;
    }
    return this.cooldownIds.length === 0;
  }

  /** Quiet, and no book is still recovering: each is back at its reference or did not move this step. */
  private isSettled(): boolean {
    const last = this.timelineTime.length - 1;
    for (let mi = 0; mi < this.marketCount; mi++) {
      const book = this.books[mi]!;
      const reference = book.referencePriceQuote();
      const mid = book.midPriceQuote();
      if (Math.abs(mid - reference) <= 1e-9 * reference) continue;
      if (last < 1) return false;
      const previous = this.timelineMid[mi]!.data[last - 1]!;
      if (Math.abs(mid - previous) > 1e-12 * reference) return false;
    }
    return true;
  }

  private ledgerTotal(): number {
    const pos = this.m.positions;
    let total = this.externalQuote + this.liquidatorFeesQuote - this.badDebtQuote;
    for (let a = 0; a < this.cash.length; a++) total += this.cash[a]!;
    for (let i = 0; i < pos.count; i++) total += pos.marginQuote[i]!;
    for (let v = 0; v < this.venueCount; v++) total += this.fund[v]!;
    return total;
  }

  private checkConservation(): void {
    const total = this.ledgerTotal();
    const scale = Math.max(1, Math.abs(this.ledgerStart));
    if (Math.abs(total - this.ledgerStart) > 1e-7 * scale) {
      throw new FiresaleError('ENGINE__INVARIANT_BROKEN', {
        invariant: 'conservation',
        detail: `value changed by ${total - this.ledgerStart} at t=${this.time}`,
      });
    }
    for (let v = 0; v < this.venueCount; v++) {
      if (this.fund[v]! < -1e-9) {
        throw new FiresaleError('ENGINE__INVARIANT_BROKEN', { invariant: 'fund non-negative', detail: `fund ${v} at ${this.fund[v]}` });
      }
    }
  }

  /**
   * What a finished run reports, read in place instead of built as a report (a Monte Carlo path folds it into its
   * summary and keeps nothing): the same numbers as {@link CascadeRun.report}, in objects this run reuses.
   */
  outcome(): RunOutcome {
    const M = this.marketCount;
    const o = (this.outcomeView ??= new OutcomeView(this.m.marketIds));
    const { notionalByMarket, countByMarket } = this.tallyLiquidations();
    this.writeRunSummary(o.summary);
    for (let mi = 0; mi < M; mi++) {
      this.writeMarketSummary(mi, o.markets[mi]!, notionalByMarket, countByMarket);
      o.midData[mi] = this.timelineMid[mi]!.data;
    }
    let exhausted = false;
    for (let v = 0; v < this.venueCount; v++) exhausted ||= this.fundExhausted(v);
    o.insuranceFundExhausted = exhausted;
    o.timelineLength = this.timelineTime.length;
    o.timeData = this.timelineTime.data;
    const fills = this.fills;
    const f = o.liquidationFills;
    f.count = fills.liquidationCount;
    f.positionId = fills.liqPosition.data;
    f.closedBase = fills.liqClosedBase.data;
    f.fillPriceQuote = fills.liqPrice.data;
    f.feeToFundQuote = fills.liqFee.data;
    return o;
  }

  /** Liquidated notional (closed base × fill price) and fill count per market, over every liquidation fill. */
  private tallyLiquidations(): { readonly notionalByMarket: Float64Array; readonly countByMarket: Uint32Array } {
    const fills = this.fills;
    const tally = this.liquidationTally;
    tally.notionalByMarket = this.scratch.growables.float64(this.marketCount);
    tally.countByMarket = this.scratch.growables.uint32(this.marketCount);
    for (let k = 0; k < fills.liquidationCount; k++) {
      const mi = fills.liqMarket.data[k]!;
      tally.notionalByMarket[mi]! += fills.liqClosedBase.data[k]! * fills.liqPrice.data[k]!;
      tally.countByMarket[mi]!++;
    }
    return tally;
  }

  /** A fund is exhausted once it paid out and went down to (within 1e-9 of) nothing. */
  private fundExhausted(v: number): boolean {
    return this.fundMinimum[v]! <= 1e-9 && this.fundPaid[v]! > 0;
  }

  /** Writes the run's totals into `out` (the report's `summary`). */
  private writeRunSummary(out: Mutable<RunSummary>): Mutable<RunSummary> {
    const fills = this.fills;
    let adlNotional = 0;
    for (let k = 0; k < fills.adlCount; k++) adlNotional += fills.adlSize.data[k]! * fills.adlPrice.data[k]!;
    let fundUsed = 0;
    for (let v = 0; v < this.venueCount; v++) fundUsed += this.fundPaid[v]!;
    out.positions = this.m.positions.count;
    out.liquidations = fills.liquidationCount;
    out.liquidatedPositions = this.liquidatedPositionCount;
    out.liquidatedNotionalQuote = this.liquidatedNotional;
    out.generations = this.maxGeneration;
    out.adlCount = fills.adlCount;
    out.adlNotionalQuote = adlNotional;
    out.badDebtQuote = this.badDebtQuote;
    out.socialisedLossQuote = this.badDebtQuote;
    out.insuranceFundUsedQuote = fundUsed;
    out.durationSeconds = this.time;
    return out;
  }

  /**
   * Writes market `mi`'s summary into `out`: its prices and moves from the timeline of mids, its liquidations from
   * `notionalByMarket` and `countByMarket` ({@link CascadeRun.tallyLiquidations}).
   */
  private writeMarketSummary(mi: number, out: Mutable<MarketSummary>, notionalByMarket: Float64Array, countByMarket: Uint32Array): Mutable<MarketSummary> {
    const series = this.timelineMid[mi]!.data;
    const n = this.timelineMid[mi]!.length;
    const times = this.timelineTime.data;
    const initial = this.initialPrice[mi]!;
    const exogenous = this.referencePrice(mi, Infinity);
    const falling = exogenous <= initial;
    let troughIndex = 0;
    let peakIndex = 0;
    for (let k = 1; k < n; k++) {
      if (series[k]! < series[troughIndex]!) troughIndex = k;
      if (series[k]! > series[peakIndex]!) peakIndex = k;
    }
    const trough = n > 0 ? series[troughIndex]! : initial;
    const peak = n > 0 ? series[peakIndex]! : initial;
    const extremeIndex = falling ? troughIndex : peakIndex;
    const extreme = falling ? trough : peak;
    const exogenousMove = Math.abs(initial - exogenous);
    const adverseMove = Math.abs(initial - extreme);
    let halfRecovery: number | null = null;
    const overshoot = falling ? exogenous - extreme : extreme - exogenous;
    if (overshoot <= 1e-12 * initial) {
      halfRecovery = 0;
    } else {
      const target = falling ? extreme + overshoot / 2 : extreme - overshoot / 2;
      for (let k = extremeIndex; k < n; k++) {
        if (falling ? series[k]! >= target : series[k]! <= target) {
          halfRecovery = times[k]! - times[extremeIndex]!;
          break;
        }
      }
    }
    out.initialPriceQuote = initial;
    out.exogenousPriceQuote = exogenous;
    out.troughPriceQuote = trough;
    out.peakPriceQuote = peak;
    out.finalPriceQuote = n > 0 ? series[n - 1]! : initial;
    out.troughDropFraction = (initial - trough) / initial;
    out.exogenousMoveFraction = exogenousMove / initial;
    out.amplification = exogenousMove > 0 ? adverseMove / exogenousMove : 0;
    out.timeToTroughSeconds = n > 0 ? times[extremeIndex]! : 0;
    out.halfRecoverySeconds = halfRecovery;
    out.liquidatedCount = countByMarket[mi]!;
    out.liquidatedNotionalQuote = notionalByMarket[mi]!;
    out.haltedSeconds = this.haltedSeconds[mi]!;
    return out;
  }

  private buildReport(): CascadeReport {
    const M = this.marketCount;
    const times = this.timelineTime.toArray();
    const mids: Record<string, number[]> = {};
    const marks: Record<string, number[]> = {};
    const liquidated: Record<string, number[]> = {};
    const funds: Record<string, number[]> = {};
    const markets: MarketSummary[] = [];
    const fills = this.fills;
    const detail = this.options.detail ?? 'full';
    const liquidations = detail === 'full' ? fills.liquidationRecords(this.m) : [];
    const { notionalByMarket, countByMarket } = this.tallyLiquidations();
    for (let mi = 0; mi < M; mi++) {
      const id = this.m.marketIds[mi]!;
      mids[id] = this.timelineMid[mi]!.toArray();
      marks[id] = this.timelineMark[mi]!.toArray();
      liquidated[id] = this.timelineLiquidated[mi]!.toArray();
      markets.push(this.writeMarketSummary(mi, newMarketSummary(id), notionalByMarket, countByMarket));
    }
    const insuranceFunds = [];
    for (let v = 0; v < this.venueCount; v++) {
      const venueId = this.m.venueIds[v]!;
      funds[venueId] = this.timelineFund[v]!.toArray();
      insuranceFunds.push({
        venueId,
        initialQuote: this.m.input.venues[v]!.insuranceFundQuote,
        finalQuote: this.fund[v]!,
        minimumQuote: this.fundMinimum[v]!,
        feesInQuote: this.fundFees[v]!,
        paidOutQuote: this.fundPaid[v]!,
        exhausted: this.fundExhausted(v),
        badDebtQuote: this.venueBadDebt[v]!,
      });
    }
    return {
      reportVersion: REPORT_VERSION,
      seed: this.options.seed ?? 0,
      summary: this.writeRunSummary(newRunSummary()),
      markets,
      insuranceFunds,
      timeline: { timeSeconds: times, midPriceQuote: mids, markPriceQuote: marks, liquidatedNotionalQuote: liquidated, insuranceFundQuote: funds },
      liquidations,
      adl: detail === 'columns' ? [] : fills.adlRecords(this.m),
      ...(detail === 'columns' ? { fillColumns: fills.columns() } : {}),
      containment: this.containment,
      liquidationsByGeneration: this.generationCounts,
      arbitrage: this.m.links.map((link, l) => ({
        marketIds: [this.m.marketIds[link.a]!, this.m.marketIds[link.b]!] as const,
        movedBase: this.linkMovedBase[l]!,
        movedNotionalQuote: this.linkMovedQuote[l]!,
      })),
      adlActions: detail === 'columns' ? [] : fills.adlActionRecords(this.m, this.adlPolicy),
      batches: this.batchReport(),
      keepers: this.keeperSummary(),
      venuePositions: this.venuePositionSummaries(),
    };
  }
}

const DETAIL_LEVELS: readonly string[] = ['full', 'summary', 'columns'];

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type RunSummary = CascadeReport['summary'];

/** A run summary to fill (fields in the report's order). */
function newRunSummary(): Mutable<RunSummary> {
  return {
    positions: 0, liquidations: 0, liquidatedPositions: 0, liquidatedNotionalQuote: 0, generations: 0, adlCount: 0, adlNotionalQuote: 0,
    badDebtQuote: 0, socialisedLossQuote: 0, insuranceFundUsedQuote: 0, durationSeconds: 0,
  };
}

/** A market summary to fill (fields in the report's order). */
function newMarketSummary(marketId: string): Mutable<MarketSummary> {
  return {
    marketId, initialPriceQuote: 0, exogenousPriceQuote: 0, troughPriceQuote: 0, peakPriceQuote: 0, finalPriceQuote: 0, troughDropFraction: 0,
    exogenousMoveFraction: 0, amplification: 0, timeToTroughSeconds: 0, halfRecoverySeconds: null, liquidatedCount: 0, liquidatedNotionalQuote: 0,
    haltedSeconds: 0,
  };
}

/** The {@link RunOutcome} a run object hands out: refilled by {@link CascadeRun.outcome}, so a path allocates none. */
class OutcomeView implements RunOutcome {
  readonly summary = newRunSummary();
  readonly markets: Mutable<MarketSummary>[];
  insuranceFundExhausted = false;
  timelineLength = 0;
  timeData: Float64Array = new Float64Array(0);
  readonly midData: Float64Array[];
  readonly liquidationFills: { count: number; positionId: Uint32Array; closedBase: Float64Array; fillPriceQuote: Float64Array; feeToFundQuote: Float64Array } = {
    count: 0,
    positionId: new Uint32Array(0),
    closedBase: new Float64Array(0),
    fillPriceQuote: new Float64Array(0),
    feeToFundQuote: new Float64Array(0),
  };

  constructor(marketIds: readonly string[]) {
    this.markets = marketIds.map((id) => newMarketSummary(id));
    this.midData = marketIds.map(() => new Float64Array(0));
  }

  timeSecondsAt(k: number): number {
    return this.timeData[k]!;
  }

  midPriceQuoteAt(marketIndex: number, k: number): number {
    return this.midData[marketIndex]![k]!;
  }
}

/** `collection`, emptied (a no-op when already empty). */
function emptied<C extends { readonly size: number; clear(): void }>(collection: C): C {
  if (collection.size > 0) collection.clear();
  return collection;
}

function positive(value: number, path: string): number {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new FiresaleError('SCENARIO__INVALID_FIELD', { path, value, reason: 'must be a positive number' });
  }
  return value;
}

function nonNegative(value: number, path: string): number {
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new FiresaleError('SCENARIO__INVALID_FIELD', { path, value, reason: 'must be a non-negative number' });
  }
  return value;
}

function rampMove(shock: ShockInput, t: number): number {
  const start = shock.atSeconds ?? 0;
  if (t < start) return 0;
  const over = shock.overSeconds ?? 0;
  return shock.returnFraction * (over > 0 ? Math.min(1, (t - start) / over) : 1);
}

/** Linear interpolation along a path of (time, move) points; flat after the last point, 0 before the first. */
function pathMove(path: NonNullable<ShockInput['path']>, t: number): number {
  const times = path.timeSeconds;
  const moves = path.returnFraction;
  const n = times.length;
  if (n === 0 || t < times[0]!) return 0;
  if (t >= times[n - 1]!) return moves[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) lo = mid;
    else hi = mid;
  }
  const t0 = times[lo]!;
  const t1 = times[hi]!;
  return moves[lo]! + ((moves[hi]! - moves[lo]!) * (t - t0)) / (t1 - t0);
}

const EVENT_TYPES = ['price-update', 'liquidation-triggered', 'order-filled', 'position-liquidated', 'insurance-fund-change', 'adl', 'bad-debt', 'containment'] as const satisfies readonly CascadeEventV1['type'][];

/** What a run without `onEvent` builds: no event at all (shared, so a Monte Carlo path allocates none). */
const NO_EVENTS = Object.freeze(Object.fromEntries(EVENT_TYPES.map((type) => [type, false]))) as Readonly<Record<CascadeEventV1['type'], boolean>>;

function eventSelection(options: RunOptions): Readonly<Record<CascadeEventV1['type'], boolean>> {
  if (options.onEvent === undefined) return NO_EVENTS;
  const wanted = options.eventTypes === undefined ? undefined : new Set<string>(options.eventTypes);
  const selection = {} as Record<CascadeEventV1['type'], boolean>;
  for (const type of EVENT_TYPES) selection[type] = wanted === undefined || wanted.has(type);
  return selection;
}

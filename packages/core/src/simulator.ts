import type { LiquidationEngineModelV1, OrderBookModelV1, PriceTriggerColumnsV1, SideSign } from '@firesale/spec';
import { CascadeRun } from './cascade-run';
import { FiresaleError } from './firesale-error';
import { GrowablePool } from './growable';
import { createPluginIo, type PluginIo } from './plugin-io';
import { IndexBuckets, LiquidationIndex, SegmentRanges, indexedRunEnd, reachableTrigger, type TriggerRunSink } from './liquidation-index';
import type { TriggerHeap } from './trigger-heap';
import type { CascadeReport, RunOutcome } from './report';
import type { PositionTable } from './position-table';
import type { MarketInput, RunOptions, SimulatorInput } from './simulation-input';

const SUPPORTED_VERSIONS = ['v1'];

/** Per-account collateral in assets other than the quote currency. */
export type AssetCollateral = { readonly marketIndex: number; readonly amount: number; readonly haircut: number };

/**
 * A built simulation: positions indexed by liquidation price, ready to run any number of shocks.
 * Building costs one pass over the positions and a bucket sort; each {@link Simulator.run} reuses it.
 */
export type Simulator = {
  /** Number of positions. */
  readonly positionCount: number;
  /** Runs one cascade and returns its report. Runs are independent: each starts from the built state. */
  run(options: RunOptions): CascadeReport;
  /**
   * Runs one cascade like {@link Simulator.run} and hands `read` its {@link RunOutcome} (the report's totals, markets
   * and timeline of mids, and the liquidation fills as columns) instead of building the report; returns what `read`
   * returns. The outcome is valid only during the call. For Monte Carlo paths, which keep a few numbers of each run:
   * a run read this way allocates almost nothing (`options.detail` does not apply).
   *
   * @example
   * ```ts
   * const dropFraction = simulator.runOutcome({ shocks }, (outcome) => outcome.markets[0]!.troughDropFraction);
   * ```
   */
  runOutcome<T>(options: RunOptions, read: (outcome: RunOutcome) => T): T;
  /**
   * Starts a run to drive step by step (for streaming events or playback). Call `advance()` until it returns
   * false, then `finish()` for the report; no other run may start on this simulator before `finish()`.
   */
  start(options: RunOptions): SteppedRun;
  /**
   * Each position's liquidation price (quote) as the engine indexed it: from its venue's `doPriceTriggers`, with
   * the margin the simulator gave it (a one-position cross account's collateral). `NaN` for a position of a
   * watched cross account (several positions or asset collateral), which is checked as an account instead, and
   * for a long that no positive price liquidates or a short that no finite one does. A new array on each call.
   */
  liquidationPrices(): Float64Array;
};

/** A run driven one step at a time. */
export type SteppedRun = {
  /** Runs one step; false once the run is over. */
  advance(): boolean;
  /** Ends the run (restoring the simulator for the next one) and returns its report. */
  finish(): CascadeReport;
};

/**
 * Builds a {@link Simulator} from markets, venues, accounts and positions. Plugins (books, venue engines) are
 * passed in; the simulator takes ownership of `input.positions` (it must not be changed afterwards).
 *
 * @throws {@link FiresaleError} `SPEC__UNSUPPORTED_VERSION` for a plugin of an unknown contract version,
 * `SCENARIO__UNKNOWN_VENUE` for a market whose venue is missing.
 */
export function createSimulator(input: SimulatorInput): Simulator {
  const model = buildModel(input);
  return {
    positionCount: model.positions.count,
    run: (options: RunOptions) => startRun(model, options, true).execute(),
    runOutcome: <T>(options: RunOptions, read: (outcome: RunOutcome) => T): T => startRun(model, options, true).executeOutcome(read),
    start(options: RunOptions): SteppedRun {
      const run = startRun(model, options, false);
      let done = false;
      return {
        advance: () => !done && run.advance(),
        finish(): CascadeReport {
          const report = run.report();
          if (!done) {
            done = true;
            run.restore();
          }
          return report;
        },
      };
    },
    liquidationPrices: () => liquidationPrices(model),
  };
}

function liquidationPrices(model: BuiltModel): Float64Array {
  const { trigger, indexed } = model;
  const side = model.positions.side;
  const prices = new Float64Array(trigger.length);
  for (let i = 0; i < prices.length; i++) {
    prices[i] = indexed[i] === 1 && reachableTrigger(side[i]!, trigger[i]!) ? trigger[i]! : NaN;
  }
  return prices;
}

/**
 * Starts a run; when its options are rejected, the buffers it borrowed go back to the model. A run that ends
 * before the caller gets it back (`reusable`, as `run` does) starts on the model's spare run object, so a Monte
 * Carlo path allocates no run object; a stepped run gets a new one, which its caller may hold after finishing.
 */
function startRun(model: BuiltModel, options: RunOptions, reusable: boolean): CascadeRun {
  const borrows = !model.scratch.inUse;
  const run = reusable && borrows ? (model.scratch.spareRun ??= new CascadeRun(model)) : new CascadeRun(model);
  try {
    return run.begin(options);
  } catch (error) {
    if (borrows) model.scratch.inUse = false;
    throw error;
  }
}

/** The immutable, built state every run shares. */
export type BuiltModel = ReturnType<typeof buildModel>;

function buildModel(input: SimulatorInput) {
  const quoteAsset = input.quoteAsset ?? 'USD';
  const venueIds = input.venues.map((v) => v.venueId ?? v.engine.venueId);
  input.venues.forEach((v, i) => checkVersion(v.engine, `venues[${i}].engine`));
  input.markets.forEach((m, i) => checkVersion(m.book, `markets[${i}].book`));
  const marketVenue = new Uint16Array(input.markets.length);
  input.markets.forEach((m, i) => {
    const v = venueIds.indexOf(m.venueId);
    if (v < 0) {
      throw new FiresaleError('SCENARIO__UNKNOWN_VENUE', { path: `markets[${i}].venueId`, value: m.venueId, known: venueIds.join(', ') });
    }
    marketVenue[i] = v;
  });
  const engines: LiquidationEngineModelV1[] = input.venues.map((v) => v.engine);
  const oracles = input.markets.map((m, i) => resolveOracle(m.oracle, i, input.markets.map((x) => x.marketId)));
  const withdrawal = input.markets.map((m, i) => checkWithdrawal(m.liquidityWithdrawal, i));
  const links = (input.arbitrage ?? []).map((link, i) => resolveLink(link, i, input.markets.map((x) => x.marketId)));
  const books: OrderBookModelV1[] = input.markets.map((m) => m.book);
  const marketIds = input.markets.map((m) => m.marketId);
  const venueMarketIds = input.markets.map((m) => m.venueMarketId ?? m.marketId);
  // Collateral in an asset is valued on the first market listed for that asset.
  const assetMarket = new Map<string, number>();
  input.markets.forEach((m, i) => {
    if (!assetMarket.has(m.baseAsset)) assetMarket.set(m.baseAsset, i);
  });

  const accountCount = input.accounts.length;
  const cashQuote = new Float64Array(accountCount);
  const assetCollateral = new Map<number, AssetCollateral[]>();
  const cross = new Uint8Array(accountCount);
  input.accounts.forEach((account, a) => {
    cross[a] = account.marginMode === 'cross' ? 1 : 0;
    for (const c of account.collateral) {
      if (c.asset === quoteAsset) {
        cashQuote[a]! += c.amount;
        continue;
      }
      const marketIndex = assetMarket.get(c.asset);
      if (marketIndex === undefined) {
        throw new FiresaleError('SCENARIO__UNKNOWN_MARKET', {
          path: `accounts[${a}].collateral`,
          value: c.asset,
          known: [quoteAsset, ...assetMarket.keys()].join(', '),
        });
      }
      const list = assetCollateral.get(a) ?? [];
      list.push({ marketIndex, amount: c.amount, haircut: c.haircut ?? 0 });
      assetCollateral.set(a, list);
    }
  });

  const positions = input.positions;
  const n = positions.count;
  const accountIndex = positions.accountIndex;
  // Cross accounts with one position and quote-only collateral behave like isolated ones: their collateral is
  // the position's margin. Cross accounts with several positions or asset collateral are watched instead:
  // re-checked whenever one of their markets moves.
  const watchedAccount = new Uint8Array(accountCount);
  const indexed = new Uint8Array(n).fill(1);
  if (cross.includes(1)) {
    const positionsPerAccount = new Uint32Array(accountCount);
    for (let i = 0; i < n; i++) positionsPerAccount[accountIndex[i]!]!++;
    for (let a = 0; a < accountCount; a++) {
      watchedAccount[a] = cross[a] === 1 && (positionsPerAccount[a]! > 1 || assetCollateral.has(a)) ? 1 : 0;
    }
    for (let i = 0; i < n; i++) {
      const a = accountIndex[i]!;
      if (watchedAccount[a] === 1) {
        positions.marginQuote[i] = 0;
        indexed[i] = 0;
      } else if (cross[a] === 1) {
        positions.marginQuote[i] = cashQuote[a]!;
        cashQuote[a] = 0;
      }
    }
  }

  const anyWatched = watchedAccount.includes(1);
  const scratch = createRunScratch(n, accountCount);
  const source: TriggerSource = {
    positions,
    indexed,
    oneRun: input.markets.length === 1 && !anyWatched,
    engines,
    marketVenue,
    venueMarketIds,
    io: scratch.io,
  };
  const { trigger, index } = indexPositions(source, input.markets.length);

  // Watched accounts: their positions (CSR) and, per market, the accounts to re-check when it moves.
  const watchedPositions: number[][] = [];
  const watchedByMarket: number[][] = input.markets.map(() => []);
  const accountPositions = new Map<number, number[]>();
  for (let i = 0; anyWatched && i < n; i++) {
    const a = accountIndex[i]!;
    if (watchedAccount[a] !== 1) continue;
    const list = accountPositions.get(a) ?? [];
    list.push(i);
    accountPositions.set(a, list);
  }
  for (const [a, list] of accountPositions) {
    watchedPositions[a] = list;
    const markets = new Set(list.map((i) => positions.marketIndex[i]!));
    for (const c of assetCollateral.get(a) ?? []) markets.add(c.marketIndex);
    for (const m of markets) watchedByMarket[m]!.push(a);
  }

  return {
    input,
    scratch,
    oracles,
    withdrawal,
    links,
    venueIds,
    quoteAsset,
    engines,
    books,
    marketIds,
    venueMarketIds,
    marketVenue,
    accountIds: input.accounts.map((a) => a.accountId),
    cashQuote,
    assetCollateral,
    watchedAccount,
    watchedPositions,
    watchedByMarket,
    positions,
    trigger,
    indexed,
    index,
  };
}

/**
 * Each indexed position's liquidation price from its venue's plugin, and the index over them. The index's buckets
 * are laid out from the prices of an evenly spread sample of the positions; then one pass computes every price and
 * counts it into its bucket while it is still in the CPU cache (no second pass over the prices).
 */
function indexPositions(source: TriggerSource, marketCount: number): { trigger: Float64Array; index: LiquidationIndex } {
  const n = source.positions.count;
  const trigger = new Float64Array(n);
  const pass = (from: number, to: number, sink: TriggerRunSink, computed: boolean) => computeTriggers(source, trigger, from, to, sink, computed);
  const sample = new SegmentRanges(marketCount);
  const runs = sampleRuns(n);
  for (const [from, to] of runs) pass(from, to, sample, false);
  // Every price once: the sample's are counted into the buckets as they are, the rest computed and counted.
  const sampled = runs.reduce((sum, [from, to]) => sum + to - from, 0);
  const buckets = new IndexBuckets(n, sample, sampled > 0 ? n / sampled : 1);
  let done = 0;
  for (const [from, to] of runs) {
    pass(done, from, buckets, false);
    pass(from, to, buckets, true);
    done = to;
  }
  pass(done, n, buckets, false);
  return { trigger, index: LiquidationIndex.fromBuckets(buckets, trigger) };
}

/**
 * The sample that lays out the index's buckets: `SAMPLE_RUNS` runs of `SAMPLE_RUN_POSITIONS` consecutive positions,
 * evenly spread from the first position to the last; all positions when they are not more than that.
 */
function sampleRuns(count: number): [from: number, to: number][] {
  if (count <= SAMPLE_RUNS * SAMPLE_RUN_POSITIONS) return [[0, count]];
  return Array.from({ length: SAMPLE_RUNS }, (_, k) => {
    const from = Math.floor((k * (count - SAMPLE_RUN_POSITIONS)) / (SAMPLE_RUNS - 1));
    return [from, from + SAMPLE_RUN_POSITIONS];
  });
}

const SAMPLE_RUNS = 64;
const SAMPLE_RUN_POSITIONS = 64;

/**
 * What the liquidation prices are computed from: the positions (those `indexed` only), their venues' plugins and
 * the simulator's plugin objects. `oneRun` when every position is indexed and on one market.
 */
type TriggerSource = {
  readonly positions: PositionTable;
  readonly indexed: Uint8Array;
  readonly oneRun: boolean;
  readonly engines: readonly LiquidationEngineModelV1[];
  readonly marketVenue: Uint16Array;
  readonly venueMarketIds: readonly string[];
  readonly io: PluginIo;
};

/**
 * The liquidation prices of the indexed positions `from` to `to` from their venues' plugins, read column by column
 * (no per-position objects: the per-position call gets the simulator's `io` objects), into `trigger`, unless
 * `computed` (they are there already). Runs of indexed positions on one market go to the venue's
 * `doLiquidationPrices` in batches, when it has one (each batch then goes to `sink` while its prices are still in
 * the CPU cache); otherwise each position goes to `doPriceTriggers`. With `oneRun`, runs are cut by batch size alone,
 * without looking at each position for where a run ends. A small function of its own, so that the JIT optimises this
 * loop whatever else the build does.
 */
function computeTriggers(source: TriggerSource, trigger: Float64Array, from: number, to: number, sink: TriggerRunSink, computed: boolean): void {
  const { positions, indexed, oneRun, engines, marketVenue, venueMarketIds, io } = source;
  const { marketIndex, side, sizeBase, entryPriceQuote, marginQuote } = positions;
  const columns: PriceTriggerColumnsV1 = { marketId: '', side, sizeBase, entryPriceQuote, marginQuote, from: 0, to: 0 };
  const { triggerIn, triggerOut } = io;
  let i = from;
  while (i < to) {
    if (indexed[i] !== 1) {
      i++;
      continue;
    }
    const m = marketIndex[i]!;
    const limit = Math.min(to, i + TRIGGER_BATCH);
    const end = oneRun ? limit : indexedRunEnd(indexed, marketIndex, i, limit);
    const engine = engines[marketVenue[m]!]!;
    if (computed) {
      // Prices already in `trigger` (a sample's): counted only.
    } else if (engine.doLiquidationPrices) {
      columns.marketId = venueMarketIds[m]!;
      columns.from = i;
      columns.to = end;
      engine.doLiquidationPrices(columns, trigger);
    } else {
      triggerIn.marketId = venueMarketIds[m]!;
      for (let k = i; k < end; k++) {
        triggerIn.side = side[k] as SideSign;
        triggerIn.sizeBase = sizeBase[k]!;
        triggerIn.entryPriceQuote = entryPriceQuote[k]!;
        triggerIn.marginQuote = marginQuote[k]!;
        engine.doPriceTriggers(triggerIn, triggerOut);
        trigger[k] = triggerOut.liquidationPriceQuote;
      }
    }
    sink.addRun(m, side, trigger, i, end);
    i = end;
  }
}

/** Most positions per batch of liquidation prices: few enough that the batch's prices stay in the CPU cache. */
const TRIGGER_BATCH = 4096;

function checkVersion(plugin: { specificationVersion: string }, path: string): void {
  if (!SUPPORTED_VERSIONS.includes(plugin.specificationVersion)) {
    throw new FiresaleError('SPEC__UNSUPPORTED_VERSION', {
      path: `${path}.specificationVersion`,
      value: plugin.specificationVersion,
      supported: SUPPORTED_VERSIONS.join(', '),
    });
  }
}

/** An oracle with market ids resolved to indices. Delays stay in seconds (steps depend on the run). */
export type ResolvedOracle = {
  readonly kind: 'own-book' | 'market' | 'median' | 'twap';
  readonly sources: readonly number[];
  readonly delaySeconds: number | undefined;
  readonly windowSeconds: number;
};

function marketIndexOf(ids: readonly string[], id: string, path: string): number {
  const index = ids.indexOf(id);
  if (index < 0) throw new FiresaleError('SCENARIO__UNKNOWN_MARKET', { path, value: id, known: ids.join(', ') });
  return index;
}

function checkSeconds(value: number | undefined, path: string): number | undefined {
  if (value === undefined) return undefined;
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new FiresaleError('SCENARIO__INVALID_FIELD', { path, value, reason: 'must be a number of seconds, 0 or more' });
  }
  return value;
}

function resolveOracle(oracle: MarketInput['oracle'], i: number, ids: readonly string[]): ResolvedOracle {
  const path = `markets[${i}].oracle`;
  if (!oracle) return { kind: 'own-book', sources: [i], delaySeconds: undefined, windowSeconds: 0 };
  const delaySeconds = checkSeconds(oracle.delaySeconds, `${path}.delaySeconds`);
  switch (oracle.source) {
    case 'own-book':
      return { kind: 'own-book', sources: [i], delaySeconds, windowSeconds: 0 };
    case 'market':
      return { kind: 'market', sources: [marketIndexOf(ids, oracle.marketId, `${path}.marketId`)], delaySeconds, windowSeconds: 0 };
    case 'median':
      if (oracle.marketIds.length === 0) {
        throw new FiresaleError('SCENARIO__INVALID_FIELD', { path: `${path}.marketIds`, value: [], reason: 'a median needs at least one market' });
      }
      return { kind: 'median', sources: oracle.marketIds.map((id, k) => marketIndexOf(ids, id, `${path}.marketIds[${k}]`)), delaySeconds, windowSeconds: 0 };
    case 'twap': {
      const windowSeconds = checkSeconds(oracle.windowSeconds, `${path}.windowSeconds`) ?? 0;
      const source = oracle.marketId === undefined ? i : marketIndexOf(ids, oracle.marketId, `${path}.marketId`);
      return { kind: 'twap', sources: [source], delaySeconds, windowSeconds };
    }
    default:
      throw new FiresaleError('SCENARIO__UNKNOWN_MODEL', { path: `${path}.source`, value: (oracle as { source: unknown }).source, known: 'own-book, market, median, twap' });
  }
}

function checkWithdrawal(w: MarketInput['liquidityWithdrawal'], i: number): MarketInput['liquidityWithdrawal'] {
  if (!w) return undefined;
  const path = `markets[${i}].liquidityWithdrawal`;
  checkSeconds(w.windowSeconds, `${path}.windowSeconds`);
  if (!(w.sensitivity >= 0)) throw new FiresaleError('SCENARIO__INVALID_FIELD', { path: `${path}.sensitivity`, value: w.sensitivity, reason: 'must be 0 or more' });
  if (!(w.floorMultiplier > 0 && w.floorMultiplier <= 1)) {
    throw new FiresaleError('SCENARIO__INVALID_FIELD', { path: `${path}.floorMultiplier`, value: w.floorMultiplier, reason: 'must be above 0 and at most 1' });
  }
  return w;
}

/** An arbitrage link with its markets resolved to indices. */
export type ResolvedLink = { readonly a: number; readonly b: number; readonly capacityBase: number; readonly latencySeconds: number; readonly minGapFraction: number };

function resolveLink(link: NonNullable<SimulatorInput['arbitrage']>[number], i: number, ids: readonly string[]): ResolvedLink {
  const path = `arbitrage[${i}]`;
  const a = marketIndexOf(ids, link.marketIds[0], `${path}.marketIds[0]`);
  const b = marketIndexOf(ids, link.marketIds[1], `${path}.marketIds[1]`);
  if (a === b) throw new FiresaleError('SCENARIO__INVALID_FIELD', { path: `${path}.marketIds`, value: link.marketIds, reason: 'a link needs two different markets' });
  if (!(link.capacityBasePerStep > 0)) {
    throw new FiresaleError('SCENARIO__INVALID_FIELD', { path: `${path}.capacityBasePerStep`, value: link.capacityBasePerStep, reason: 'must be greater than 0' });
  }
  return {
    a,
    b,
    capacityBase: link.capacityBasePerStep,
    latencySeconds: checkSeconds(link.latencySeconds, `${path}.latencySeconds`) ?? 0,
    minGapFraction: link.minGapFraction ?? 0.0005,
  };
}

/** Buffers one run at a time borrows from the built model. */
export type RunScratch = {
  flags: Uint8Array;
  cash: Float64Array;
  accountQueued: Uint8Array;
  growables: GrowablePool;
  /** Re-check heaps, two per market (longs, shorts), emptied by each run. */
  heaps: TriggerHeap[];
  /** Objects handed to plugins. */
  io: PluginIo;
  /** Per-position sets and maps a run fills sparsely (emptied by each run): keepers' skips and outage deferrals, trigger overrides, last liquidation times. */
  keeperSkipped: Set<number>;
  outageDeferred: Set<number>;
  triggerOverride: Map<number, number>;
  lastLiquidationTime: Map<number, number>;
  /** The run object `Simulator.run` starts each run on (made by the first). */
  spareRun: CascadeRun | undefined;
  inUse: boolean;
};

/** Allocates a run's position- and account-sized buffers, and an empty pool for its records and queues. */
export function createRunScratch(positions: number, accounts: number): RunScratch {
  return {
    flags: new Uint8Array(positions),
    cash: new Float64Array(accounts),
    accountQueued: new Uint8Array(accounts),
    growables: new GrowablePool(),
    heaps: [],
    io: createPluginIo(),
    keeperSkipped: new Set(),
    outageDeferred: new Set(),
    triggerOverride: new Map(),
    lastLiquidationTime: new Map(),
    spareRun: undefined,
    inUse: false,
  };
}

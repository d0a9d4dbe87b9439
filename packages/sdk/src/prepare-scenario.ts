import {
  FiresaleError,
  FiresaleErrors,
  PositionTable,
  createRng,
  type AccountInput,
  type MarketInput,
  type Rng,
  type ShockInput,
  type SimulatorInput,
  type VenueInput,
} from '@firesale/core';
import {
  checkL2Snapshot,
  createConcentratedLiquidityPool,
  createConstantProductPool,
  createL2Book,
  createLinearBook,
  createParametricBook,
  parseL2SnapshotJson,
  type L2Snapshot,
} from '@firesale/orderbook';
import type { LiquidationEngineModelV1, OrderBookModelV1, SideSign } from '@firesale/spec';
import { correlatedShockInputs } from './correlated-shock';
import { parsePositionsCsv } from './positions-csv';
import { issuesToErrors } from './scenario-errors';
import { scenarioSchema, type BookSpec, type DistributionSpec, type Scenario } from './scenario-schema';
import { defaultVenueFactories, venueSymbol, type VenueFactories } from './venue-factories';

/** Reads a text file (relative paths resolve against the scenario's folder). Injected so the SDK stays browser-safe. */
export type ReadTextFile = (path: string) => string;

/** Options of {@link prepareScenario}. */
export type PrepareOptions = {
  /** Venue models by name (default: the SDK's built-in ones). */
  venueFactories?: VenueFactories;
  /** Reads `positionsCsv` and `snapshotFile`; without it, a scenario that names files is an error. */
  readTextFile?: ReadTextFile;
  /** Replaces every venue's model (and drops its params): `firesale run --venue hyperliquid`. */
  venueOverride?: string;
};

/** A validated scenario turned into engine input. */
export type PreparedScenario = {
  readonly scenario: Scenario;
  readonly input: SimulatorInput;
  readonly shocks: readonly ShockInput[];
  readonly seed: number;
};

/**
 * Validates a scenario (as parsed from JSON) and builds the engine input: books, venue engines, accounts and
 * positions (inline, from CSV, generated). Every problem found is reported, each naming its field path and
 * the reason.
 *
 * @throws {@link FiresaleErrors} with one {@link FiresaleError} per problem (codes `SCENARIO__…`, `BOOK__…`,
 * `CSV__…`, `FILE__…`).
 */
export function prepareScenario(raw: unknown, options: PrepareOptions = {}): PreparedScenario {
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) throw new FiresaleErrors(issuesToErrors(parsed.error.issues, raw));
  const scenario = parsed.data;
  const errors: FiresaleError[] = [];
  const factories = options.venueFactories ?? defaultVenueFactories;

  const venueIds = scenario.venues.map((v) => v.id);
  const engines = new Map<string, LiquidationEngineModelV1>();
  const venues: VenueInput[] = [];
  scenario.venues.forEach((venue, i) => {
    const model = options.venueOverride ?? venue.model;
    const factory = factories[model];
    if (!factory) {
      errors.push(new FiresaleError('SCENARIO__UNKNOWN_MODEL', { path: options.venueOverride ? '--venue' : `venues[${i}].model`, value: model, known: Object.keys(factories).join(', ') }));
      return;
    }
    try {
      const engine = factory(options.venueOverride ? {} : (venue.params ?? {}));
      engines.set(venue.id, engine);
      venues.push({
        venueId: venue.id,
        engine,
        insuranceFundQuote: venue.insuranceFundQuote,
        ...(venue.autoDeleveraging === undefined ? {} : { autoDeleveraging: venue.autoDeleveraging }),
        ...(venue.liquidatorCostQuote === undefined ? {} : { liquidatorCostQuote: venue.liquidatorCostQuote }),
      });
    } catch (error) {
      errors.push(new FiresaleError('SCENARIO__INVALID_FIELD', { path: `venues[${i}].params`, value: venue.params, reason: (error as Error).message }));
    }
  });

  const marketIds = scenario.markets.map((m) => m.id);
  const markets: MarketInput[] = [];
  const venueMarketIds: string[] = [];
  const venueSymbolPaths: string[] = [];
  const prices: number[] = [];
  scenario.markets.forEach((market, i) => {
    if (!venueIds.includes(market.venue)) {
      errors.push(new FiresaleError('SCENARIO__UNKNOWN_VENUE', { path: `markets[${i}].venue`, value: market.venue, known: venueIds.join(', ') }));
    }
    const book = buildBook(market.book, market.initialPriceQuote, `markets[${i}]`, options.readTextFile, errors);
    prices.push(book?.initialMidPriceQuote ?? NaN);
    if (!book) return;
    const model = options.venueOverride ?? scenario.venues.find((v) => v.id === market.venue)?.model ?? '';
    const given = options.venueOverride ? undefined : market.venueSymbol;
    const derived = given === undefined ? venueSymbol(model, market.baseAsset) : undefined;
    const symbol = given ?? derived ?? market.id;
    venueMarketIds[i] = symbol;
    // The field a venue's objection to the market id is about.
    venueSymbolPaths[i] = `markets[${i}].${given !== undefined ? 'venueSymbol' : derived !== undefined ? 'baseAsset' : 'id'}`;
    markets.push({
      marketId: market.id,
      venueMarketId: symbol,
      venueId: market.venue,
      baseAsset: market.baseAsset,
      book,
      ...(market.stressDepthMultiplier === undefined ? {} : { stressDepthMultiplier: market.stressDepthMultiplier }),
      ...(market.oracle === undefined ? {} : { oracle: market.oracle }),
      ...(market.liquidityWithdrawal === undefined ? {} : { liquidityWithdrawal: market.liquidityWithdrawal }),
    });
  });

  scenario.markets.forEach((market, i) => {
    const oracle = market.oracle;
    if (!oracle) return;
    const refs = oracle.source === 'median' ? oracle.marketIds.map((id, k) => [id, `markets[${i}].oracle.marketIds[${k}]`] as const) : 'marketId' in oracle && oracle.marketId !== undefined ? [[oracle.marketId, `markets[${i}].oracle.marketId`] as const] : [];
    for (const [id, path] of refs) {
      if (!marketIds.includes(id)) errors.push(new FiresaleError('SCENARIO__UNKNOWN_MARKET', { path, value: id, known: marketIds.join(', ') }));
    }
  });
  scenario.arbitrage.forEach((link, i) => {
    link.markets.forEach((id, k) => {
      if (!marketIds.includes(id)) errors.push(new FiresaleError('SCENARIO__UNKNOWN_MARKET', { path: `arbitrage[${i}].markets[${k}]`, value: id, known: marketIds.join(', ') }));
    });
  });

  const accountIndex = new Map<string, number>();
  const accounts: AccountInput[] = [];
  scenario.accounts.forEach((account, i) => {
    if (accountIndex.has(account.id)) {
      errors.push(new FiresaleError('SCENARIO__INVALID_FIELD', { path: `accounts[${i}].id`, value: account.id, reason: 'account ids must be unique' }));
      return;
    }
    const collateral = account.collateral.map((c) => (c.haircut === undefined ? { asset: c.asset, amount: c.amount } : { asset: c.asset, amount: c.amount, haircut: c.haircut }));
    accountIndex.set(account.id, accounts.length);
    accounts.push({ accountId: account.id, marginMode: account.marginMode, collateral });
  });
  // Shared by every account that posts no collateral of its own (AccountInput.collateral is readonly).
  const noCollateral: AccountInput['collateral'] = [];
  const accountFor = (id: string): number => {
    let a = accountIndex.get(id);
    if (a === undefined) {
      a = accounts.length;
      accountIndex.set(id, a);
      accounts.push({ accountId: id, marginMode: 'isolated', collateral: noCollateral });
    }
    return a;
  };

  const marketProblemReported: boolean[] = [];
  const table = new PositionTable(1024);
  // (account, market) pairs already holding a position, as account × markets + market (no string per position).
  const seen = new Set<number>();
  const marketCount = marketIds.length;
  // The non-quote collateral assets of each account, computed once per account (most have none).
  const noAssets: readonly string[] = [];
  const collateralAssetsOf = (account: AccountInput): readonly string[] =>
    account.collateral.length === 0 ? noAssets : account.collateral.map((c) => c.asset).filter((asset) => asset !== scenario.quoteAsset);
  const check = {
    marketId: '',
    side: 1 as SideSign,
    sizeBase: 0,
    entryPriceQuote: 0,
    leverage: 0,
    marginMode: 'isolated' as AccountInput['marginMode'],
    collateralAssets: noAssets,
  };
  /**
   * Adds one position. `newAccount` is the index of an account created for it alone (generated crowds): no
   * lookup by id and no duplicate check, since a fresh account holds nothing yet.
   */
  const addPosition = (
    path: string,
    fieldPath: (field: string) => string,
    p: {
      account: string;
      market: string;
      side: 'long' | 'short';
      sizeBase: number;
      entryPriceQuote: number;
      leverage?: number | undefined;
      marginQuote?: number | undefined;
      clampLeverage?: boolean;
    },
    newAccount?: number,
  ): void => {
    const mi = marketIds.indexOf(p.market);
    if (mi < 0) {
      errors.push(new FiresaleError('SCENARIO__UNKNOWN_MARKET', { path: fieldPath('market'), value: p.market, known: marketIds.join(', ') }));
      return;
    }
    if (!(p.sizeBase > 0)) {
      errors.push(new FiresaleError('SCENARIO__SIZE_NOT_POSITIVE', { path: fieldPath('sizeBase'), value: p.sizeBase }));
      return;
    }
    if (!(p.entryPriceQuote > 0) || !Number.isFinite(p.entryPriceQuote)) {
      errors.push(new FiresaleError('SCENARIO__PRICE_INVALID', { path: fieldPath('entryPriceQuote'), value: p.entryPriceQuote, reason: 'must be a positive finite price' }));
      return;
    }
    const a = newAccount ?? accountFor(p.account);
    const account = accounts[a]!;
    if (newAccount === undefined) {
      const key = a * marketCount + mi;
      if (seen.has(key)) {
        errors.push(new FiresaleError('SCENARIO__DUPLICATE_POSITION', { path, account: p.account, market: p.market }));
        return;
      }
      seen.add(key);
    }
    const notional = p.sizeBase * p.entryPriceQuote;
    let margin = 0;
    let leverage: number;
    if (account.marginMode === 'cross') {
      const collateralValue = account.collateral.reduce((sum, c) => sum + (c.asset === scenario.quoteAsset ? c.amount : 0), 0);
      leverage = p.leverage ?? (collateralValue > 0 ? notional / collateralValue : Infinity);
    } else {
      if (p.marginQuote !== undefined) {
        margin = p.marginQuote;
        leverage = notional / margin;
      } else if (p.leverage !== undefined) {
        leverage = p.leverage;
        margin = notional / leverage;
      } else {
        errors.push(new FiresaleError('SCENARIO__VALUE_MISSING', { path: fieldPath('leverage') }));
        return;
      }
      if (!(margin > 0) || !(leverage > 0)) {
        errors.push(new FiresaleError('SCENARIO__INVALID_FIELD', { path: fieldPath(p.marginQuote !== undefined ? 'marginQuote' : 'leverage'), value: p.marginQuote ?? p.leverage, reason: 'must be greater than 0' }));
        return;
      }
    }
    const engine = engines.get(scenario.markets[mi]!.venue);
    if (engine) {
      // One reused input object: venues read it during the call and keep nothing.
      check.marketId = venueMarketIds[mi] ?? p.market;
      check.side = (p.side === 'long' ? 1 : -1) as SideSign;
      check.sizeBase = p.sizeBase;
      check.entryPriceQuote = p.entryPriceQuote;
      check.leverage = leverage;
      check.marginMode = account.marginMode;
      // The scenario's quote asset stands for the venue's settlement currency (USDT, USDC).
      check.collateralAssets = collateralAssetsOf(account);
      let problems = engine.doValidatePosition(check);
      const cap = problems.find((problem) => problem.code === 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX');
      if (cap && p.clampLeverage && account.marginMode === 'isolated') {
        // A generated crowd on a venue cannot hold more than the venue allows: clamp to the cap.
        leverage = Number((cap.context as { max: number }).max);
        margin = notional / leverage;
        problems = engine.doValidatePosition({ ...check, leverage });
      }
      if (problems.length > 0) {
        for (const problem of problems) {
          if (problem.field === 'marketId') {
            // The venue's market id comes from the market, not the position: name the market's field, once per market.
            if (marketProblemReported[mi]) continue;
            marketProblemReported[mi] = true;
            errors.push(new FiresaleError(problem.code, { path: venueSymbolPaths[mi] ?? fieldPath('market'), value: problem.value, ...problem.context } as never));
            continue;
          }
          errors.push(new FiresaleError(problem.code, { path: fieldPath(problem.field), value: problem.value, ...problem.context } as never));
        }
        return;
      }
    }
    table.add(a, mi, (p.side === 'long' ? 1 : -1) as SideSign, p.sizeBase, p.entryPriceQuote, margin);
  };

  scenario.positions.forEach((p, i) => addPosition(`positions[${i}]`, (f) => `positions[${i}].${f}`, p));

  if (scenario.positionsCsv !== undefined) {
    const text = readFile(scenario.positionsCsv, 'positionsCsv', options.readTextFile, errors);
    if (text !== undefined) {
      const csv = parsePositionsCsv(text, scenario.positionsCsv);
      errors.push(...csv.errors);
      const csvColumn: Record<string, string> = { sizeBase: 'size_base', entryPriceQuote: 'entry_price_quote', marginQuote: 'margin_quote' };
      if (csv.errors.length === 0) {
        for (const row of csv.positions) {
          const at = `${scenario.positionsCsv}:${row.line}`;
          addPosition(at, (f) => `${at}:${csvColumn[f] ?? f}`, row);
        }
      }
    }
  }

  const rng = createRng(scenario.seed);
  scenario.generators.forEach((g, gi) => {
    const mi = marketIds.indexOf(g.market);
    if (mi < 0) {
      errors.push(new FiresaleError('SCENARIO__UNKNOWN_MARKET', { path: `generators[${gi}].market`, value: g.market, known: marketIds.join(', ') }));
      return;
    }
    const price = prices[mi]!;
    const before = errors.length;
    const at = `generators[${gi}]`;
    const fieldPath = (f: string): string => `${at}.${f === 'sizeBase' ? 'notionalQuote' : f}`;
    // Each generated position gets an account of its own, `<market>-gen<g>-<k>`. Names of different generators
    // never collide, so only a named account that takes one of this generator's names sends that position the
    // checked way (looked up by id, and rejected as a duplicate); the ids are looked up only when some named
    // account starts with the generator's prefix.
    const prefix = `${g.market}-gen${gi}-`;
    const mayCollide = [...accountIndex.keys()].some((id) => id.startsWith(prefix));
    // One reused position object: addPosition reads it during the call and keeps nothing.
    const generated = { account: '', market: g.market, side: 'long' as 'long' | 'short', sizeBase: 0, entryPriceQuote: 0, leverage: 0, clampLeverage: true };
    for (let k = 0; k < g.count && errors.length === before; k++) {
      generated.side = rng.nextFloat() < g.longShare ? 'long' : 'short';
      const notional = sample(g.notionalQuote, rng);
      const leverage = sample(g.leverage, rng);
      const entry = price * Math.max(0.05, 1 + g.entrySpreadFraction * rng.nextNormal());
      const account = prefix + k;
      generated.account = account;
      generated.sizeBase = notional / entry;
      generated.entryPriceQuote = entry;
      generated.leverage = leverage;
      if (mayCollide && accountIndex.has(account)) {
        addPosition(at, fieldPath, generated);
        continue;
      }
      const a = accounts.length;
      accounts.push(
        g.marginMode === 'cross'
          ? { accountId: account, marginMode: 'cross', collateral: [{ asset: scenario.quoteAsset, amount: notional / leverage }] }
          : { accountId: account, marginMode: 'isolated', collateral: noCollateral },
      );
      addPosition(at, fieldPath, generated, a);
    }
  });

  const shocks: ShockInput[] = [];
  scenario.shocks.forEach((s, i) => {
    if (!marketIds.includes(s.market)) {
      errors.push(new FiresaleError('SCENARIO__UNKNOWN_MARKET', { path: `shocks[${i}].market`, value: s.market, known: marketIds.join(', ') }));
      return;
    }
    shocks.push({ marketId: s.market, returnFraction: s.returnPct / 100, atSeconds: s.atSeconds ?? 0, overSeconds: s.overSeconds ?? 0 });
  });
  if (scenario.correlatedShock !== undefined) shocks.push(...correlatedShockInputs(scenario.correlatedShock, marketIds, scenario.seed, errors));
  if (scenario.shocks.length === 0 && scenario.correlatedShock === undefined) errors.push(new FiresaleError('SCENARIO__VALUE_MISSING', { path: 'shocks' }));

  (scenario.timing.keeperOutages ?? []).forEach((outage, i) => {
    (outage.markets ?? []).forEach((id, k) => {
      if (!marketIds.includes(id)) {
        errors.push(new FiresaleError('SCENARIO__UNKNOWN_MARKET', { path: `timing.keeperOutages[${i}].markets[${k}]`, value: id, known: marketIds.join(', ') }));
      }
    });
  });

  if (errors.length > 0) throw new FiresaleErrors(errors);
  const containment = scenario.containment;
  const input: SimulatorInput = {
    markets,
    venues,
    accounts,
    positions: table,
    quoteAsset: scenario.quoteAsset,
    ...(scenario.adl === undefined ? {} : { adl: scenario.adl }),
    timing: {
      ...scenario.timing,
      keeperOutages: (scenario.timing.keeperOutages ?? []).map((o) => ({
        fromSeconds: o.fromSeconds,
        toSeconds: o.toSeconds,
        ...(o.markets === undefined ? {} : { marketIds: o.markets }),
      })),
    },
    arbitrage: scenario.arbitrage.map((link) => ({
      marketIds: link.markets,
      capacityBasePerStep: link.capacityBasePerStep,
      ...(link.latencySeconds === undefined ? {} : { latencySeconds: link.latencySeconds }),
      ...(link.minGapFraction === undefined ? {} : { minGapFraction: link.minGapFraction }),
    })),
    containment: {
      ...(containment.maxLiquidatedNotionalPerStepQuote === undefined ? {} : { maxLiquidatedNotionalPerStepQuote: containment.maxLiquidatedNotionalPerStepQuote }),
      ...(containment.priceMonitoring === undefined ? {} : { priceMonitoring: containment.priceMonitoring }),
      ...(containment.stagedDisposal === undefined ? {} : { stagedDisposal: containment.stagedDisposal }),
    },
  };
  return { scenario, input, shocks, seed: scenario.seed };
}

function buildBook(spec: BookSpec, mid: number | undefined, path: string, read: ReadTextFile | undefined, errors: FiresaleError[]): OrderBookModelV1 | undefined {
  const resilience = 'resilience' in spec ? spec.resilience : undefined;
  const withResilience = resilience ? { resilience } : {};
  if (spec.model === 'l2') {
    let snapshot: L2Snapshot | undefined;
    let snapshotPath = `${path}.book.snapshot`;
    if (spec.snapshot) {
      snapshot = { bids: spec.snapshot.bids.map(toLevel), asks: spec.snapshot.asks.map(toLevel) };
    } else if (spec.snapshotFile !== undefined) {
      const text = readFile(spec.snapshotFile, `${path}.book.snapshotFile`, read, errors);
      if (text === undefined) return undefined;
      try {
        snapshot = parseL2SnapshotJson(text);
        snapshotPath = spec.snapshotFile;
      } catch (error) {
        errors.push(new FiresaleError('FILE__INVALID_JSON', { path: spec.snapshotFile, reason: (error as Error).message }));
        return undefined;
      }
    } else {
      errors.push(new FiresaleError('SCENARIO__VALUE_MISSING', { path: `${path}.book.snapshot` }));
      return undefined;
    }
    const problems = checkL2Snapshot(snapshot);
    if (problems.length > 0) {
      for (const problem of problems) {
        errors.push(new FiresaleError(problem.code, { path: `${snapshotPath}.${problem.path}`, value: problem.value, ...problem.context } as never));
      }
      return undefined;
    }
    return createL2Book({ bids: snapshot.bids, asks: snapshot.asks, ...withResilience, ...(spec.beyondLastLevel ? { beyondLastLevel: spec.beyondLastLevel } : {}) });
  }
  if (spec.model === 'constant-product') {
    return createConstantProductPool({ baseReserve: spec.baseReserve, quoteReserve: spec.quoteReserve, ...(spec.feeRate === undefined ? {} : { feeRate: spec.feeRate }) });
  }
  if (mid === undefined) {
    errors.push(new FiresaleError('SCENARIO__VALUE_MISSING', { path: `${path}.initialPriceQuote` }));
    return undefined;
  }
  if (spec.model === 'concentrated-liquidity') return concentratedPool(spec, mid, path, errors);
  if (spec.model === 'linear') return createLinearBook({ midPriceQuote: mid, depthBasePerQuote: spec.depthBasePerQuote, ...withResilience });
  return createParametricBook({
    midPriceQuote: mid,
    depthQuotePerPercent: spec.depthQuotePerPercent,
    ...(spec.exponent === undefined ? {} : { exponent: spec.exponent }),
    ...withResilience,
  });
}

/** A concentrated-liquidity pool, its problems reported at `markets[i].book.ranges[k].…`. */
function concentratedPool(spec: Extract<BookSpec, { model: 'concentrated-liquidity' }>, mid: number, path: string, errors: FiresaleError[]): OrderBookModelV1 | undefined {
  try {
    return createConcentratedLiquidityPool({ initialPriceQuote: mid, ranges: spec.ranges, ...(spec.feeRate === undefined ? {} : { feeRate: spec.feeRate }) });
  } catch (error) {
    // The factory's RangeError starts with `createConcentratedLiquidityPool.<field>: `; keep the field, name the book.
    const match = /^createConcentratedLiquidityPool\.([^:]+): (.*)$/s.exec((error as Error).message);
    const field = match?.[1] ?? 'ranges';
    errors.push(new FiresaleError('SCENARIO__INVALID_FIELD', { path: `${path}.book.${field}`, reason: match?.[2] ?? (error as Error).message }));
    return undefined;
  }
}

function toLevel(level: readonly [number | string, number | string]): readonly [number, number] {
  return [Number(level[0]), Number(level[1])];
}

function readFile(file: string, path: string, read: ReadTextFile | undefined, errors: FiresaleError[]): string | undefined {
  if (!read) {
    errors.push(new FiresaleError('FILE__UNREADABLE', { path, value: file, reason: 'no file reader was given (load the scenario with loadScenarioFile)' }));
    return undefined;
  }
  try {
    return read(file);
  } catch (error) {
    errors.push(new FiresaleError('FILE__UNREADABLE', { path, value: file, reason: (error as Error).message }));
    return undefined;
  }
}

/** Draws from a distribution spec (seeded). */
function sample(spec: DistributionSpec, rng: Rng): number {
  switch (spec.distribution) {
    case 'fixed':
      return spec.value;
    case 'uniform':
      return spec.min + (spec.max - spec.min) * rng.nextFloat();
    case 'lognormal': {
      const x = spec.median * Math.exp(spec.sigma * rng.nextNormal());
      return spec.max === undefined ? x : Math.min(x, spec.max);
    }
    case 'discrete': {
      let total = 0;
      for (const w of spec.weights) total += w;
      let u = rng.nextFloat() * total;
      for (let i = 0; i < spec.values.length; i++) {
        u -= spec.weights[i] ?? 0;
        if (u < 0) return spec.values[i]!;
      }
      return spec.values[spec.values.length - 1]!;
    }
  }
}

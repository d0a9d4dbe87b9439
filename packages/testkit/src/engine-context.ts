import fc from 'fast-check';
import type { LiquidationEngineModelV1, PositionCheckInputV1, PriceTriggersV1, SideSign, VenueProblemV1 } from '@firesale/spec';
import type { PositionSample } from './arbitraries';

/** Builds the plugin under test; the seed lets plugins with randomness be reproducible. */
export type EngineFactory = (seed: number) => LiquidationEngineModelV1;

/** What the liquidation-engine checks receive. */
export type EngineCheckContext = {
  readonly create: EngineFactory;
  /** `create(seed)`, built once per check. */
  readonly engine: LiquidationEngineModelV1;
  readonly seed: number;
  /** Venue market ids the checks draw positions from. */
  readonly marketIds: readonly string[];
  /** fast-check runs per property. */
  readonly numRuns: number;
};

/** Options shared by {@link checkLiquidationEngine} and the vitest wrapper. */
export type EngineConformanceOptions = {
  readonly create: EngineFactory;
  /**
   * Venue market ids to test (default: the first market named in `limits.maxLeverage`, or `BTC` when the
   * limits only name `'*'`).
   */
  readonly markets?: readonly string[];
  /** Seed passed to `create` and to fast-check (default 1). */
  readonly seed?: number;
  /** fast-check runs per property (default 100). */
  readonly numRuns?: number;
};

/** The markets the checks use: the given ones, else the first market the venue's limits name. */
export function resolveMarketIds(engine: LiquidationEngineModelV1, markets?: readonly string[]): readonly string[] {
  if (markets && markets.length > 0) return markets;
  const named = Object.keys(engine.limits?.maxLeverage ?? {}).filter((m) => m !== '*');
  return named.length > 0 ? [named[0]!] : ['BTC'];
}

/** Builds the context for one check run. */
export function createEngineContext(options: EngineConformanceOptions): EngineCheckContext {
  const seed = options.seed ?? 1;
  const engine = options.create(seed);
  return { create: options.create, engine, seed, marketIds: resolveMarketIds(engine, options.markets), numRuns: options.numRuns ?? 100 };
}

/** The venue's leverage cap on a market (`limits.maxLeverage[marketId]`, else `'*'`, else 1). */
export function maxLeverageOf(engine: LiquidationEngineModelV1, marketId: string): number {
  const caps = engine.limits.maxLeverage;
  return caps[marketId] ?? caps['*'] ?? 1;
}

/** A collateral asset the venue accepts (`USDC` when it accepts any). */
export function acceptedCollateral(engine: LiquidationEngineModelV1): string {
  const assets = engine.limits.collateralAssets;
  return assets.includes('*') || assets.length === 0 ? 'USDC' : assets[0]!;
}

/** The facts doValidatePosition sees for a sample, with collateral the venue accepts. */
export function checkInputOf(engine: LiquidationEngineModelV1, p: PositionSample): PositionCheckInputV1 {
  return {
    marketId: p.marketId,
    side: p.side,
    sizeBase: p.sizeBase,
    entryPriceQuote: p.entryPriceQuote,
    leverage: p.leverage,
    marginMode: engine.capabilities.isolatedMargin ? 'isolated' : 'cross',
    collateralAssets: [acceptedCollateral(engine)],
  };
}

/** Problems the venue reports for a position. */
export function problemsOf(engine: LiquidationEngineModelV1, input: PositionCheckInputV1): readonly VenueProblemV1[] {
  return engine.doValidatePosition(input);
}

/**
 * Positions on the context's markets with leverage drawn as a fraction (2% to 90%) of the market's cap, so most
 * draws are valid; properties keep those {@link isValidAndHealthy} accepts.
 */
export function validPositionArbitrary(
  context: EngineCheckContext,
  notionalQuote: { readonly min: number; readonly max: number } = { min: 10, max: 1_000_000 },
  side?: SideSign,
): fc.Arbitrary<PositionSample> {
  const { engine } = context;
  return fc
    .record({
      marketId: fc.constantFrom(...context.marketIds),
      side: side === undefined ? fc.constantFrom<SideSign>(1, -1) : fc.constant(side),
      logNotional: fc.double({ min: Math.log(notionalQuote.min), max: Math.log(notionalQuote.max), noNaN: true }),
      logPrice: fc.double({ min: Math.log(0.01), max: Math.log(200_000), noNaN: true }),
      leverageFraction: fc.double({ min: 0.02, max: 0.9, noNaN: true }),
    })
    .map(({ marketId, side: s, logNotional, logPrice, leverageFraction }): PositionSample => {
      const notional = Math.exp(logNotional);
      const entry = Math.exp(logPrice);
      const leverage = Math.max(1, leverageFraction * maxLeverageOf(engine, marketId));
      return { marketId, side: s, sizeBase: notional / entry, entryPriceQuote: entry, leverage, marginQuote: notional / leverage };
    });
}

/**
 * True when the venue accepts the position and it is healthy at entry (margin above the maintenance margin).
 * Properties call it through `fc.pre`, which bounds the draws a venue that rejects most positions can skip.
 */
export function isValidAndHealthy(engine: LiquidationEngineModelV1, p: PositionSample): boolean {
  if (problemsOf(engine, checkInputOf(engine, p)).length > 0) return false;
  const mm = engine.doMaintenanceMargin(p.marketId, p.sizeBase * p.entryPriceQuote);
  return p.marginQuote > mm * (1 + 1e-9);
}

/** Liquidation and bankruptcy prices of a sample. */
export function triggersOf(engine: LiquidationEngineModelV1, p: PositionSample): PriceTriggersV1 {
  const out: PriceTriggersV1 = { liquidationPriceQuote: NaN, bankruptcyPriceQuote: NaN };
  engine.doPriceTriggers({ marketId: p.marketId, side: p.side, sizeBase: p.sizeBase, entryPriceQuote: p.entryPriceQuote, marginQuote: p.marginQuote }, out);
  return out;
}

/** fast-check parameters for a context's properties. */
export function fcParams(context: EngineCheckContext): fc.Parameters<unknown> {
  return { numRuns: context.numRuns, seed: context.seed, endOnFailure: true };
}

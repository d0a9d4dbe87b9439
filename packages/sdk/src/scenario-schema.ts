import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const positive = finite.refine((x) => x > 0, 'must be greater than 0');
const nonNegative = finite.refine((x) => x >= 0, 'must be 0 or more');
const fraction = finite.refine((x) => x >= 0 && x <= 1, 'must be between 0 and 1');

const resilience = z
  .union([z.object({ halfLifeSeconds: positive }).strict(), z.object({ ratePerSecond: nonNegative }).strict()])
  .describe('Exponential recovery of the book after trades (Obizhaeva–Wang).');

const l2Level = z.tuple([z.union([finite, z.string()]), z.union([finite, z.string()])]);

/** An order book: a formula book or an observed L2 snapshot. */
export const bookSchema = z.discriminatedUnion('model', [
  z
    .object({
      model: z.literal('linear'),
      /** Base units resting per one quote of price on each side. */
      depthBasePerQuote: positive,
      resilience: resilience.optional(),
    })
    .strict(),
  z
    .object({
      model: z.literal('parametric'),
      /** Quote notional resting within 1% of the mid on each side (e.g. 20000000 for $20M). */
      depthQuotePerPercent: positive,
      /** Depth grows as distance^exponent: 1 linear depth, 2 square-root price impact. Default 1. */
      exponent: positive.optional(),
      resilience: resilience.optional(),
    })
    .strict(),
  z
    .object({
      model: z.literal('constant-product'),
      /** Base in the pool (x); the price is quoteReserve / baseReserve. */
      baseReserve: positive,
      quoteReserve: positive,
      /** The pool's fee on the input amount (0.003 for 0.3%). */
      feeRate: fraction.optional(),
    })
    .strict(),
  z
    .object({
      model: z.literal('concentrated-liquidity'),
      /**
       * Uniswap v3 style liquidity positions: liquidity L active while the price is within [lower, upper]
       * (quote per base); overlapping ranges add up. The pool starts at the market's `initialPriceQuote`.
       */
      ranges: z
        .array(z.object({ lowerPriceQuote: positive, upperPriceQuote: positive, liquidity: nonNegative }).strict())
        .min(1),
      /** The pool's fee on the input amount (0.0005 for 0.05%). */
      feeRate: fraction.optional(),
    })
    .strict(),
  z
    .object({
      model: z.literal('l2'),
      /** Levels inline, or a JSON file (relative to the scenario) with `{bids, asks}`. */
      snapshot: z.object({ bids: z.array(l2Level), asks: z.array(l2Level) }).optional(),
      snapshotFile: z.string().optional(),
      beyondLastLevel: z.enum(['extrapolate', 'exhaust']).optional(),
      resilience: resilience.optional(),
    })
    .strict(),
]);

/** A venue: which liquidation model, its parameters, and its insurance fund. */
export const venueSchema = z
  .object({
    id: z.string().min(1),
    /** The venue model, such as `generic`. */
    model: z.string().min(1),
    /** Parameters of the model (see the venue package's options type). */
    params: z.record(z.string(), z.unknown()).optional(),
    insuranceFundQuote: nonNegative.default(0),
    autoDeleveraging: z.boolean().optional(),
    /** What one liquidation costs a keeper (gas + slippage), in quote; it liquidates only when its reward covers it. */
    liquidatorCostQuote: nonNegative.optional(),
  })
  .strict();

export const marketSchema = z
  .object({
    id: z.string().min(1),
    venue: z.string().min(1),
    baseAsset: z.string().min(1),
    /** The market's id in the venue's parameters (`BTCUSDT`); default: the venue's usual name for `baseAsset`. */
    venueSymbol: z.string().min(1).optional(),
    /** The mid price at the start, in quote per base; for an `l2` book, the snapshot's mid when omitted. */
    initialPriceQuote: positive.optional(),
    book: bookSchema,
    /** Depth multiplier once the shock starts (0.6 keeps 60% of the depth). Default 1. */
    stressDepthMultiplier: positive.optional(),
    /** Where the mark price comes from: own book (default), another market, a median, or a TWAP; with its delay. */
    oracle: z
      .discriminatedUnion('source', [
        z.object({ source: z.literal('own-book'), delaySeconds: nonNegative.optional() }).strict(),
        z.object({ source: z.literal('market'), marketId: z.string().min(1), delaySeconds: nonNegative.optional() }).strict(),
        z.object({ source: z.literal('median'), marketIds: z.array(z.string().min(1)).min(1), delaySeconds: nonNegative.optional() }).strict(),
        z.object({ source: z.literal('twap'), marketId: z.string().min(1).optional(), windowSeconds: nonNegative, delaySeconds: nonNegative.optional() }).strict(),
      ])
      .optional(),
    /** Market makers pull depth as volatility rises: multiplier max(floor, exp(-sensitivity × window volatility)). */
    liquidityWithdrawal: z.object({ windowSeconds: nonNegative, sensitivity: nonNegative, floorMultiplier: finite }).strict().optional(),
  })
  .strict();

/** Arbitrageurs linking two markets of one asset (two venues), with a capacity per step and a latency. */
export const arbitrageLinkSchema = z
  .object({
    markets: z.tuple([z.string().min(1), z.string().min(1)]),
    capacityBasePerStep: finite,
    latencySeconds: finite.optional(),
    minGapFraction: nonNegative.optional(),
  })
  .strict();

const collateral = z.object({ asset: z.string().min(1), amount: nonNegative, haircut: fraction.optional() }).strict();

export const accountSchema = z
  .object({
    id: z.string().min(1),
    marginMode: z.enum(['isolated', 'cross']).default('isolated'),
    collateral: z.array(collateral).default([]),
  })
  .strict();

export const positionSchema = z
  .object({
    account: z.string().min(1),
    market: z.string().min(1),
    side: z.enum(['long', 'short']),
    sizeBase: finite,
    entryPriceQuote: finite,
    /** Leverage at entry (notional / margin); or give `marginQuote`. */
    leverage: finite.optional(),
    marginQuote: finite.optional(),
  })
  .strict();

const distribution = z.discriminatedUnion('distribution', [
  z.object({ distribution: z.literal('fixed'), value: positive }).strict(),
  z.object({ distribution: z.literal('lognormal'), median: positive, sigma: nonNegative, max: positive.optional() }).strict(),
  z.object({ distribution: z.literal('uniform'), min: positive, max: positive }).strict(),
  z.object({ distribution: z.literal('discrete'), values: z.array(positive).min(1), weights: z.array(nonNegative).min(1) }).strict(),
]);

/** Generates positions from distributions (seeded by the scenario seed). */
export const generatorSchema = z
  .object({
    market: z.string().min(1),
    count: z.number().int().positive(),
    /** Share of positions that are long. Default 0.5. */
    longShare: fraction.default(0.5),
    /** Position notional at entry, in quote. */
    notionalQuote: distribution,
    leverage: distribution,
    /** Entries spread around the initial price: normal with this relative standard deviation. Default 0.02. */
    entrySpreadFraction: nonNegative.default(0.02),
    marginMode: z.enum(['isolated', 'cross']).default('isolated'),
  })
  .strict();

export const shockSchema = z
  .object({
    market: z.string().min(1),
    /** Relative move of the price, in percent (-3 for a 3% fall). */
    returnPct: finite.refine((x) => x > -100, 'must be above -100'),
    atSeconds: nonNegative.optional(),
    overSeconds: nonNegative.optional(),
  })
  .strict();

/**
 * Correlated moves of several markets from one joint distribution (via `@firesale/contagion`): per-market
 * volatilities over `horizonSeconds` and a correlation matrix (or factor loadings). Either a seeded random `draw`
 * (default: draw 0 of the scenario seed) or a `quantile` stress: the first market at that quantile, the others at
 * their conditional mean given it. Each market's move unfolds over `horizonSeconds` from `atSeconds`.
 */
export const correlatedShockSchema = z
  .object({
    markets: z.array(z.string().min(1)).min(1),
    /** Standard deviation of each market's return over the horizon (0.05 = 5%). */
    volatilities: z.array(nonNegative).min(1),
    /** Mean return of each market over the horizon (default 0). */
    means: z.array(finite).optional(),
    correlation: z.array(z.array(finite)).optional(),
    /** `factorLoadings[m][f]`: market m's loading on common factor f (instead of `correlation`). */
    factorLoadings: z.array(z.array(finite)).optional(),
    /** `log` (default): return = exp(x) - 1; `simple`: return = x. */
    returnModel: z.enum(['log', 'simple']).optional(),
    horizonSeconds: nonNegative,
    atSeconds: nonNegative.optional(),
    /** Seed of the draw (default: the scenario seed). */
    seed: z.number().int().nonnegative().optional(),
    /** Which seeded draw (0, 1, 2, ...: Monte Carlo path numbers). Default 0. */
    draw: z.number().int().nonnegative().optional(),
    /** A stress instead of a draw: the first market at this quantile of its distribution (0.01 = a 1-in-100 fall). */
    quantile: finite.refine((x) => x > 0 && x < 1, 'must be strictly between 0 and 1').optional(),
  })
  .strict()
  .refine((c) => c.quantile === undefined || c.draw === undefined, { message: 'give either draw or quantile, not both', path: ['draw'] });

export const containmentSchema = z
  .object({
    maxLiquidatedNotionalPerStepQuote: positive.optional(),
    priceMonitoring: z
      .object({
        triggers: z
          .array(
            z
              .object({
                horizonSeconds: nonNegative,
                maxUpMoveFactor: positive,
                maxDownMoveFactor: positive,
                auctionExtensionSeconds: positive,
              })
              .strict(),
          )
          .min(1),
        tickSizeQuote: nonNegative.optional(),
      })
      .strict()
      .optional(),
    stagedDisposal: z
      .object({
        timeStepSeconds: nonNegative,
        disposalFraction: fraction,
        fullDisposalSizeLots: nonNegative,
        maxFractionConsumed: fraction,
        disposalSlippageFraction: fraction,
        lotSizeBase: positive,
      })
      .strict()
      .optional(),
  })
  .strict();

export const timingSchema = z
  .object({
    stepSeconds: positive.optional(),
    durationSeconds: nonNegative.optional(),
    oracleDelaySeconds: nonNegative.optional(),
    liquidatorLatencySeconds: nonNegative.optional(),
    /** Windows with no keeper: liquidations on the markets listed (all when omitted) wait until `toSeconds`. */
    keeperOutages: z
      .array(
        z
          .object({ fromSeconds: nonNegative, toSeconds: positive, markets: z.array(z.string().min(1)).min(1).optional() })
          .strict()
          .refine((o) => o.toSeconds > o.fromSeconds, { message: 'toSeconds must be after fromSeconds', path: ['toSeconds'] }),
      )
      .optional(),
  })
  .strict();

/**
 * Auto-deleveraging: the policy that picks and prices the winners who absorb a bankrupt close, and whether ADL runs
 * inside each step's liquidation batch or in its own batch after it (see `AdlOptionsV1` in `@firesale/spec`).
 */
export const adlSchema = z
  .object({
    /** `ranking` (the venue's queue, default), `pro-rata`, or `shortfall-only` (risk-aware: takes only the shortfall). */
    policy: z.enum(['ranking', 'pro-rata', 'shortfall-only']).optional(),
    /** `interleaved` (default) or `separate` (liquidations first, then an ADL batch, per step). */
    batching: z.enum(['interleaved', 'separate']).optional(),
  })
  .strict();

/** A scenario file: markets, books, venues, accounts and positions, the shock and the containment settings. */
export const scenarioSchema = z
  .object({
    name: z.string().default('scenario'),
    description: z.string().optional(),
    seed: z.number().int().nonnegative().default(1),
    quoteAsset: z.string().default('USD'),
    timing: timingSchema.default({}),
    venues: z.array(venueSchema).min(1),
    markets: z.array(marketSchema).min(1),
    accounts: z.array(accountSchema).default([]),
    positions: z.array(positionSchema).default([]),
    /** CSV of positions (relative to the scenario file); columns documented in the SDK README. */
    positionsCsv: z.string().optional(),
    generators: z.array(generatorSchema).default([]),
    /** Exogenous moves; may be empty when `correlatedShock` gives them. */
    shocks: z.array(shockSchema).default([]),
    /** Correlated moves of several markets drawn from a joint distribution. */
    correlatedShock: correlatedShockSchema.optional(),
    containment: containmentSchema.default({}),
    /** Cross-venue arbitrage links. */
    arbitrage: z.array(arbitrageLinkSchema).default([]),
    /** ADL policy and batching. */
    adl: adlSchema.optional(),
  })
  .strict();

/** A scenario as written in a file (before defaults). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario, defaults filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
export type BookSpec = z.output<typeof bookSchema>;
export type DistributionSpec = z.output<typeof distribution>;
export type GeneratorSpec = z.output<typeof generatorSchema>;
export type CorrelatedShockSpec = z.output<typeof correlatedShockSchema>;

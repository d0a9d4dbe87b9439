/**
 * The dashboard's controls. Each one reads its starting value from the scenario (so untouched controls leave
 * the scenario exactly as written) and, once moved, rewrites the matching scenario field.
 */
export type Controls = {
  /** Size of the first shock in percent (-3 is a 3% fall). */
  shockPct: number;
  /** Seconds over which the first shock unfolds. */
  shockSeconds: number;
  /** Multiplier on every book's resting depth (1 = as in the scenario). */
  depthScale: number;
  /** Share of depth left once the shock starts (stress thinning), 0.05 to 1. */
  stressMultiplier: number;
  /** Half-life of the book's recovery in seconds; 0 for no recovery. */
  halfLifeSeconds: number;
  /** Multiplier on every leverage value of the generators and inline positions. */
  leverageScale: number;
  /** Venue model for every venue: `scenario` keeps the file's. */
  venue: string;
  /** Generated positions in all (0 = as in the scenario); open interest is held constant. */
  positions: number;
  /** Cap on liquidated notional per market per step, in millions of quote; 0 is no cap. */
  stepCapMillions: number;
  /** Circuit breaker band: a fall of more than this percent within 60 s halts the market for 60 s; 0 is off. */
  breakerBandPct: number;
  /** Staged disposal of taken-over positions (Vega-style network position). */
  stagedDisposal: boolean;
};

type Json = Record<string, unknown>;

const asRecord = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** Staged disposal settings the checkbox turns on (the parameters Vega's specs use for the network position). */
export const stagedDisposalDefaults = {
  timeStepSeconds: 10,
  disposalFraction: 0.5,
  fullDisposalSizeLots: 10,
  maxFractionConsumed: 0.1,
  disposalSlippageFraction: 0.05,
  lotSizeBase: 1,
} as const;

/** Horizon and halt length of the circuit breaker control, in seconds. */
export const breakerHorizonSeconds = 60;

/** The controls' values as the scenario has them (the starting point and the "unchanged" reference). */
export function controlsFromScenario(raw: unknown): Controls {
  const s = asRecord(raw);
  const shock = asRecord(asArray(s.shocks)[0]);
  const market = asRecord(asArray(s.markets)[0]);
  const book = asRecord(market.book);
  const resilience = asRecord(book.resilience);
  const containment = asRecord(s.containment);
  const monitoring = asRecord(containment.priceMonitoring);
  const trigger = asRecord(asArray(monitoring.triggers)[0]);
  const rate = num(resilience.ratePerSecond, 0);
  const halfLife = resilience.halfLifeSeconds !== undefined ? num(resilience.halfLifeSeconds, 0) : rate > 0 ? Math.LN2 / rate : 0;
  let positions = 0;
  for (const g of asArray(s.generators)) positions += num(asRecord(g).count, 0);
  const cap = num(containment.maxLiquidatedNotionalPerStepQuote, 0);
  return {
    shockPct: num(shock.returnPct, 0),
    shockSeconds: num(shock.overSeconds, 0),
    depthScale: 1,
    stressMultiplier: num(market.stressDepthMultiplier, 1),
    halfLifeSeconds: Math.round(halfLife),
    leverageScale: 1,
    venue: 'scenario',
    positions,
    stepCapMillions: cap / 1e6,
    breakerBandPct: trigger.maxDownMoveFactor === undefined ? 0 : Math.round((1 - num(trigger.maxDownMoveFactor, 1)) * 1000) / 10,
    stagedDisposal: containment.stagedDisposal !== undefined,
  };
}

function scaleDistribution(spec: Json, factor: number, max: number): Json {
  const f = (x: unknown): number => Math.min(max, num(x, 1) * factor);
  switch (spec.distribution) {
    case 'fixed':
      return { ...spec, value: f(spec.value) };
    case 'uniform':
      return { ...spec, min: f(spec.min), max: f(spec.max) };
    case 'lognormal':
      return { ...spec, median: f(spec.median), ...(spec.max === undefined && max === Infinity ? {} : { max: spec.max === undefined ? max : f(spec.max) }) };
    case 'discrete':
      return { ...spec, values: asArray(spec.values).map(f) };
    default:
      return spec;
  }
}

function scaleNotional(spec: Json, factor: number): Json {
  const f = (x: unknown): number => num(x, 1) * factor;
  switch (spec.distribution) {
    case 'fixed':
      return { ...spec, value: f(spec.value) };
    case 'uniform':
      return { ...spec, min: f(spec.min), max: f(spec.max) };
    case 'lognormal':
      return { ...spec, median: f(spec.median), ...(spec.max === undefined ? {} : { max: f(spec.max) }) };
    case 'discrete':
      return { ...spec, values: asArray(spec.values).map(f) };
    default:
      return spec;
  }
}

/** What applying the controls needs to know about the venue choice (from `venueParamsFor`). */
export type VenueOverride = { model: string; params: Record<string, unknown>; maxLeverage: number };

/**
 * Rewrites `raw` (a scenario as parsed from JSON) with every control that differs from `base`; the input is
 * not changed. Untouched controls leave their fields exactly as written, so `applyControls(s, b, b)` is `s`.
 */
export function applyControls(raw: unknown, base: Controls, controls: Controls, venue?: VenueOverride): Json {
  const s: Json = structuredClone(asRecord(raw));
  if (controls.shockPct !== base.shockPct || controls.shockSeconds !== base.shockSeconds) {
    const shocks = asArray(s.shocks).map(asRecord);
    if (shocks[0]) shocks[0] = { ...shocks[0], returnPct: controls.shockPct, overSeconds: controls.shockSeconds };
    s.shocks = shocks;
  }
  if (controls.depthScale !== base.depthScale || controls.stressMultiplier !== base.stressMultiplier || controls.halfLifeSeconds !== base.halfLifeSeconds) {
    s.markets = asArray(s.markets).map((m) => {
      const market = { ...asRecord(m) };
      const book = { ...asRecord(market.book) };
      if (controls.depthScale !== base.depthScale) {
        const k = controls.depthScale / base.depthScale;
        if (book.model === 'parametric') book.depthQuotePerPercent = num(book.depthQuotePerPercent, 0) * k;
        else if (book.model === 'linear') book.depthBasePerQuote = num(book.depthBasePerQuote, 0) * k;
        else if (book.model === 'l2' && book.snapshot) {
          const snap = asRecord(book.snapshot);
          const scale = (levels: unknown): unknown[] => asArray(levels).map((l) => [asArray(l)[0], Number(asArray(l)[1]) * k]);
          book.snapshot = { bids: scale(snap.bids), asks: scale(snap.asks) };
        } else if (book.model === 'constant-product') {
          // More depth at the same price: both reserves scale.
          book.baseReserve = num(book.baseReserve, 0) * k;
          book.quoteReserve = num(book.quoteReserve, 0) * k;
        } else if (book.model === 'concentrated-liquidity') {
          book.ranges = asArray(book.ranges).map((r) => ({ ...asRecord(r), liquidity: num(asRecord(r).liquidity, 0) * k }));
        }
      }
      // AMM pools have no resilience (the schema rejects it): the half-life control leaves them alone.
      const amm = book.model === 'constant-product' || book.model === 'concentrated-liquidity';
      if (controls.halfLifeSeconds !== base.halfLifeSeconds && !amm) {
        if (controls.halfLifeSeconds > 0) book.resilience = { halfLifeSeconds: controls.halfLifeSeconds };
        else delete book.resilience;
      }
      market.book = book;
      if (controls.stressMultiplier !== base.stressMultiplier) market.stressDepthMultiplier = controls.stressMultiplier;
      return market;
    });
  }
  const maxLeverage = venue?.maxLeverage ?? Infinity;
  if (controls.leverageScale !== base.leverageScale || venue || controls.positions !== base.positions) {
    const factor = controls.leverageScale / base.leverageScale;
    const countFactor = base.positions > 0 && controls.positions > 0 ? controls.positions / base.positions : 1;
    s.generators = asArray(s.generators).map((g) => {
      const gen = { ...asRecord(g) };
      gen.leverage = scaleDistribution(asRecord(gen.leverage), factor, maxLeverage);
      if (countFactor !== 1) {
        gen.count = Math.max(1, Math.round(num(gen.count, 1) * countFactor));
        gen.notionalQuote = scaleNotional(asRecord(gen.notionalQuote), 1 / countFactor);
      }
      return gen;
    });
    s.positions = asArray(s.positions).map((p) => {
      const pos = { ...asRecord(p) };
      if (typeof pos.leverage === 'number') pos.leverage = Math.min(maxLeverage, pos.leverage * factor);
      else if (typeof pos.marginQuote === 'number' && factor !== 1) pos.marginQuote = pos.marginQuote / factor;
      return pos;
    });
  }
  if (venue) s.venues = asArray(s.venues).map((v) => ({ ...asRecord(v), model: venue.model, params: venue.params }));
  if (controls.stepCapMillions !== base.stepCapMillions || controls.breakerBandPct !== base.breakerBandPct || controls.stagedDisposal !== base.stagedDisposal) {
    const containment = { ...asRecord(s.containment) };
    if (controls.stepCapMillions !== base.stepCapMillions) {
      if (controls.stepCapMillions > 0) containment.maxLiquidatedNotionalPerStepQuote = controls.stepCapMillions * 1e6;
      else delete containment.maxLiquidatedNotionalPerStepQuote;
    }
    if (controls.breakerBandPct !== base.breakerBandPct) {
      if (controls.breakerBandPct > 0) {
        const band = controls.breakerBandPct / 100;
        containment.priceMonitoring = {
          triggers: [{ horizonSeconds: breakerHorizonSeconds, maxUpMoveFactor: 1 + band, maxDownMoveFactor: 1 - band, auctionExtensionSeconds: breakerHorizonSeconds }],
        };
      } else delete containment.priceMonitoring;
    }
    if (controls.stagedDisposal !== base.stagedDisposal) {
      if (controls.stagedDisposal) containment.stagedDisposal = { ...stagedDisposalDefaults };
      else delete containment.stagedDisposal;
    }
    s.containment = containment;
  }
  return s;
}

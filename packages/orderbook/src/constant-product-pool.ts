import type {
  AmountBase,
  Fraction,
  OrderBookCapabilitiesV1,
  OrderBookFillV1,
  OrderBookModelV1,
  OrderBookV1,
  OrderSide,
  PriceQuote,
  Seconds,
} from '@firesale/spec';
import { DEFAULT_MIN_PRICE_FRACTION, requireNonNegativeFinite, requirePositiveArgument, requirePositiveFinite, timeBeforeError } from './option-checks';

/** Options of {@link createConstantProductPool}. */
export type ConstantProductPoolOptions = {
  /** Base reserve `x` of the pool, in base. */
  readonly baseReserve: number;
  /** Quote reserve `y` of the pool, in quote; the price is `y / x` quote per base. */
  readonly quoteReserve: number;
  /**
   * Fee as a fraction of the input amount, in [0, 1) (0.003 for Uniswap v2). Only `input · (1 - feeRate)` enters
   * the curve, so the fee reduces price impact and is taken from the trader.
   */
  readonly feeRate?: number;
  /** Sells stop at this price, in quote per base. Default `1e-9 × initial price`. */
  readonly minPriceQuote?: number;
  /** Buys stop at this price (the base reserve is never emptied), in quote per base. Default `1e9 × initial price`. */
  readonly maxPriceQuote?: number;
};

/** What a constant-product pool supports: no resilience (only arbitrage via the reference price). */
export const constantProductPoolCapabilities = {
  resilience: false,
  depthMultiplier: true,
  observedLevels: false,
  automatedMarketMaker: true,
} as const satisfies OrderBookCapabilitiesV1;

type PoolSetup = {
  readonly baseReserve: number;
  readonly liquidity: number;
  readonly priceQuote: number;
  readonly feeRate: number;
  readonly minPriceQuote: number;
  readonly maxPriceQuote: number;
};

/**
 * A constant-product pool `x · y = k` kept as liquidity `L = √k` and base reserve `x` (price `L² / x²`).
 * Formulas from the Uniswap v2 whitepaper (Adams, Zinsmeister & Robinson 2020, §3.2) and the
 * `amm_cascade` fixtures of vectors/analytic.json: selling `q` base sets `x` to `x + q·(1 - fee)` and pays out
 * `y - k / x'` quote.
 */
class ConstantProductPool implements OrderBookV1 {
  private readonly baseLiquidity: number;
  // Numbers start as doubles (NaN until the constructor sets them): V8 then keeps them unboxed, updated in place.
  private liquidity = Number.NaN;
  private baseReserve = Number.NaN;
  private ref = Number.NaN;
  private lastTime = Number.NEGATIVE_INFINITY;
  private readonly keep: number;
  private readonly minBaseReserveFactor: number;
  private readonly maxBaseReserveFactor: number;

  constructor(setup: PoolSetup) {
    this.baseLiquidity = setup.liquidity;
    this.liquidity = setup.liquidity;
    this.ref = setup.priceQuote;
    this.baseReserve = setup.baseReserve;
    this.keep = 1 - setup.feeRate;
    // x = L / √price: the reserve bounds per unit of liquidity at the price ceiling and floor.
    this.minBaseReserveFactor = 1 / Math.sqrt(setup.maxPriceQuote);
    this.maxBaseReserveFactor = setup.minPriceQuote > 0 ? 1 / Math.sqrt(setup.minPriceQuote) : Number.POSITIVE_INFINITY;
  }

  midPriceQuote(): PriceQuote {
    const ratio = this.liquidity / this.baseReserve;
    return ratio * ratio;
  }

  referencePriceQuote(): PriceQuote {
    return this.ref;
  }

  /** Arbitrage moves the pool to `priceQuote`: `x = √(k / p)`. */
  doSetReferencePrice(priceQuote: PriceQuote): void {
    requirePositiveArgument(priceQuote, 'doSetReferencePrice', 'priceQuote');
    this.ref = priceQuote;
    this.baseReserve = this.liquidity / Math.sqrt(priceQuote);
  }

  depthToPriceBase(side: OrderSide, limitPriceQuote: PriceQuote): AmountBase {
    if (!(limitPriceQuote > 0)) return side === 'sell' ? this.maxSellBase() : 0;
    const reserveAtLimit = this.liquidity / Math.sqrt(limitPriceQuote);
    if (side === 'sell') {
      const to = Math.min(reserveAtLimit, this.liquidity * this.maxBaseReserveFactor);
      return to > this.baseReserve ? (to - this.baseReserve) / this.keep : 0;
    }
    const to = Math.max(reserveAtLimit, this.liquidity * this.minBaseReserveFactor);
    return to < this.baseReserve ? this.baseReserve - to : 0;
  }

  quote(side: OrderSide, sizeBase: AmountBase, out: OrderBookFillV1): void {
    this.fill(side, sizeBase, out);
  }

  doExecute(side: OrderSide, sizeBase: AmountBase, timeSeconds: Seconds, out: OrderBookFillV1): void {
    this.doAdvance(timeSeconds);
    this.baseReserve = this.fill(side, sizeBase, out);
  }

  /** A pool does not recover on its own; only checks that time does not go backwards. */
  doAdvance(timeSeconds: Seconds): void {
    if (!(timeSeconds >= this.lastTime)) throw timeBeforeError(timeSeconds, this.lastTime, 'pool');
    this.lastTime = timeSeconds;
  }

  /** Scales liquidity (both reserves) to `multiplier × initial` at the current price: LPs withdrawing under stress. */
  doSetDepthMultiplier(multiplier: Fraction): void {
    requirePositiveArgument(multiplier, 'doSetDepthMultiplier', 'multiplier');
    const scaled = this.baseLiquidity * multiplier;
    this.baseReserve *= scaled / this.liquidity;
    this.liquidity = scaled;
  }

  private maxSellBase(): number {
    const to = this.liquidity * this.maxBaseReserveFactor;
    return to > this.baseReserve ? (to - this.baseReserve) / this.keep : 0;
  }

  /** Prices a market order against the current reserves, writes `out`, and returns the base reserve after it. */
  private fill(side: OrderSide, sizeBase: AmountBase, out: OrderBookFillV1): number {
    if (!(sizeBase >= 0) || sizeBase === Number.POSITIVE_INFINITY) {
      throw new RangeError(`${side}: sizeBase ${String(sizeBase)} is not a non-negative finite number`);
    }
    const x = this.baseReserve;
    let filled = sizeBase;
    let exhausted = false;
    let xAfter: number;
    if (side === 'sell') {
      const xMax = this.liquidity * this.maxBaseReserveFactor;
      xAfter = x + filled * this.keep;
      if (xAfter > xMax) {
        xAfter = xMax > x ? xMax : x;
        filled = (xAfter - x) / this.keep;
        exhausted = true;
      }
    } else {
      const xMin = this.liquidity * this.minBaseReserveFactor;
      xAfter = x - filled;
      if (xAfter < xMin) {
        xAfter = xMin < x ? xMin : x;
        filled = x - xAfter;
        exhausted = true;
      }
    }
    const before = this.midPriceQuote();
    const ratio = this.liquidity / xAfter;
    const after = ratio * ratio;
    out.filledBase = filled;
    out.priceAfterQuote = after;
    out.exhausted = exhausted;
    if (filled > 0) {
      // The curve trades Δx base for k/x - k/x' = Δx · k/(x·x') quote: its price is k/(x·x'), the geometric mean
      // of the prices before and after (clamped into them against rounding). The fee comes on top:
      // a seller's base only counts (1 - fee), a buyer pays 1/(1 - fee).
      let curvePrice = (this.liquidity / x) * ratio;
      const low = side === 'sell' ? after : before;
      const high = side === 'sell' ? before : after;
      if (curvePrice < low) curvePrice = low;
      else if (curvePrice > high) curvePrice = high;
      const average = side === 'sell' ? curvePrice * this.keep : curvePrice / this.keep;
      out.averagePriceQuote = average;
      out.amountQuote = average * filled;
    } else {
      out.averagePriceQuote = before;
      out.amountQuote = 0;
    }
    return xAfter;
  }
}

/**
 * A constant-product AMM pool (`x · y = k`, price `y / x`). Selling `q` base moves the price to
 * `k / (x + q·(1 - fee))²`; `doSetReferencePrice(p)` moves the pool to `p` by arbitrage (`x = √(k / p)`).
 * No resilience: the price stays where trades leave it until the reference moves.
 *
 * @throws RangeError naming the option when a reserve is not positive and finite or `feeRate` is outside [0, 1).
 * @example
 * ```ts
 * const pool = createConstantProductPool({ baseReserve: 1000, quoteReserve: 100_000 }).doCreate();
 * const fill = createFill();
 * pool.doExecute('sell', 10, 0, fill); // fill.priceAfterQuote = 1e8 / 1010² ≈ 98.03
 * ```
 */
export function createConstantProductPool(options: ConstantProductPoolOptions): OrderBookModelV1 {
  const x = requirePositiveFinite(options.baseReserve, 'createConstantProductPool.baseReserve');
  const y = requirePositiveFinite(options.quoteReserve, 'createConstantProductPool.quoteReserve');
  const feeRate =
    options.feeRate === undefined ? 0 : requireNonNegativeFinite(options.feeRate, 'createConstantProductPool.feeRate');
  if (feeRate >= 1) throw new RangeError(`createConstantProductPool.feeRate: ${feeRate} is not below 1`);
  const price = y / x;
  const minPriceQuote =
    options.minPriceQuote === undefined
      ? DEFAULT_MIN_PRICE_FRACTION * price
      : requireNonNegativeFinite(options.minPriceQuote, 'createConstantProductPool.minPriceQuote');
  const maxPriceQuote =
    options.maxPriceQuote === undefined
      ? price / DEFAULT_MIN_PRICE_FRACTION
      : requirePositiveFinite(options.maxPriceQuote, 'createConstantProductPool.maxPriceQuote');
  const setup: PoolSetup = { baseReserve: x, liquidity: Math.sqrt(x * y), priceQuote: price, feeRate, minPriceQuote, maxPriceQuote };
  return {
    specificationVersion: 'v1',
    modelId: 'constant-product',
    capabilities: constantProductPoolCapabilities,
    initialMidPriceQuote: price,
    doCreate: () => new ConstantProductPool(setup),
  };
}

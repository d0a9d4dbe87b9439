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
import { requireNonNegativeFinite, requirePositiveArgument, requirePositiveFinite, timeBeforeError } from './option-checks';

/** One liquidity position of a concentrated-liquidity pool: liquidity `L` active while the price is in its range. */
export type ConcentratedLiquidityRange = {
  /** Lower end of the range, in quote per base (Uniswap v3 `tickLower` as a price). */
  readonly lowerPriceQuote: number;
  /** Upper end of the range, in quote per base; above `lowerPriceQuote`. */
  readonly upperPriceQuote: number;
  /** Liquidity `L = √(x · y)` of the position's virtual reserves (units √(base · quote)); 0 or more. */
  readonly liquidity: number;
};

/** Options of {@link createConcentratedLiquidityPool}. */
export type ConcentratedLiquidityPoolOptions = {
  /** The pool's price at the start, in quote per base (Uniswap v3 `slot0.sqrtPriceX96` squared). */
  readonly initialPriceQuote: number;
  /**
   * Liquidity positions. Ranges may overlap: as in Uniswap v3, the active liquidity at a price is the sum of every
   * position whose range contains it. At least one range needs liquidity above 0.
   */
  readonly ranges: readonly ConcentratedLiquidityRange[];
  /**
   * The pool's fee as a fraction of the input amount, in [0, 1) (0.0005, 0.003 or 0.01 for the usual v3 tiers).
   * Only `input · (1 - feeRate)` moves the price, as in {@link createConstantProductPool}.
   */
  readonly feeRate?: number;
};

/** What a concentrated-liquidity pool supports: no resilience (only arbitrage via the reference price). */
export const concentratedLiquidityPoolCapabilities = {
  resilience: false,
  depthMultiplier: true,
  observedLevels: false,
  automatedMarketMaker: true,
} as const satisfies OrderBookCapabilitiesV1;

/** The pool as disjoint segments: `boundsSqrt[i]..boundsSqrt[i+1]` (√price) holds liquidity `liquidity[i]`. */
type PoolSetup = {
  readonly boundsSqrt: Float64Array;
  readonly liquidity: Float64Array;
  readonly priceQuote: number;
  readonly feeRate: number;
};

/**
 * A Uniswap v3 style pool. Within a segment of constant liquidity L the reserves are virtual, `x · y = L²`, and
 * the pool keeps `√P` (Uniswap v3 whitepaper, Adams et al. 2021, §6.2.3): selling Δx base (after the fee) moves
 * `1/√P` up by `Δx / L` and pays `L · Δ√P` quote; buying Δx base moves `1/√P` down by `Δx / L` for `L · Δ√P` quote.
 * A swap walks segment by segment (§6.3, crossing ticks) and jumps through price ranges without liquidity.
 */
class ConcentratedLiquidityPool implements OrderBookV1 {
  private readonly bounds: Float64Array;
  private readonly baseLiquidity: Float64Array;
  private readonly liquidity: Float64Array;
  // Numbers start as doubles (NaN until the constructor sets them): V8 then keeps them unboxed, updated in place.
  private sqrtPrice = Number.NaN;
  private ref = Number.NaN;
  private lastTime = Number.NEGATIVE_INFINITY;
  private readonly keep: number;
  /** Written by {@link walk}: quote paid or received along the curve, and base left unfilled (after the fee). */
  private walkQuote = 0;
  private walkLeft = 0;

  constructor(setup: PoolSetup) {
    this.bounds = setup.boundsSqrt;
    this.baseLiquidity = setup.liquidity;
    this.liquidity = Float64Array.from(setup.liquidity);
    this.ref = setup.priceQuote;
    this.sqrtPrice = Math.sqrt(setup.priceQuote);
    this.keep = 1 - setup.feeRate;
  }

  midPriceQuote(): PriceQuote {
    return this.sqrtPrice * this.sqrtPrice;
  }

  referencePriceQuote(): PriceQuote {
    return this.ref;
  }

  /** Arbitrage moves the pool's price to `priceQuote` (through ranges without liquidity too). */
  doSetReferencePrice(priceQuote: PriceQuote): void {
    requirePositiveArgument(priceQuote, 'doSetReferencePrice', 'priceQuote');
    this.ref = priceQuote;
    this.sqrtPrice = Math.sqrt(priceQuote);
  }

  depthToPriceBase(side: OrderSide, limitPriceQuote: PriceQuote): AmountBase {
    const b = this.bounds;
    const n = this.liquidity.length;
    let s = this.sqrtPrice;
    let base = 0;
    if (side === 'sell') {
      const limit = limitPriceQuote > 0 ? Math.sqrt(limitPriceQuote) : 0;
      for (let k = this.segmentBelow(s); k >= 0 && s > limit; k--) {
        const lo = b[k]! > limit ? b[k]! : limit;
        const l = k < n ? this.liquidity[k]! : 0;
        if (l > 0 && s > lo) base += l * (1 / lo - 1 / s);
        s = lo;
      }
      return base / this.keep;
    }
    if (!(limitPriceQuote > 0)) return 0;
    const limit = Math.sqrt(limitPriceQuote);
    for (let k = this.segmentAbove(s); k <= n && s < limit; k++) {
      const hi = b[k]! < limit ? b[k]! : limit;
      const l = k >= 1 ? this.liquidity[k - 1]! : 0;
      if (l > 0 && hi > s) base += l * (1 / s - 1 / hi);
      s = hi;
    }
    return base;
  }

  quote(side: OrderSide, sizeBase: AmountBase, out: OrderBookFillV1): void {
    this.fill(side, sizeBase, out);
  }

  doExecute(side: OrderSide, sizeBase: AmountBase, timeSeconds: Seconds, out: OrderBookFillV1): void {
    this.doAdvance(timeSeconds);
    this.sqrtPrice = this.fill(side, sizeBase, out);
  }

  /** A pool does not recover on its own; only checks that time does not go backwards. */
  doAdvance(timeSeconds: Seconds): void {
    if (!(timeSeconds >= this.lastTime)) throw timeBeforeError(timeSeconds, this.lastTime, 'pool');
    this.lastTime = timeSeconds;
  }

  /** Scales every range's liquidity to `multiplier × initial` (LPs withdrawing under stress); the price stays. */
  doSetDepthMultiplier(multiplier: Fraction): void {
    requirePositiveArgument(multiplier, 'doSetDepthMultiplier', 'multiplier');
    for (let k = 0; k < this.liquidity.length; k++) this.liquidity[k] = this.baseLiquidity[k]! * multiplier;
  }

  /** The largest bound index strictly below `s` (the segment a sell trades in first), -1 if none. */
  private segmentBelow(s: number): number {
    const b = this.bounds;
    let k = b.length - 1;
    while (k >= 0 && !(b[k]! < s)) k--;
    return k;
  }

  /** The smallest bound index strictly above `s` (its segment is `k - 1`), `bounds.length` if none. */
  private segmentAbove(s: number): number {
    const b = this.bounds;
    let k = 0;
    while (k < b.length && !(b[k]! > s)) k++;
    return k;
  }

  /**
   * Walks the curve from the current √price with `amountBase` of curve input (a sell) or output (a buy) and returns
   * the √price after; sets {@link walkQuote} and {@link walkLeft}.
   */
  private walk(side: OrderSide, amountBase: number): number {
    const b = this.bounds;
    const n = this.liquidity.length;
    let s = this.sqrtPrice;
    let left = amountBase;
    const tiny = amountBase * 1e-12;
    let quote = 0;
    if (side === 'sell') {
      for (let k = this.segmentBelow(s); k >= 0 && left > 0; k--) {
        const lo = b[k]!;
        const l = k < n ? this.liquidity[k]! : 0;
        if (l > 0) {
          const capacity = l * (1 / lo - 1 / s);
          if (left < capacity) {
            // §6.2.3: 1/√P' = 1/√P + Δx/L, written to avoid cancellation.
            let next = (l * s) / (l + left * s);
            if (next < lo) next = lo;
            quote += l * (s - next);
            s = next;
            left = 0;
            break;
          }
          quote += l * (s - lo);
          left -= capacity;
          if (left <= tiny) {
            // Rounding dust after using up a range exactly: stop at its end rather than jump a gap below it.
            left = 0;
            s = lo;
            break;
          }
        }
        s = lo;
      }
    } else {
      for (let k = this.segmentAbove(s); k < b.length && left > 0; k++) {
        const hi = b[k]!;
        const l = k >= 1 ? this.liquidity[k - 1]! : 0;
        if (l > 0) {
          const capacity = l * (1 / s - 1 / hi);
          if (left < capacity) {
            // §6.2.3: 1/√P' = 1/√P - Δx/L.
            let next = (l * s) / (l - left * s);
            if (!(next <= hi)) next = hi;
            quote += l * (next - s);
            s = next;
            left = 0;
            break;
          }
          quote += l * (hi - s);
          left -= capacity;
          if (left <= tiny) {
            left = 0;
            s = hi;
            break;
          }
        }
        s = hi;
      }
    }
    this.walkQuote = quote;
    this.walkLeft = left;
    return s;
  }

  /** Prices a market order against the pool, writes `out`, and returns the √price after it. */
  private fill(side: OrderSide, sizeBase: AmountBase, out: OrderBookFillV1): number {
    if (!(sizeBase >= 0) || sizeBase === Number.POSITIVE_INFINITY) {
      throw new RangeError(`${side}: sizeBase ${String(sizeBase)} is not a non-negative finite number`);
    }
    const before = this.midPriceQuote();
    const sell = side === 'sell';
    const after = sizeBase > 0 ? this.walk(side, sell ? sizeBase * this.keep : sizeBase) : this.sqrtPrice;
    const left = sizeBase > 0 ? this.walkLeft : 0;
    // A sell's unfilled curve input is net of the fee; the trader kept left / (1 - fee) base.
    const filled = sell ? sizeBase - left / this.keep : sizeBase - left;
    const exhausted = left > 0 && filled < sizeBase;
    const priceAfter = after * after;
    out.priceAfterQuote = priceAfter;
    out.exhausted = exhausted;
    if (filled > 0) {
      const curveBase = sell ? filled * this.keep : filled;
      // The curve's average lies between the prices before and after (clamped into them against rounding);
      // the fee comes on top: a seller's base only counts (1 - fee), a buyer pays 1/(1 - fee).
      let curvePrice = this.walkQuote / curveBase;
      const low = sell ? priceAfter : before;
      const high = sell ? before : priceAfter;
      if (curvePrice < low) curvePrice = low;
      else if (curvePrice > high) curvePrice = high;
      const average = sell ? curvePrice * this.keep : curvePrice / this.keep;
      out.filledBase = filled;
      out.averagePriceQuote = average;
      out.amountQuote = average * filled;
    } else {
      out.filledBase = 0;
      out.averagePriceQuote = before;
      out.amountQuote = 0;
    }
    return after;
  }
}

/**
 * Checks the ranges and flattens them into disjoint segments of summed liquidity.
 *
 * @throws RangeError naming the field (`createConcentratedLiquidityPool.ranges[2].upperPriceQuote`).
 */
function toSegments(ranges: readonly ConcentratedLiquidityRange[], name: string): { boundsSqrt: Float64Array; liquidity: Float64Array } {
  if (!Array.isArray(ranges) || ranges.length === 0) throw new RangeError(`${name}: give at least one range`);
  const edges = new Set<number>();
  let total = 0;
  ranges.forEach((r, i) => {
    const lower = requirePositiveFinite(r.lowerPriceQuote, `${name}[${i}].lowerPriceQuote`);
    const upper = requirePositiveFinite(r.upperPriceQuote, `${name}[${i}].upperPriceQuote`);
    if (!(upper > lower)) {
      throw new RangeError(`${name}[${i}].upperPriceQuote: ${upper} is not above lowerPriceQuote ${lower}`);
    }
    const liquidity = requireNonNegativeFinite(r.liquidity, `${name}[${i}].liquidity`);
    total += liquidity;
    if (liquidity > 0) {
      edges.add(lower);
      edges.add(upper);
    }
  });
  if (!(total > 0)) throw new RangeError(`${name}: every range has liquidity 0, so the pool cannot trade`);
  const prices = [...edges].sort((a, b) => a - b);
  const boundsSqrt = Float64Array.from(prices, Math.sqrt);
  const liquidity = new Float64Array(prices.length - 1);
  for (const r of ranges) {
    for (let k = 0; k < liquidity.length; k++) {
      if (prices[k]! >= r.lowerPriceQuote && prices[k + 1]! <= r.upperPriceQuote) liquidity[k] = liquidity[k]! + r.liquidity;
    }
  }
  return { boundsSqrt, liquidity };
}

/**
 * A concentrated-liquidity AMM pool (Uniswap v3): liquidity positions on price ranges, active while the price is
 * inside them. Within a range the pool trades like a constant-product pool with virtual reserves `x · y = L²`; a
 * swap crosses ranges (summing overlapping ones) and jumps through prices where no range has liquidity. Selling
 * past the lowest range (or buying past the highest) fills what the pool holds and reports `exhausted`, the price
 * left at that range's end. `doSetReferencePrice(p)` moves the pool to `p` by arbitrage. No resilience.
 *
 * @throws RangeError naming the option: no ranges, a bound that is not a positive finite price, an upper bound not
 * above its lower bound, a negative liquidity, liquidity 0 in every range, an initial price that is not positive,
 * or `feeRate` outside [0, 1).
 * @example
 * ```ts
 * const pool = createConcentratedLiquidityPool({
 *   initialPriceQuote: 2000,
 *   ranges: [{ lowerPriceQuote: 1800, upperPriceQuote: 2200, liquidity: 50_000 }],
 *   feeRate: 0.0005,
 * }).doCreate();
 * pool.doExecute('sell', 10, 0, createFill()); // √P' = L√P / (L + 10 · 0.9995 · √P)
 * ```
 */
export function createConcentratedLiquidityPool(options: ConcentratedLiquidityPoolOptions): OrderBookModelV1 {
  const price = requirePositiveFinite(options.initialPriceQuote, 'createConcentratedLiquidityPool.initialPriceQuote');
  const feeRate =
    options.feeRate === undefined ? 0 : requireNonNegativeFinite(options.feeRate, 'createConcentratedLiquidityPool.feeRate');
  if (feeRate >= 1) throw new RangeError(`createConcentratedLiquidityPool.feeRate: ${feeRate} is not below 1`);
  const segments = toSegments(options.ranges, 'createConcentratedLiquidityPool.ranges');
  const setup: PoolSetup = { ...segments, priceQuote: price, feeRate };
  return {
    specificationVersion: 'v1',
    modelId: 'concentrated-liquidity',
    capabilities: concentratedLiquidityPoolCapabilities,
    initialMidPriceQuote: price,
    doCreate: () => new ConcentratedLiquidityPool(setup),
  };
}

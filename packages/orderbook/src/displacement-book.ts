import { requirePositiveArgument, requireTimeNotBefore } from './option-checks';
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

/**
 * The shape of one side of a book: how far the price is displaced from the reference price once `v` base has
 * been consumed on that side (at depth multiplier 1). All methods are O(1) (formula books) or O(log levels)
 * (L2 books) and allocate nothing. `v` and displacements are never negative.
 */
export interface DisplacementShape {
  /** Base the side holds before it runs out; `Infinity` for an unbounded side. */
  readonly capacityBase: AmountBase;
  /** Displacement of the mid (best remaining price) from the reference, in quote, after `consumedBase`. */
  displacementQuote(consumedBase: AmountBase): number;
  /**
   * Integral of the fill displacement over consumed base from `fromBase` to `toBase` (`fromBase <= toBase`),
   * in quote × base: what selling those units costs against the reference price.
   */
  integralQuote(fromBase: AmountBase, toBase: AmountBase): number;
  /** Base that trades at a displacement of at most `displacementQuote` (the inverse of the shape). */
  consumedBase(displacementQuote: number): AmountBase;
}

/** The two sides of a displacement book: bids (hit by sells) and asks (lifted by buys). */
export type DisplacementShapes = {
  readonly bid: DisplacementShape;
  readonly ask: DisplacementShape;
};

/** What a displacement model needs beyond its shapes. */
export type DisplacementModelSetup = {
  readonly modelId: string;
  readonly capabilities: OrderBookCapabilitiesV1;
  /** The mid (and reference) price a fresh book starts at, in quote per base. */
  readonly initialMidPriceQuote: PriceQuote;
  readonly shapes: DisplacementShapes;
  /** Decay rate of the consumed volume per simulated second (0: no resilience). */
  readonly ratePerSecond: number;
  /** Prices never go below this, in quote per base. */
  readonly minPriceQuote: PriceQuote;
};

/**
 * The mechanism every non-AMM book shares (propagator style, one net displacement):
 * state is the reference price `ref`, a signed consumed volume `V` in base (sells add, buys subtract), a depth
 * multiplier `m` and the time of the last update. The mid is `ref - f_bid(V/m)` for `V > 0`,
 * `ref + f_ask(-V/m)` for `V < 0` and `ref` at `V = 0`. A market order moves `V` and fills at the integral of
 * the price over the consumed volume. Between trades `V` decays as `V(t0)·exp(-rate·(t - t0))`
 * (Obizhaeva & Wang 2013). Volume that would take the price below `minPriceQuote`, or past the end of a
 * bounded side, is not filled (`exhausted`).
 */
export class DisplacementBook implements OrderBookV1 {
  private ref: number;
  private consumed = 0;
  private multiplier = 1;
  private lastTime = Number.NEGATIVE_INFINITY;
  private readonly bid: DisplacementShape;
  private readonly ask: DisplacementShape;
  private readonly rate: number;
  private readonly floor: number;
  // The last mid computed and the state it was computed for: a cascade prices many orders in one step, each
  // starting where the last one left the book, so the mid before an order is usually the mid after the previous one.
  private midMemoVolume = Number.NaN;
  private midMemoRef = Number.NaN;
  private midMemoMultiplier = Number.NaN;
  private midMemo = Number.NaN;
  // The sell bound depends only on the reference, the floor and the multiplier.
  private sellBoundRef = Number.NaN;
  private sellBoundMultiplier = Number.NaN;
  private sellBoundMemo = Number.NaN;

  constructor(setup: DisplacementModelSetup) {
    this.ref = setup.initialMidPriceQuote;
    this.bid = setup.shapes.bid;
    this.ask = setup.shapes.ask;
    this.rate = setup.ratePerSecond;
    this.floor = setup.minPriceQuote;
  }

  /** The signed consumed volume `V` in base (sells positive), at the last update. */
  consumedBase(): AmountBase {
    return this.consumed;
  }

  midPriceQuote(): PriceQuote {
    return this.midAt(this.consumed);
  }

  referencePriceQuote(): PriceQuote {
    return this.ref;
  }

  doSetReferencePrice(priceQuote: PriceQuote): void {
    requirePositiveArgument(priceQuote, 'doSetReferencePrice', 'priceQuote');
    this.ref = priceQuote;
  }

  depthToPriceBase(side: OrderSide, limitPriceQuote: PriceQuote): AmountBase {
    const m = this.multiplier;
    const ref = this.ref;
    // The signed consumed volume at which the price reaches the limit.
    const atLimit =
      limitPriceQuote < ref
        ? m * this.bid.consumedBase(ref - limitPriceQuote)
        : -m * this.ask.consumedBase(limitPriceQuote - ref);
    if (side === 'sell') {
      const to = Math.min(atLimit, this.sellBound());
      return to > this.consumed ? to - this.consumed : 0;
    }
    const to = Math.max(atLimit, this.buyBound());
    return to < this.consumed ? this.consumed - to : 0;
  }

  quote(side: OrderSide, sizeBase: AmountBase, out: OrderBookFillV1): void {
    this.fill(side, sizeBase, out);
  }

  doExecute(side: OrderSide, sizeBase: AmountBase, timeSeconds: Seconds, out: OrderBookFillV1): void {
    this.doAdvance(timeSeconds);
    this.consumed = this.fill(side, sizeBase, out);
  }

  doAdvance(timeSeconds: Seconds): void {
    requireTimeNotBefore(timeSeconds, this.lastTime, 'book');
    if (this.consumed !== 0 && this.rate > 0 && timeSeconds !== this.lastTime) {
      this.consumed *= Math.exp(-this.rate * (timeSeconds - this.lastTime));
    }
    this.lastTime = timeSeconds;
  }

  doSetDepthMultiplier(multiplier: Fraction): void {
    requirePositiveArgument(multiplier, 'doSetDepthMultiplier', 'multiplier');
    this.multiplier = multiplier;
  }

  /** The mid at signed consumed volume `v`, never below the floor. */
  private midAt(v: number): number {
    if (v === this.midMemoVolume && this.ref === this.midMemoRef && this.multiplier === this.midMemoMultiplier) return this.midMemo;
    let price = this.ref;
    if (v > 0) price -= this.bid.displacementQuote(v / this.multiplier);
    else if (v < 0) price += this.ask.displacementQuote(-v / this.multiplier);
    const mid = price > this.floor ? price : this.floor;
    this.midMemoVolume = v;
    this.midMemoRef = this.ref;
    this.midMemoMultiplier = this.multiplier;
    this.midMemo = mid;
    return mid;
  }

  /** The largest signed consumed volume a sell may reach: the floor or the end of the bid side. */
  private sellBound(): number {
    const m = this.multiplier;
    if (this.ref === this.sellBoundRef && m === this.sellBoundMultiplier) return this.sellBoundMemo;
    const bound = this.ref > this.floor ? Math.min(m * this.bid.consumedBase(this.ref - this.floor), m * this.bid.capacityBase) : -m * this.ask.consumedBase(this.floor - this.ref);
    this.sellBoundRef = this.ref;
    this.sellBoundMultiplier = m;
    this.sellBoundMemo = bound;
    return bound;
  }

  /** The smallest signed consumed volume a buy may reach: the end of the ask side. */
  private buyBound(): number {
    return -this.multiplier * this.ask.capacityBase;
  }

  /** Integral of the price over signed consumed volume from `lo` to `hi` (`lo <= hi`), in quote. */
  private priceIntegral(lo: number, hi: number): number {
    const m = this.multiplier;
    let displaced = 0;
    // Bid side (consumed > 0) lowers the price, ask side (consumed < 0) raises it.
    if (hi > 0) displaced -= m * this.bid.integralQuote(lo > 0 ? lo / m : 0, hi / m);
    if (lo < 0) displaced += m * this.ask.integralQuote(hi < 0 ? -hi / m : 0, -lo / m);
    return this.ref * (hi - lo) + displaced;
  }

  /** Prices a market order against the current state, writes `out`, and returns the consumed volume after it. */
  private fill(side: OrderSide, sizeBase: AmountBase, out: OrderBookFillV1): number {
    if (!(sizeBase >= 0) || sizeBase === Number.POSITIVE_INFINITY) {
      throw new RangeError(`${side}: sizeBase ${String(sizeBase)} is not a non-negative finite number`);
    }
    const from = this.consumed;
    const before = this.midAt(from);
    let to: number;
    let exhausted = false;
    if (side === 'sell') {
      to = from + sizeBase;
      const bound = this.sellBound();
      if (to > bound) {
        to = bound > from ? bound : from;
        exhausted = true;
      }
    } else {
      to = from - sizeBase;
      const bound = this.buyBound();
      if (to < bound) {
        to = bound < from ? bound : from;
        exhausted = true;
      }
    }
    // Report the size asked when it all traded (`to - from` can differ from it in the last bit).
    const filled = exhausted ? (side === 'sell' ? to - from : from - to) : sizeBase;
    const after = this.midAt(to);
    out.filledBase = filled;
    out.priceAfterQuote = after;
    out.exhausted = exhausted;
    // Average over the interval actually integrated: `to - from` carries the rounding of `from ± sizeBase`.
    const width = side === 'sell' ? to - from : from - to;
    if (filled > 0) {
      let average =
        width > 0 ? (side === 'sell' ? this.priceIntegral(from, to) : this.priceIntegral(to, from)) / width : before;
      // The exact average lies between the mids before and after; clamp away floating-point cancellation.
      const low = side === 'sell' ? after : before;
      const high = side === 'sell' ? before : after;
      if (average < low) average = low;
      else if (average > high) average = high;
      out.averagePriceQuote = average;
      out.amountQuote = average * filled;
    } else {
      out.averagePriceQuote = before;
      out.amountQuote = 0;
    }
    return to;
  }
}

/**
 * Wraps a displacement setup as an {@link OrderBookModelV1}: every `doCreate()` makes a fresh
 * {@link DisplacementBook} at the initial mid with nothing consumed.
 */
export function createDisplacementModel(setup: DisplacementModelSetup): OrderBookModelV1 {
  return {
    specificationVersion: 'v1',
    modelId: setup.modelId,
    // A book built without a resilience option never refills, whatever its kind supports.
    capabilities: setup.ratePerSecond > 0 ? setup.capabilities : { ...setup.capabilities, resilience: false },
    initialMidPriceQuote: setup.initialMidPriceQuote,
    doCreate: () => new DisplacementBook(setup),
  };
}

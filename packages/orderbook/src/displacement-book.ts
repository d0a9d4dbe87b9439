import { requirePositiveArgument, timeBeforeError } from './option-checks';
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
  // Numbers start as doubles (NaN until the constructor sets them): V8 then keeps them unboxed, updated in place.
  private ref = Number.NaN;
  private consumed = 0;
  private multiplier = 1;
  private lastTime = Number.NEGATIVE_INFINITY;
  private readonly bid: DisplacementShape;
  private readonly ask: DisplacementShape;
  private readonly rate: number;
  private readonly floor: number;
  // Kept current whenever the reference, the multiplier or the consumed volume changes (a cascade prices many
  // orders between those changes): the mid at `consumed`, and the largest signed consumed volume a sell may reach
  // (the floor or the end of the bid side).
  private mid = Number.NaN;
  private sellLimit = Number.NaN;
  // The signed consumed volume after the order `fill` last priced (returned through a field: a number returned
  // from a call V8 does not inline is allocated on the heap).
  private filledTo = Number.NaN;

  constructor(setup: DisplacementModelSetup) {
    this.ref = setup.initialMidPriceQuote;
    this.bid = setup.shapes.bid;
    this.ask = setup.shapes.ask;
    this.rate = setup.ratePerSecond;
    this.floor = setup.minPriceQuote;
    this.refresh();
  }

  /** The signed consumed volume `V` in base (sells positive), at the last update. */
  consumedBase(): AmountBase {
    return this.consumed;
  }

  midPriceQuote(): PriceQuote {
    return this.mid;
  }

  referencePriceQuote(): PriceQuote {
    return this.ref;
  }

  doSetReferencePrice(priceQuote: PriceQuote): void {
    requirePositiveArgument(priceQuote, 'doSetReferencePrice', 'priceQuote');
    this.ref = priceQuote;
    this.refresh();
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
      const to = Math.min(atLimit, this.sellLimit);
      return to > this.consumed ? to - this.consumed : 0;
    }
    const to = Math.max(atLimit, this.buyLimit());
    return to < this.consumed ? this.consumed - to : 0;
  }

  quote(side: OrderSide, sizeBase: AmountBase, out: OrderBookFillV1): void {
    this.fill(side, sizeBase, out);
  }

  doExecute(side: OrderSide, sizeBase: AmountBase, timeSeconds: Seconds, out: OrderBookFillV1): void {
    this.doAdvance(timeSeconds);
    this.fill(side, sizeBase, out);
    this.consumed = this.filledTo;
    this.mid = out.priceAfterQuote;
  }

  doAdvance(timeSeconds: Seconds): void {
    if (!(timeSeconds >= this.lastTime)) throw timeBeforeError(timeSeconds, this.lastTime, 'book');
    if (this.consumed !== 0 && this.rate > 0 && timeSeconds !== this.lastTime) this.decay(timeSeconds - this.lastTime);
    this.lastTime = timeSeconds;
  }

  /** Resilience: the consumed volume decays over `elapsedSeconds` (once per step in a cascade, kept out of line). */
  private decay(elapsedSeconds: Seconds): void {
    this.consumed *= Math.exp(-this.rate * elapsedSeconds);
    this.mid = this.midAt(this.consumed);
  }

  doSetDepthMultiplier(multiplier: Fraction): void {
    requirePositiveArgument(multiplier, 'doSetDepthMultiplier', 'multiplier');
    this.multiplier = multiplier;
    this.refresh();
  }

  /** Recomputes the mid and the sell limit after the reference or the multiplier changed. */
  private refresh(): void {
    const m = this.multiplier;
    this.mid = this.midAt(this.consumed);
    this.sellLimit =
      this.ref > this.floor
        ? Math.min(m * this.bid.consumedBase(this.ref - this.floor), m * this.bid.capacityBase)
        : -m * this.ask.consumedBase(this.floor - this.ref);
  }

  /** The mid at signed consumed volume `v`, never below the floor. */
  private midAt(v: number): number {
    let price = this.ref;
    if (v > 0) price -= this.bid.displacementQuote(v / this.multiplier);
    else if (v < 0) price += this.ask.displacementQuote(-v / this.multiplier);
    return price > this.floor ? price : this.floor;
  }

  /** The smallest signed consumed volume a buy may reach: the end of the ask side. */
  private buyLimit(): number {
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

  /** Prices a market order against the current state: writes `out`, and the consumed volume after it to `filledTo`. */
  private fill(side: OrderSide, sizeBase: AmountBase, out: OrderBookFillV1): void {
    if (!(sizeBase >= 0) || sizeBase === Number.POSITIVE_INFINITY) throw invalidSize(side, sizeBase);
    const sell = side === 'sell';
    const from = this.consumed;
    const before = this.mid;
    const bound = sell ? this.sellLimit : this.buyLimit();
    let to = sell ? from + sizeBase : from - sizeBase;
    let exhausted = false;
    if (sell ? to > bound : to < bound) {
      to = (sell ? bound > from : bound < from) ? bound : from;
      exhausted = true;
    }
    // Width of the interval actually integrated: `to - from` carries the rounding of `from ± sizeBase`.
    const width = sell ? to - from : from - to;
    // Report the size asked when it all traded (`width` can differ from it in the last bit).
    const filled = exhausted ? width : sizeBase;
    const after = this.midAt(to);
    this.filledTo = to;
    out.filledBase = filled;
    out.priceAfterQuote = after;
    out.exhausted = exhausted;
    if (filled > 0) {
      let average = width > 0 ? (sell ? this.priceIntegral(from, to) : this.priceIntegral(to, from)) / width : before;
      // The exact average lies between the mids before and after; clamp away floating-point cancellation.
      const low = sell ? after : before;
      const high = sell ? before : after;
      if (average < low) average = low;
      else if (average > high) average = high;
      out.averagePriceQuote = average;
      out.amountQuote = average * filled;
    } else {
      out.averagePriceQuote = before;
      out.amountQuote = 0;
    }
  }
}

function invalidSize(side: OrderSide, sizeBase: AmountBase): RangeError {
  return new RangeError(`${side}: sizeBase ${String(sizeBase)} is not a non-negative finite number`);
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

import type { AmountBase, Fraction, OrderSide, PriceQuote, Seconds } from '../../units';
import type { OrderBookCapabilitiesV1 } from './order-book-capabilities-v1';
import type { OrderBookFillV1 } from './order-book-fill-v1';

/**
 * An order book model: how far the price moves for a given sell or buy, and how depth comes back afterwards.
 *
 * A model is a description (parameters); {@link OrderBookModelV1.doCreate} makes the mutable book that one
 * simulation trades against. Models are passed to the engine explicitly; nothing registers itself on import.
 */
export type OrderBookModelV1 = {
  /** The contract version this model implements. The engine refuses versions it does not know. */
  readonly specificationVersion: 'v1';
  /** The kind of model, such as `linear`, `power-law`, `l2-snapshot` or `constant-product`. */
  readonly modelId: string;
  /** What the model can do; the engine never calls what a model says it lacks. */
  readonly capabilities: OrderBookCapabilitiesV1;
  /** The mid price before any trade, in quote per base. */
  readonly initialMidPriceQuote: PriceQuote;
  /** Creates a fresh book for one simulation run, starting at {@link OrderBookModelV1.initialMidPriceQuote}. */
  doCreate(): OrderBookV1;
};

/**
 * One simulation's book. Methods named `do*` mutate the book; the engine calls them, users rarely need to.
 *
 * The price is the reference (fundamental) price minus the displacement left by trades. The exogenous shock
 * moves the reference; trades move the displacement, which decays with the model's resilience.
 */
export interface OrderBookV1 {
  /** The current mid price in quote per base. */
  midPriceQuote(): PriceQuote;
  /** The reference price that exogenous moves set, before trade displacement. */
  referencePriceQuote(): PriceQuote;
  /** Moves the reference price (the exogenous shock or path). */
  doSetReferencePrice(priceQuote: PriceQuote): void;
  /**
   * Base that an order of `side` can trade before the price passes `limitPriceQuote`
   * (a sell walks bids down to the limit, a buy walks asks up to it). Zero when the limit is already passed.
   */
  depthToPriceBase(side: OrderSide, limitPriceQuote: PriceQuote): AmountBase;
  /** Prices a market order of `sizeBase` without trading: fills `out` as {@link OrderBookV1.doExecute} would. */
  quote(side: OrderSide, sizeBase: AmountBase, out: OrderBookFillV1): void;
  /** Trades a market order of `sizeBase` at simulated time `timeSeconds` and writes the result into `out`. */
  doExecute(side: OrderSide, sizeBase: AmountBase, timeSeconds: Seconds, out: OrderBookFillV1): void;
  /** Lets the book recover up to `timeSeconds` (resilience). Time never goes backwards. */
  doAdvance(timeSeconds: Seconds): void;
  /** Scales the depth of both sides (1 is the normal book, 0.5 is half the depth under stress). */
  doSetDepthMultiplier(multiplier: Fraction): void;
}


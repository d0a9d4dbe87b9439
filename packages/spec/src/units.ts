/**
 * Units used across firesale. They are plain numbers at run time; the names say what a number measures.
 * Every price, size and amount in a public type carries its unit in its field name as well
 * (`sizeBase`, `priceQuote`, `marginQuote`, `delaySeconds`).
 */

/** A price in quote currency per one unit of the base asset (USD per BTC, say). */
export type PriceQuote = number;
/** An amount of the base asset (BTC, ETH, contracts' underlying). */
export type AmountBase = number;
/** An amount of quote currency (USD, USDC). */
export type AmountQuote = number;
/** Simulated seconds since the start of a run. */
export type Seconds = number;
/** A fraction, where 0.01 is 1%. */
export type Fraction = number;
/** Position side: +1 long, -1 short. */
export type SideSign = 1 | -1;
/** The side of an order: a sell hits bids, a buy lifts asks. */
export type OrderSide = 'sell' | 'buy';

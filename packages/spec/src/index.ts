/**
 * The firesale specification: the versioned contracts that order book models and venue liquidation
 * engines implement, the events a cascade emits, and the units everything is measured in.
 * Types only: this package has no runtime code.
 *
 * @packageDocumentation
 */
export type * from './units';
export type * from './order-book-model/v1/order-book-model-v1';
export type * from './order-book-model/v1/order-book-fill-v1';
export type * from './order-book-model/v1/order-book-capabilities-v1';
export type * from './liquidation-engine-model/v1/liquidation-engine-model-v1';
export type * from './liquidation-engine-model/v1/venue-capabilities-v1';
export type * from './liquidation-engine-model/v1/venue-problem-v1';
export type * from './liquidation-engine-model/v1/adl-options-v1';
export type * from './events/v1/cascade-event-v1';
export type * from './errors/firesale-error-code';
export type * from './vectors/v1/vector-handler-v1';

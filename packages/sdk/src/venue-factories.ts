import { createGenericEngine, type GenericEngineOptions } from '@firesale/venue-generic';
import type { LiquidationEngineModelV1 } from '@firesale/spec';

/** Builds a venue engine from a scenario's `params` object. */
export type VenueFactory = (params: Readonly<Record<string, unknown>>) => LiquidationEngineModelV1;

/** Venue models by the name scenarios use in `venues[].model`. */
export type VenueFactories = Readonly<Record<string, VenueFactory>>;

/**
 * The venue models the SDK knows without extra wiring. Add a plugin by passing
 * `{ ...defaultVenueFactories, myvenue: (params) => createMyVenueEngine(params) }` as `venueFactories`.
 */
export const defaultVenueFactories: VenueFactories = {
  generic: (params) => createGenericEngine(params as GenericEngineOptions),
};

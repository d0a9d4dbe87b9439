import { defaultVenueFactories, type VenueFactories } from '@firesale/sdk';

/** The venue models `firesale run` knows (scenario `venues[].model` and `--venue`). */
export const venueFactories: VenueFactories = {
  ...defaultVenueFactories,
};

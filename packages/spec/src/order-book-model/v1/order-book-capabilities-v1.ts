/**
 * What an order book model supports. Every key is required so a model states each one;
 * `'emulated'` means the engine approximates it on top of the model.
 */
export type OrderBookCapabilitiesV1 = {
  /** Depth recovers over time after a trade (Obizhaeva–Wang style exponential recovery). */
  readonly resilience: boolean;
  /** Depth can be scaled by a stress multiplier. */
  readonly depthMultiplier: boolean;
  /** The book was built from observed L2 levels rather than a formula. */
  readonly observedLevels: boolean;
  /** The book is an AMM pool whose price follows its invariant. */
  readonly automatedMarketMaker: boolean;
};

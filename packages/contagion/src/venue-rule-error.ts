/**
 * A model rule refused an input: the handler's counterpart of a venue revert. `reason` names the rule
 * (`NoMarketableAssets`, ...); the vector runner compares it with an expected `{error}`.
 */
export class VenueRuleError extends Error {
  override readonly name = 'VenueRuleError';

  constructor(readonly reason: string) {
    super(`contagion: ${reason}`);
  }
}

/**
 * A venue rule refused the input (the venue's own revert reason or error name is in `reason`).
 * Vector handlers throw it for cases whose expected outcome is a failure.
 */
export class VenueRuleError extends Error {
  constructor(readonly reason: string) {
    super(`hyperliquid: ${reason}`);
    this.name = 'VenueRuleError';
  }
}

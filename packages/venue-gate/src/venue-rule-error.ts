/**
 * A venue rule refused the input (the venue would revert or return an error). `reason` is the venue's own
 * error name or revert reason, so callers and the vectors runner can match it.
 */
export class VenueRuleError extends Error {
  constructor(readonly reason: string) {
    super(`gate: ${reason}`);
    this.name = 'VenueRuleError';
  }
}

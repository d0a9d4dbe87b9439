/**
 * Thrown by a vector handler when a case's inputs break a rule of the model (a non-positive depth, say);
 * `reason` names the rule, as a venue's revert reason would.
 */
export class VenueRuleError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'VenueRuleError';
  }
}

/**
 * A venue rule refused an action: the contract would revert. `reason` is the revert reason (custom error name) of
 * the Aave v3 pool (`MustNotLeaveDust`, `HealthFactorNotBelowThreshold`, ...); `details` carries the integers that led to it
 * (decimal strings), for debugging.
 */
export class VenueRuleError extends Error {
  override readonly name = 'VenueRuleError';

  constructor(
    readonly reason: string,
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(`aave: ${reason}`);
  }
}

/** True when `error` is a {@link VenueRuleError}, optionally with the given revert `reason`. */
export function isVenueRuleError(error: unknown, reason?: string): error is VenueRuleError {
  return error instanceof VenueRuleError && (reason === undefined || error.reason === reason);
}

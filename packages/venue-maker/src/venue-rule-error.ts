/**
 * A venue rule refused an action: the contract would revert. `reason` is the revert string of the
 * Maker contract (`Dog/not-unsafe`, `Clipper/needs-reset`, ...); `details` carries the integers that led to it
 * (decimal strings), for debugging.
 */
export class VenueRuleError extends Error {
  override readonly name = 'VenueRuleError';

  constructor(
    readonly reason: string,
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(`maker: ${reason}`);
  }
}

/** True when `error` is a {@link VenueRuleError}, optionally with the given revert `reason`. */
export function isVenueRuleError(error: unknown, reason?: string): error is VenueRuleError {
  return error instanceof VenueRuleError && (reason === undefined || error.reason === reason);
}

/**
 * A rule of the dYdX protocol refused the input. `reason` is the protocol's own error name
 * (`ErrInvalidPerpetualPositionSizeDelta`, `ErrFailedToUpdateSubaccounts`, …) or, where the Go code panics,
 * the panic message.
 */
export class VenueRuleError extends Error {
  /** True when the protocol panics here rather than returning an error. */
  readonly panic: boolean;

  constructor(
    readonly reason: string,
    detail?: string,
    options?: { panic?: boolean },
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'VenueRuleError';
    this.panic = options?.panic ?? false;
  }
}

import type { FiresaleErrorCode } from '../../errors/firesale-error-code';

/** A problem a venue finds in its input, returned as data; the caller turns it into an error with a path. */
export type VenueProblemV1 = {
  readonly code: FiresaleErrorCode;
  /** The offending field, relative to the position (`leverage`, `sizeBase`). */
  readonly field: string;
  readonly value: unknown;
  /** Extra context for the message (`max`, `min`, `venue`, `accepted`). */
  readonly context: Readonly<Record<string, unknown>>;
};

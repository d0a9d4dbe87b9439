/**
 * Thrown when Redis cannot be reached within the connect timeout. The message names the address (password
 * redacted) and the socket error code, e.g. `cannot reach Redis at redis://127.0.0.1:6390 (ECONNREFUSED)`; the CLI
 * prints it after `firesale: `.
 */
export class RedisUnreachableError extends Error {
  /** The Redis URL that was tried, with any password replaced by `***`. */
  readonly address: string;
  /** The socket error code (`ECONNREFUSED`, `ETIMEDOUT`, `ENOTFOUND`, …) or a short reason. */
  readonly reason: string;

  constructor(address: string, reason: string, options?: { cause?: unknown }) {
    super(`cannot reach Redis at ${address} (${reason})`, options);
    this.name = 'RedisUnreachableError';
    this.address = address;
    this.reason = reason;
  }
}

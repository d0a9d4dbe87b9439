import { Redis, type RedisOptions } from 'ioredis';
import { RedisUnreachableError } from './redis-unreachable-error';

/** Default time allowed to open a Redis connection before failing, in milliseconds. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;

/**
 * The URL as it is safe to print: any password is replaced by `***`.
 * @param redisUrl - a `redis://` or `rediss://` URL.
 */
export function redactRedisUrl(redisUrl: string): string {
  try {
    const url = new URL(redisUrl);
    if (url.password) url.password = '***';
    return url.toString().replace(/\/$/, '');
  } catch {
    return redisUrl;
  }
}

/** What a connection is for: plain commands fail fast; BullMQ's blocking worker connection must wait forever. */
export type RedisConnectionRole = 'command' | 'blocking';

/** Options for {@link openRedis}. */
export type OpenRedisOptions = {
  readonly role: RedisConnectionRole;
  /** Time allowed for the first connection, in milliseconds. */
  readonly connectTimeoutMs?: number;
};

/**
 * Opens an ioredis connection and waits until it is ready, failing fast when Redis is unreachable: the first
 * connection makes one attempt (no retry, no offline queue) and rejects with {@link RedisUnreachableError} naming
 * the address. Once connected, a dropped connection is retried with a capped backoff (BullMQ needs
 * `maxRetriesPerRequest: null` on blocking connections; plain command connections fail a command after 3 tries).
 *
 * @throws {@link RedisUnreachableError} when the first connection fails or times out.
 */
export async function openRedis(redisUrl: string, options: OpenRedisOptions): Promise<Redis> {
  const address = redactRedisUrl(redisUrl);
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  let connected = false;
  let lastError: (Error & { code?: string }) | undefined;
  const redisOptions: RedisOptions = {
    lazyConnect: true,
    connectTimeout: connectTimeoutMs,
    enableOfflineQueue: false,
    maxRetriesPerRequest: options.role === 'blocking' ? null : 3,
    // No retry before the first connection (fail fast); afterwards reconnect with a capped backoff.
    retryStrategy: (times) => (connected ? Math.min(times * 200, 2_000) : null),
  };
  let client: Redis;
  try {
    client = new Redis(redisUrl, redisOptions);
  } catch (error) {
    throw new RedisUnreachableError(address, error instanceof Error ? error.message : String(error), { cause: error });
  }
  const rememberError = (error: Error & { code?: string }) => {
    if (!connected) lastError = error;
  };
  client.on('error', rememberError);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })), connectTimeoutMs + 500);
      }),
    ]);
  } catch (error) {
    client.disconnect();
    const reason = lastError?.code ?? (error as { code?: string }).code ?? lastError?.message ?? (error as Error).message;
    throw new RedisUnreachableError(address, reason, { cause: lastError ?? error });
  } finally {
    if (timer) clearTimeout(timer);
  }
  connected = true;
  // After the first connection, a queued command survives a short reconnect instead of failing at once.
  client.options.enableOfflineQueue = true;
  return client;
}

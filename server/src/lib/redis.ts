import { Redis } from 'ioredis';

/**
 * [ND1] The Redis that several Hearth nodes share (REDIS_URL), as two ioredis connections with different
 * manners, because they fail differently on purpose:
 * - `commands` (rate budgets, health) has no offline queue: while Redis is away a command fails at once,
 *   so a person gets a clear "try again shortly" instead of a request that hangs;
 * - `adapter` (socket.io's Redis Streams adapter) keeps ioredis' defaults: its blocking stream reads wait
 *   for Redis to come back rather than spin, and it resumes where it stopped.
 * Both reconnect by themselves, with a back-off capped at 2 s.
 */
export interface SharedRedis {
  commands: Redis;
  adapter: Redis;
  /** [ND7] Subscribed to presence announcements (a subscribed connection can issue no other command). */
  subscriber: Redis;
  /** Whether Redis answered a PING within a second (for /api/health and /api/ready). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const retryStrategy = (attempt: number) => Math.min(attempt * 200, 2000);

export class RedisUnreachable extends Error {
  constructor(url: string) {
    // The URL may carry a password: name only where it points.
    super(`Redis at ${redactedAddress(url)} did not answer; check REDIS_URL and that Redis is running.`);
  }
}

/** Connects both clients and waits for the first to be ready, so a node never starts without its Redis. */
export async function connectRedis(url: string, onError: (err: Error) => void, timeoutMs = 10_000): Promise<SharedRedis> {
  const commands = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy, lazyConnect: true });
  const adapter = new Redis(url, { connectTimeout: 2000, retryStrategy, lazyConnect: true });
  const subscriber = new Redis(url, { connectTimeout: 2000, retryStrategy, lazyConnect: true });
  // ioredis emits 'error' on every failed reconnect; without a listener Node would treat it as fatal.
  let lastReported = 0;
  const report = (err: Error) => {
    // One line per 10 s while Redis is away, not one per retry.
    if (Date.now() - lastReported < 10_000) return;
    lastReported = Date.now();
    onError(err);
  };
  commands.on('error', report);
  adapter.on('error', report);
  subscriber.on('error', report);
  const close = async () => {
    commands.disconnect();
    adapter.disconnect();
    subscriber.disconnect();
  };
  try {
    await withTimeout(Promise.all([commands.connect(), adapter.connect(), subscriber.connect()]), timeoutMs);
  } catch {
    await close();
    throw new RedisUnreachable(url);
  }
  return {
    commands,
    adapter,
    subscriber,
    async ping() {
      try {
        return (await withTimeout(commands.ping(), 1000)) === 'PONG';
      } catch {
        return false;
      }
    },
    close,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

function redactedAddress(url: string): string {
  try {
    const { host } = new URL(url);
    return host;
  } catch {
    return 'REDIS_URL';
  }
}

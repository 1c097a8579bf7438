import { createRequire } from 'node:module';
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

type Incr = FastifyRateLimitStore['incr'];
type Callback = Parameters<Incr>[1];
interface InnerStore {
  incr(key: string, callback: Callback, timeWindow: number, max: number): void;
  child(routeOptions: unknown): InnerStore;
}
type InnerCtor = new (continueExceeding: boolean, exponentialBackoff: boolean, redis: Redis, key?: string) => InnerStore;

// The plugin's own Redis store (one Lua script per count), which it ships without a typed entry point.
const RedisStore = createRequire(import.meta.url)('@fastify/rate-limit/store/RedisStore.js') as InnerCtor;

/** [ND5] Redis could not count an HTTP attempt: answered as `service_unavailable` (503), never let through uncounted. */
export class RateLimitStoreUnavailable extends Error {
  readonly statusCode = 503;
  readonly code = 'HEARTH_RATE_LIMIT_STORE_UNAVAILABLE';
}

/**
 * [ND2] @fastify/rate-limit's Redis store, so the sign-in, setup and invite-link budgets are one budget
 * across every node; a failure of Redis becomes RateLimitStoreUnavailable (see the error handler).
 */
export function sharedHttpRateLimitStore(redis: Redis): FastifyRateLimitStoreCtor {
  class Wrapped implements FastifyRateLimitStore {
    constructor(private readonly inner: InnerStore) {}
    incr(key: string, callback: Callback, timeWindow?: number, max?: number): void {
      this.inner.incr(key, (err, result) => (err ? callback(new RateLimitStoreUnavailable('the rate limit store did not answer', { cause: err })) : callback(null, result)), timeWindow ?? 0, max ?? 0);
    }
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      return new Wrapped(this.inner.child(routeOptions));
    }
  }
  return class SharedHttpRateLimitStore extends Wrapped {
    constructor(options: FastifyRateLimitOptions) {
      // The plugin hands its global parameters, which carry these two flags beside the typed options.
      const flags = options as { continueExceeding?: boolean; exponentialBackoff?: boolean };
      super(new RedisStore(flags.continueExceeding ?? false, flags.exponentialBackoff ?? false, redis, 'hearth:http-budget:'));
    }
  };
}

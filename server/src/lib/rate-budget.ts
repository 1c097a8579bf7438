import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * One budget of `points` per fixed window of `perSeconds`, counted per key (a participant id), on
 * rate-limiter-flexible: the library the socket commands ([RL1]) and the signalling socket ([SG5]) share,
 * so there is one way of counting. In memory by default; [ND2] with `shared` (several nodes, REDIS_URL)
 * on the library's Redis store, so a person's budget is one budget whichever node their sockets reach.
 */
export interface Budget {
  points: number;
  perSeconds: number;
}

/** Where a budget is counted when several nodes share it. */
export interface SharedBudgetStore {
  redis: Redis;
  /** Names the budget in Redis (one key per budget and person). */
  keyPrefix: string;
}

/** Redis could not count: the caller refuses clearly (`service_unavailable`) rather than let everything through. */
export class BudgetUnavailable extends Error {}

export class RateBudget {
  private readonly limiter: RateLimiterAbstract;

  constructor({ points, perSeconds }: Budget, shared?: SharedBudgetStore) {
    this.limiter = shared
      ? new RateLimiterRedis({ storeClient: shared.redis, keyPrefix: shared.keyPrefix, points, duration: perSeconds })
      : new RateLimiterMemory({ points, duration: perSeconds });
  }

  /** Spends `points` of the key's budget; false (and nothing spent beyond it) once it is used up. */
  async spend(key: string, points = 1): Promise<boolean> {
    try {
      await this.limiter.consume(key, points);
      return true;
    } catch (rejection) {
      // The library rejects with a RateLimiterRes when the budget is spent, and with the store's Error
      // when Redis cannot be reached.
      if (rejection instanceof Error) throw new BudgetUnavailable('the rate budget store did not answer', { cause: rejection });
      return false;
    }
  }
}

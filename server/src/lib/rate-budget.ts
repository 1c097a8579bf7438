import { RateLimiterMemory } from 'rate-limiter-flexible';

/**
 * One budget of `points` per fixed window of `perSeconds`, counted per key (a participant id), on
 * rate-limiter-flexible's memory store: the library the socket commands ([RL1]) and the signalling
 * socket ([SG5]) share, so there is one way of counting. Memory only: with several server nodes each
 * node counts its own share (see docs/architecture.md).
 */
export interface Budget {
  points: number;
  perSeconds: number;
}

export class RateBudget {
  private readonly limiter: RateLimiterMemory;

  constructor({ points, perSeconds }: Budget) {
    this.limiter = new RateLimiterMemory({ points, duration: perSeconds });
  }

  /** Spends `points` of the key's budget; false (and nothing spent beyond it) once it is used up. */
  async spend(key: string, points = 1): Promise<boolean> {
    try {
      await this.limiter.consume(key, points);
      return true;
    } catch (rejection) {
      // The library rejects with a RateLimiterRes when the budget is spent; anything else is a bug.
      if (rejection instanceof Error) throw rejection;
      return false;
    }
  }
}

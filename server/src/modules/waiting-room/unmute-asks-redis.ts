import type { Redis } from 'ioredis';
import type { Asker, UnmuteAsks } from './waiting-list.js';

const key = (sessionId: string) => `hearth:unmute-asks:${sessionId}`;
// A session's asks outlive no live call: the hash goes a day after its last ask, if the end never came.
const TTL_SECONDS = 24 * 3600;

/** [ND7] Unanswered asks to unmute in Redis (a hash per session), so a member on any node can answer. */
export class RedisUnmuteAsks implements UnmuteAsks {
  constructor(
    private readonly redis: Redis,
    private readonly onError: (err: unknown) => void,
  ) {}

  async ask(sessionId: string, participantId: string, by: Asker): Promise<void> {
    await this.redis.multi().hset(key(sessionId), participantId, JSON.stringify(by)).expire(key(sessionId), TTL_SECONDS).exec();
  }

  async take(sessionId: string, participantId: string): Promise<Asker | undefined> {
    // HGET and HDEL in one transaction: of two answers, only one finds the ask.
    const replies = await this.redis.multi().hget(key(sessionId), participantId).hdel(key(sessionId), participantId).exec();
    const text = replies?.[0]?.[1];
    return typeof text === 'string' ? (JSON.parse(text) as Asker) : undefined;
  }

  forget(sessionId: string): void {
    this.redis.del(key(sessionId)).catch(this.onError);
  }
}

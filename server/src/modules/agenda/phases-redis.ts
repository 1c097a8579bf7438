import type { Redis } from 'ioredis';
import type { CurrentPhase, PhaseBoard } from './agenda.js';

const key = (sessionId: string) => `hearth:phase:${sessionId}`;
// A live call's phase does not outlive a day (a session whose end never came).
const TTL_SECONDS = 24 * 3600;
const text = (phase: CurrentPhase | null) => (phase ? JSON.stringify({ phaseId: phase.phaseId, at: phase.at }) : '');

// KEYS[1] the session's phase; ARGV: what the mover read ('' = none), the new value.
const REPLACE_SCRIPT = `
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ${TTL_SECONDS})
return 1`;

/** [ND10] Each live session's agenda phase in Redis, moved by a compare-and-set script. */
export class RedisPhases implements PhaseBoard {
  constructor(
    private readonly redis: Redis,
    private readonly onError: (err: unknown) => void,
  ) {}

  async current(sessionId: string): Promise<CurrentPhase | null> {
    const stored = await this.redis.get(key(sessionId));
    return stored ? (JSON.parse(stored) as CurrentPhase) : null;
  }

  async replace(sessionId: string, expected: CurrentPhase | null, next: CurrentPhase): Promise<boolean> {
    return (await this.redis.eval(REPLACE_SCRIPT, 1, key(sessionId), text(expected), text(next))) === 1;
  }

  forget(sessionId: string): void {
    this.redis.del(key(sessionId)).catch(this.onError);
  }

  /** [RS4] Redis keeps the phase across a node's restart: nothing to save or take back. */
  entries(): [string, CurrentPhase][] {
    return [];
  }

  set(): void {
    // Nothing to take back: the phase is in Redis.
  }
}

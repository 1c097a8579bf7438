import type { WaitingEntry } from '@hearth/shared';

interface Waiting {
  entry: WaitingEntry;
  connectionId: string;
}

/**
 * Who is in each session's waiting room right now, in memory: waiting lasts only while the person is
 * connected (their socket leaving takes them off the list). Facilitators see the list in arrival order.
 */
export class WaitingList {
  private readonly sessions = new Map<string, Map<string, Waiting>>();

  /** Adds or refreshes (a reload keeps their place in the queue). */
  add(sessionId: string, entry: WaitingEntry, connectionId: string): void {
    const waiting = this.sessions.get(sessionId) ?? new Map<string, Waiting>();
    const earlier = waiting.get(entry.participantId);
    waiting.set(entry.participantId, { entry: earlier ? { ...entry, since: earlier.entry.since } : entry, connectionId });
    this.sessions.set(sessionId, waiting);
  }

  get(sessionId: string, participantId: string): Waiting | undefined {
    return this.sessions.get(sessionId)?.get(participantId);
  }

  /** Removes them; with `connectionId`, only if that connection is still the one waiting. */
  remove(sessionId: string, participantId: string, connectionId?: string): Waiting | undefined {
    const waiting = this.sessions.get(sessionId);
    const found = waiting?.get(participantId);
    if (!waiting || !found || (connectionId && found.connectionId !== connectionId)) return undefined;
    waiting.delete(participantId);
    if (waiting.size === 0) this.sessions.delete(sessionId);
    return found;
  }

  list(sessionId: string): WaitingEntry[] {
    return [...(this.sessions.get(sessionId)?.values() ?? [])].map((w) => w.entry).sort((a, b) => a.since - b.since);
  }
}

/**
 * Asks to unmute that have not been answered yet: one per member (a new ask replaces the old). The
 * member's answer is relayed only if there is an ask to answer, so nobody can send facilitators
 * unsolicited "answers". The member may be on another node than the facilitator who asked, so under
 * REDIS_URL the asks are kept in Redis [ND7] (unmute-asks-redis.ts); asking and taking are async for both.
 */
export interface UnmuteAsks {
  ask(sessionId: string, participantId: string, by: Asker): Promise<void>;
  /** The ask, taken once: a second answer finds nothing. */
  take(sessionId: string, participantId: string): Promise<Asker | undefined>;
  /** The session ended: its unanswered asks go with it. */
  forget(sessionId: string): void;
}

export interface Asker {
  id: string;
  displayName: string;
}

export class MemoryUnmuteAsks implements UnmuteAsks {
  private readonly asks = new Map<string, Asker>();

  async ask(sessionId: string, participantId: string, by: Asker): Promise<void> {
    this.asks.set(`${sessionId}/${participantId}`, by);
  }

  async take(sessionId: string, participantId: string): Promise<Asker | undefined> {
    const key = `${sessionId}/${participantId}`;
    const by = this.asks.get(key);
    this.asks.delete(key);
    return by;
  }

  forget(sessionId: string): void {
    for (const key of this.asks.keys()) if (key.startsWith(`${sessionId}/`)) this.asks.delete(key);
  }
}

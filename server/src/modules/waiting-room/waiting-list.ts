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
 * unsolicited "answers".
 */
export class UnmuteAsks {
  private readonly asks = new Map<string, { id: string; displayName: string }>();

  ask(sessionId: string, participantId: string, by: { id: string; displayName: string }): void {
    this.asks.set(`${sessionId}/${participantId}`, by);
  }

  take(sessionId: string, participantId: string): { id: string; displayName: string } | undefined {
    const key = `${sessionId}/${participantId}`;
    const by = this.asks.get(key);
    this.asks.delete(key);
    return by;
  }

  /** The session ended: its unanswered asks go with it. */
  forget(sessionId: string): void {
    for (const key of this.asks.keys()) if (key.startsWith(`${sessionId}/`)) this.asks.delete(key);
  }
}

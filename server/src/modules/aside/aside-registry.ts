import { asideOf, awayIds, canStart, isPair, type Aside, type StartCheck } from './aside-state.js';

/**
 * The live pull-asides of every session on this server node, in memory only: an aside is a moment
 * of a live call, and ends when either person leaves, so there is nothing to recover after a restart
 * (the case it belongs to is stored by the distress module).
 */
export class AsideRegistry {
  private readonly sessions = new Map<string, Aside[]>();

  /** Starts the aside if neither person is in one already (checked and set in one step). */
  start(sessionId: string, aside: Aside): StartCheck {
    const asides = this.list(sessionId);
    const check = canStart(asides, aside.memberId, aside.facilitatorId);
    if (check.ok) this.sessions.set(sessionId, [...asides, aside]);
    return check;
  }

  end(sessionId: string, asideId: string): Aside | undefined {
    const asides = this.list(sessionId);
    const ended = asides.find((a) => a.id === asideId);
    if (!ended) return undefined;
    const rest = asides.filter((a) => a !== ended);
    if (rest.length === 0) this.sessions.delete(sessionId);
    else this.sessions.set(sessionId, rest);
    return ended;
  }

  of(sessionId: string, participantId: string): Aside | undefined {
    return asideOf(this.list(sessionId), participantId);
  }

  isPair(sessionId: string, a: string, b: string): boolean {
    return isPair(this.list(sessionId), a, b);
  }

  away(sessionId: string): string[] {
    return awayIds(this.list(sessionId));
  }

  private list(sessionId: string): readonly Aside[] {
    return this.sessions.get(sessionId) ?? [];
  }
}

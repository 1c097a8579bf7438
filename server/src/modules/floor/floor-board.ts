import { isFacilitatorRole, Role, type HandOrder, type NudgeKind } from '@hearth/shared';
import type { Round } from './round-state.js';

/**
 * The floor of every live session (on this node; under REDIS_URL a mirror of Redis, floor-board-redis.ts): hands, the order the facilitator
 * chose, who holds the floor, floor control, the running round and unanswered nudges. All of it belongs to
 * the live call; it is cleared when the last person leaves (which is also how a session ends), and what the
 * summary needs is stored as it happens (floor.repository.ts).
 */
export interface Hand {
  participantId: string;
  raisedAt: number;
}

export interface PendingNudge {
  id: string;
  kind: NudgeKind;
  recipientId: string;
  senderId: string;
}

export interface SessionFloor {
  /** In the order raised. */
  hands: Hand[];
  order: HandOrder;
  holderId: string | null;
  floorControl: boolean;
  /** The facilitator whose round or setting turned floor control on: named in the mute notice. */
  controlBy: { id: string; displayName: string } | null;
  round: Round | null;
  nudges: PendingNudge[];
  /** The place each hand owner was last told, so they hear only of changes to their own place. */
  toldPlaces: Map<string, number>;
}

export class FloorBoard {
  protected readonly sessions = new Map<string, SessionFloor>();

  /**
   * Runs one change to a session's floor (a command, a departure, a join's welcome) as one step. In one
   * process, JavaScript already runs it without another change in between its reads and writes; the shared
   * board (floor-board-redis.ts) makes it one step across every node [ND8].
   */
  serialize<T>(_sessionId: string, body: () => Promise<T> | T): Promise<T> {
    return Promise.resolve().then(body);
  }

  /** The session's floor (a fresh one if nothing happened yet); changes are made on the object returned. */
  of(sessionId: string): SessionFloor {
    let floor = this.sessions.get(sessionId);
    if (!floor) {
      floor = { hands: [], order: 'first_come', holderId: null, floorControl: false, controlBy: null, round: null, nudges: [], toldPlaces: new Map() };
      this.sessions.set(sessionId, floor);
    }
    return floor;
  }

  peek(sessionId: string): SessionFloor | undefined {
    return this.sessions.get(sessionId);
  }

  /** [RS4] Sessions with a floor, to snapshot on a graceful stop. */
  sessionIds(): string[] {
    return [...this.sessions.keys()];
  }

  /** [RS4] A floor taken back after a restart (nudges and told places start afresh). */
  restore(sessionId: string, floor: Omit<SessionFloor, 'nudges' | 'toldPlaces'>): void {
    this.sessions.set(sessionId, { ...floor, nudges: [], toldPlaces: new Map() });
  }

  clear(sessionId: string): SessionFloor | undefined {
    const floor = this.sessions.get(sessionId);
    this.sessions.delete(sessionId);
    return floor;
  }

  /**
   * [FL5] Whether the server must refuse this participant turning their microphone on: floor control is
   * on and they are a member who does not hold the floor. Facilitators always may (they lead the room).
   */
  refusesUnmute(sessionId: string, participant: { participantId: string; role: Role }): boolean {
    const floor = this.sessions.get(sessionId);
    if (!floor?.floorControl || isFacilitatorRole(participant.role)) return false;
    return floor.holderId !== participant.participantId;
  }
}

export function raiseHand(floor: SessionFloor, participantId: string, now: number): boolean {
  if (floor.hands.some((h) => h.participantId === participantId)) return false;
  floor.hands.push({ participantId, raisedAt: now });
  return true;
}

export function lowerHand(floor: SessionFloor, participantId: string): boolean {
  const before = floor.hands.length;
  floor.hands = floor.hands.filter((h) => h.participantId !== participantId);
  return floor.hands.length !== before;
}

export function hasHand(floor: SessionFloor, participantId: string): boolean {
  return floor.hands.some((h) => h.participantId === participantId);
}

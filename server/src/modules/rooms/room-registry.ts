import type { Participant } from '@hearth/shared';
import { hasRoomFor } from './room-state.js';

/**
 * Who is in each live room right now. This class is the embedded (one process) registry and, extended by
 * shared-room-registry.ts, the local mirror of the shared one under REDIS_URL [ND7]. A participant is "admitted" from a
 * successful `room:join` until they leave, disconnect or are removed; only admitted participants
 * receive room facts and may exchange signalling. `connectionId` is the socket.io socket id, so a
 * stale connection leaving never evicts the newer one that replaced it.
 */
export interface Presence {
  participant: Participant;
  connectionId: string;
  inviteId: string | null;
}

export type AdmitResult = { ok: true; replaced: Presence | undefined } | { ok: false };

/** Called when a participant's place in a room ends: they left, were removed, or a newer connection replaced them. */
export type DepartureListener = (sessionId: string, participantId: string) => void;

/** Called after a participant is admitted or their state changes (media, mute), with the new state. */
export type ChangeListener = (sessionId: string, participant: Participant) => void;

export class RoomRegistry {
  protected readonly rooms = new Map<string, Map<string, Presence>>();
  private readonly departureListeners = new Set<DepartureListener>();
  private readonly changeListeners = new Set<ChangeListener>();

  constructor(readonly capacity: number) {}

  admit(sessionId: string, presence: Presence): AdmitResult {
    const room = this.rooms.get(sessionId) ?? new Map<string, Presence>();
    if (!hasRoomFor(new Set(room.keys()), presence.participant.id, this.capacity)) return { ok: false };
    const replaced = room.get(presence.participant.id);
    room.set(presence.participant.id, presence);
    this.rooms.set(sessionId, room);
    if (replaced) this.departed(sessionId, presence.participant.id);
    this.changed(sessionId, presence.participant);
    return { ok: true, replaced };
  }

  /** Removes the participant if `connectionId` is still theirs; returns what was removed. */
  depart(sessionId: string, participantId: string, connectionId?: string): Presence | undefined {
    const room = this.rooms.get(sessionId);
    const presence = room?.get(participantId);
    if (!room || !presence || (connectionId !== undefined && presence.connectionId !== connectionId)) return undefined;
    room.delete(participantId);
    if (room.size === 0) this.rooms.delete(sessionId);
    this.departed(sessionId, participantId);
    return presence;
  }

  get(sessionId: string, participantId: string): Presence | undefined {
    return this.rooms.get(sessionId)?.get(participantId);
  }

  list(sessionId: string): Presence[] {
    return [...(this.rooms.get(sessionId)?.values() ?? [])];
  }

  update(sessionId: string, participantId: string, change: (p: Participant) => Participant): Participant | undefined {
    const presence = this.get(sessionId, participantId);
    if (!presence) return undefined;
    presence.participant = change(presence.participant);
    this.changed(sessionId, presence.participant);
    return presence.participant;
  }

  clear(sessionId: string): Presence[] {
    const presences = this.list(sessionId);
    this.rooms.delete(sessionId);
    for (const presence of presences) this.departed(sessionId, presence.participant.id);
    return presences;
  }

  /** Other modules (e.g. pull-asides) end what belonged to a participant's place; returns an unsubscribe. */
  onDeparture(listener: DepartureListener): () => void {
    this.departureListeners.add(listener);
    return () => this.departureListeners.delete(listener);
  }

  /** Talk-time measurement follows who is present and audible (joined, microphone, mute); returns an unsubscribe. */
  onChange(listener: ChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  protected changed(sessionId: string, participant: Participant): void {
    for (const listener of [...this.changeListeners]) listener(sessionId, participant);
  }

  protected departed(sessionId: string, participantId: string): void {
    for (const listener of [...this.departureListeners]) listener(sessionId, participantId);
  }
}

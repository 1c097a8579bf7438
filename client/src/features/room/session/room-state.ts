/**
 * The room as this client knows it, built only from what the server said (join result and facts).
 * Pure: a reducer over server events, so it can be tested without sockets or React.
 * Invariants: `others` never contains self; once the phase is refused, closed or left, nothing
 * changes it again (a new room instance is mounted to rejoin).
 */
import type { CommandResult, FactPayload, MediaAccess, Participant } from '@hearth/shared';
import type { ClientError } from '../../../lib/errors';

export type JoinResult = CommandResult<'room:join'>;
export type ClosedReason = FactPayload<'room:closed'>['reason'];
export type MutedBy = FactPayload<'moderation:muted'>['by'];
export type SupportDetails = JoinResult['support'];

export type RoomPhase =
  | { kind: 'connecting' }
  | { kind: 'in-room' }
  /**
   * [RS2] Not final: socket.io is reconnecting by itself and the room rejoins with the same credential.
   * `restarting` when the server said it was stopping gracefully (a deploy), so the page can say so.
   */
  | { kind: 'reconnecting'; restarting: boolean }
  | { kind: 'refused'; error: ClientError }
  | { kind: 'closed'; reason: ClosedReason }
  | { kind: 'left' };

export interface RoomState {
  phase: RoomPhase;
  self: Participant | null;
  session: JoinResult['session'] | null;
  /** Replaced on every (re)join: a new object means a new media connection is needed. */
  media: MediaAccess | null;
  others: ReadonlyMap<string, Participant>;
  /**
   * The group's crisis resources (everyone) and emergency contacts (null unless this person is a
   * facilitator: the server decides by role). Refreshed on every (re)join.
   */
  support: SupportDetails;
  /** The last time a facilitator muted this participant; a new object per event. */
  lastMutedBy: { by: MutedBy; at: number; everyone?: boolean; floor?: boolean } | null;
  /** [SV5] Bare ids this client sends media to without showing them (the hidden supervisor, for members). */
  hiddenMediaPeers: readonly string[];
}

export type RoomAction =
  | { type: 'joined'; result: JoinResult }
  | { type: 'participant'; participant: Participant }
  | { type: 'participant-left'; participantId: string }
  | { type: 'muted-by'; by: MutedBy; at: number; everyone?: boolean; floor?: boolean }
  | { type: 'hidden-media-peers'; participantIds: readonly string[] }
  | { type: 'connection-lost'; restarting?: boolean }
  | { type: 'refused'; error: ClientError }
  | { type: 'closed'; reason: ClosedReason }
  | { type: 'left' };

export const initialRoomState: RoomState = {
  phase: { kind: 'connecting' },
  self: null,
  session: null,
  media: null,
  others: new Map(),
  support: { crisisResources: null, emergencyContacts: null },
  lastMutedBy: null,
  hiddenMediaPeers: [],
};

export function isFinished(phase: RoomPhase): boolean {
  return phase.kind === 'refused' || phase.kind === 'closed' || phase.kind === 'left';
}

export function roomReducer(state: RoomState, action: RoomAction): RoomState {
  if (isFinished(state.phase)) return state;
  switch (action.type) {
    case 'joined': {
      const { self, participants, session, media, support } = action.result;
      const others = new Map(participants.filter((p) => p.id !== self.id).map((p) => [p.id, p] as const));
      const hiddenMediaPeers = action.result.hiddenMediaPeers ?? [];
      return { ...state, phase: { kind: 'in-room' }, self, session, media, others, support, hiddenMediaPeers };
    }
    case 'participant': {
      const p = action.participant;
      if (p.id === state.self?.id) return { ...state, self: p };
      const others = new Map(state.others);
      others.set(p.id, p);
      return { ...state, others };
    }
    case 'participant-left': {
      if (!state.others.has(action.participantId)) return state;
      const others = new Map(state.others);
      others.delete(action.participantId);
      return { ...state, others };
    }
    case 'hidden-media-peers':
      return { ...state, hiddenMediaPeers: action.participantIds };
    case 'muted-by':
      return { ...state, lastMutedBy: { by: action.by, at: action.at, ...(action.everyone ? { everyone: true } : {}), ...(action.floor ? { floor: true } : {}) } };
    case 'connection-lost': {
      const restarting = action.restarting === true;
      if (state.phase.kind === 'in-room') return { ...state, phase: { kind: 'reconnecting', restarting } };
      // Retries that fail while the server restarts keep the calmer, more precise words.
      if (state.phase.kind === 'reconnecting' && restarting && !state.phase.restarting) return { ...state, phase: { kind: 'reconnecting', restarting } };
      return state;
    }
    case 'refused':
      return { ...state, phase: { kind: 'refused', error: action.error } };
    case 'closed':
      return { ...state, phase: { kind: 'closed', reason: action.reason } };
    case 'left':
      return { ...state, phase: { kind: 'left' } };
  }
}

/** Receiver-side mute: play nobody whose microphone is off or whom a facilitator muted. */
export function audioAllowed(participant: Participant): boolean {
  return participant.audio && participant.mutedBy === null;
}

/** Everyone, self first, then in the order they joined, for a stable grid and list. */
export function orderedParticipants(self: Participant, others: ReadonlyMap<string, Participant>): Participant[] {
  return [self, ...[...others.values()].sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))];
}

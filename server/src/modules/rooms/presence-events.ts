import { isStaffRole, isVisibleTo, Role, type Participant, type ServerToClientEvents } from '@hearth/shared';
import { sessionChannel, type HearthServer } from '../../realtime/socket-types.js';
import type { Presence, RoomRegistry } from './room-registry.js';

type PresenceEvent = 'participant:joined' | 'participant:updated' | 'participant:left';

/**
 * [SV1] Sends a presence fact about `subject` to the session. Facts about the hidden supervisor go to
 * the staff's connections only, one by one, so no member's socket ever carries the supervisor's name,
 * role or presence event; members' clients get only the bare media-peer ids of [SV5]. Every other fact
 * goes to the whole session channel as before.
 */
export function emitPresence<E extends PresenceEvent>(
  io: HearthServer,
  rooms: RoomRegistry,
  sessionId: string,
  subject: { id: string; role: Role },
  event: E,
  payload: Parameters<ServerToClientEvents[E]>[0],
  exceptConnectionId?: string,
): void {
  // socket.io's typed emit cannot take a generic event name with its matching payload; both are checked above.
  type Emit = (event: string, payload: unknown) => boolean;
  if (subject.role === Role.supervisor) {
    for (const connectionId of staffConnections(rooms.list(sessionId), subject.id, exceptConnectionId)) {
      const to = io.to(connectionId);
      (to.emit as Emit).call(to, event, payload);
    }
    // [SV5] Members' clients must send their media to the supervisor (or stop): a bare id list, no name.
    if (event !== 'participant:updated') {
      const participantIds = hiddenMediaPeers(rooms.list(sessionId), Role.member);
      for (const p of rooms.list(sessionId)) if (!isStaffRole(p.participant.role)) io.to(p.connectionId).emit('media:hidden-peers', { participantIds });
    }
    return;
  }
  const channel = io.to(sessionChannel(sessionId));
  const to = exceptConnectionId ? channel.except(exceptConnectionId) : channel;
  (to.emit as Emit).call(to, event, payload);
}

/** The room as `viewer` may know it: a member's list leaves out the supervisor. */
export function visibleParticipants(presences: Presence[], viewer: Role): Participant[] {
  return presences.map((p) => p.participant).filter((p) => isVisibleTo(p, viewer));
}

/** [SV5] Who `viewer` sends media to without seeing them: the supervisors, for anyone who is not staff. */
export function hiddenMediaPeers(presences: Presence[], viewer: Role): string[] {
  if (isStaffRole(viewer)) return [];
  return presences.filter((p) => !isVisibleTo(p.participant, viewer)).map((p) => p.participant.id);
}

/** Staff other than the subject themselves (a replacing connection of theirs is not told they left). */
function staffConnections(presences: Presence[], subjectId: string, exceptConnectionId: string | undefined): string[] {
  return presences
    .filter((p) => isStaffRole(p.participant.role) && p.participant.id !== subjectId && p.connectionId !== exceptConnectionId)
    .map((p) => p.connectionId);
}

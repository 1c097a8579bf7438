import { Role, type ServerToClientEvents } from '@hearth/shared';
import { sessionChannel, type HearthServer } from '../../realtime/index.js';
import { hiddenMediaPeers, members, visibleTo } from '../recipients/index.js';
import type { RoomRegistry } from './room-registry.js';

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
  const audience = visibleTo(rooms.list(sessionId), subject, { connectionId: exceptConnectionId });
  if (audience !== 'channel') {
    for (const connectionId of audience) {
      const to = io.to(connectionId);
      (to.emit as Emit).call(to, event, payload);
    }
    // [SV5] Members' clients must send their media to the supervisor (or stop): a bare id list, no name.
    if (event !== 'participant:updated') {
      const participantIds = hiddenMediaPeers(rooms.list(sessionId), Role.member);
      for (const connectionId of members(rooms.list(sessionId))) io.to(connectionId).emit('media:hidden-peers', { participantIds });
    }
    return;
  }
  const channel = io.to(sessionChannel(sessionId));
  const to = exceptConnectionId ? channel.except(exceptConnectionId) : channel;
  (to.emit as Emit).call(to, event, payload);
}

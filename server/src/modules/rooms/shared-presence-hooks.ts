import { SignalCloseCode } from '@hearth/shared';
import type { HearthServer } from '../../realtime/index.js';
import { emitPresence } from './presence-events.js';
import type { RoomRegistry } from './room-registry.js';
import type { SharedPresenceHooks } from './shared-room-registry.js';

/**
 * [ND7] What the shared registry asks of socket.io: telling the room that someone on a lost node is gone, and
 * closing this node's connection of a person who joined again through another node (the node holding a
 * socket is the only one that can mark it as no longer joined, so its disconnect takes nobody out).
 */
export function sharedPresenceHooks(
  io: HearthServer,
  rooms: () => RoomRegistry,
  deps: { disconnectSignalling: (participantId: string, code?: number) => void; error: SharedPresenceHooks['error'] },
): SharedPresenceHooks {
  return {
    expired(sessionId, presence) {
      const participantId = presence.participant.id;
      deps.disconnectSignalling(participantId);
      emitPresence(io, rooms(), sessionId, presence.participant, 'participant:left', { participantId, reason: 'disconnected' });
    },
    replacedHere(_sessionId, replaced) {
      const old = io.sockets.sockets.get(replaced.connectionId);
      deps.disconnectSignalling(replaced.participant.id, SignalCloseCode.replaced);
      if (!old) return;
      old.data.joined = false;
      old.emit('room:closed', { reason: 'replaced', message: 'You joined this session from another tab or device.' });
      old.disconnect(true);
    },
    error: deps.error,
  };
}

import { sessionChannel, type HearthServer } from '../../realtime/index.js';
import type { RoomRegistry } from './room-registry.js';

/** What HTTP routes may ask of live rooms, without knowing about socket.io. */
export interface RoomControl {
  endSession(sessionId: string): Promise<void>;
}

/**
 * What other modules do when a session ends, as facts they subscribe to: `ending` runs while everyone is
 * still connected ([DS10] the open cases handed over), `departed` for each person taken out (their
 * signalling socket), `ended` once the room is closed (what was kept in memory for it goes).
 */
export interface SessionEndHooks {
  ending: readonly ((sessionId: string) => Promise<void>)[];
  departed: (participantId: string) => void;
  ended: readonly ((sessionId: string) => void)[];
}

export function socketRoomControl(io: HearthServer, rooms: RoomRegistry, hooks: SessionEndHooks): RoomControl {
  return {
    async endSession(sessionId) {
      for (const ending of hooks.ending) await ending(sessionId);
      for (const presence of rooms.clear(sessionId)) {
        hooks.departed(presence.participant.id);
        const socket = io.sockets.sockets.get(presence.connectionId);
        if (!socket) continue;
        socket.data.joined = false;
        socket.emit('room:closed', { reason: 'session_ended', message: 'This session has ended. Thank you for being here.' });
        socket.disconnect(true);
      }
      io.in(sessionChannel(sessionId)).disconnectSockets(true);
      // So memory does not grow by one entry per session.
      for (const ended of hooks.ended) ended(sessionId);
    },
  };
}

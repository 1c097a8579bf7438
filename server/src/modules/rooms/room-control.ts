import { Role } from '@hearth/shared';
import { connectionsChannel, participantChannel, type HearthServer } from '../../realtime/index.js';
import { emitPresence } from './presence-events.js';
import type { RoomRegistry } from './room-registry.js';

/** What HTTP routes may ask of live rooms, without knowing about socket.io. */
export interface RoomControl {
  endSession(sessionId: string): Promise<void>;
  /**
   * [SV6] Takes every supervisor out of the session, each told why: out of the media room first (throws
   * MediaGatewayError when LiveKit did not confirm), then their connections closed.
   */
  dismissObservers(sessionId: string): Promise<void>;
  /**
   * [CF5] Takes one person out of the session whose place in it has ended outside the room (a co-facilitator
   * removed from the group): out of the media room first (throws MediaGatewayError when LiveKit did not confirm),
   * then every connection they hold is told why and closed, the others see them leave, and the media key turns [LE4].
   */
  dismiss(sessionId: string, participantId: string, message: string): Promise<void>;
}

/**
 * What other modules do when a session ends, as facts they subscribe to: `ending` runs while everyone is
 * still connected ([DS10] the open cases handed over), `departed` for each person taken out (their
 * signalling socket), `ended` once the room is closed (what was kept in memory for it goes).
 */
export interface RoomControlHooks {
  ending: readonly ((sessionId: string) => Promise<void>)[];
  departed: (participantId: string) => void;
  ended: readonly ((sessionId: string) => void)[];
  /** [SV6] Out of the media room (the MediaGateway's remove; nothing to do in the mesh). */
  removeFromMedia: (sessionId: string, participantId: string) => Promise<void>;
  /** [SV6] What a dismissed observer is told (participants' `observation_off` refusal). */
  observationOffMessage: string;
  /** [LE4] After someone is dismissed: whatever of the media key they kept opens nothing said from now on. */
  rotateMediaKey: (sessionId: string) => Promise<unknown>;
}

export function socketRoomControl(io: HearthServer, rooms: RoomRegistry, hooks: RoomControlHooks): RoomControl {
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
      // [AU6] And every connection of the session that never joined (someone waiting, a second tab): told, closed.
      for (const socket of io.sockets.sockets.values()) {
        if (socket.data.identity?.sessionId !== sessionId) continue;
        if (!socket.data.joined) socket.emit('room:closed', { reason: 'session_ended', message: 'This session has ended. Thank you for being here.' });
        socket.disconnect(true);
      }
      // [ND7] Connections on other nodes, joined or not (this node's are closed and out of the channel by now).
      io.in(connectionsChannel(sessionId)).emit('room:closed', { reason: 'session_ended', message: 'This session has ended. Thank you for being here.' });
      io.in(connectionsChannel(sessionId)).disconnectSockets(true);
      // So memory does not grow by one entry per session.
      for (const ended of hooks.ended) ended(sessionId);
    },

    async dismissObservers(sessionId) {
      const observers = rooms.list(sessionId).filter((presence) => presence.participant.role === Role.supervisor);
      for (const observer of observers) await hooks.removeFromMedia(sessionId, observer.participant.id);
      for (const observer of observers) {
        const participantId = observer.participant.id;
        rooms.depart(sessionId, participantId);
        hooks.departed(participantId);
        const socket = io.sockets.sockets.get(observer.connectionId);
        if (socket) socket.data.joined = false;
        io.in(participantChannel(participantId)).emit('room:closed', { reason: 'observation_off', message: hooks.observationOffMessage });
        io.in(participantChannel(participantId)).disconnectSockets(true);
        emitPresence(io, rooms, sessionId, observer.participant, 'participant:left', { participantId, reason: 'left' });
      }
    },

    async dismiss(sessionId, participantId, message) {
      await hooks.removeFromMedia(sessionId, participantId);
      const presence = rooms.get(sessionId, participantId);
      rooms.depart(sessionId, participantId);
      hooks.departed(participantId);
      if (presence) {
        const socket = io.sockets.sockets.get(presence.connectionId);
        if (socket) socket.data.joined = false;
      }
      // [AU6] Every connection they hold, joined or not.
      io.in(participantChannel(participantId)).emit('room:closed', { reason: 'removed', message });
      io.in(participantChannel(participantId)).disconnectSockets(true);
      if (presence) {
        emitPresence(io, rooms, sessionId, presence.participant, 'participant:left', { participantId, reason: 'removed' });
        await hooks.rotateMediaKey(sessionId);
      }
    },
  };
}

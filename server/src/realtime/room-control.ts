import { Role } from '@hearth/shared';
import type { Services } from '../services.js';
import { observationOff } from '../modules/participants/standing.js';
import { facilitators } from '../modules/recipients/index.js';
import { emitPresence } from '../modules/rooms/presence-events.js';
import { participantChannel, sessionChannel, type HearthServer } from './socket-types.js';

/** What HTTP routes may ask of live rooms, without knowing about socket.io. */
export interface RoomControl {
  endSession(sessionId: string): Promise<void>;
  /**
   * [SV6] Takes every supervisor out of the session, each told why: out of the media room first (throws
   * MediaGatewayError when LiveKit did not confirm), then their connections closed.
   */
  dismissObservers(sessionId: string): Promise<void>;
}

export const noRoomControl: RoomControl = { endSession: async () => undefined, dismissObservers: async () => undefined };

export function socketRoomControl(io: HearthServer, services: Services): RoomControl {
  return {
    async endSession(sessionId) {
      // [DS10] Before anyone is disconnected, facilitators get the open cases to hand over.
      const openCases = await services.distress.listOpen(sessionId);
      for (const connectionId of facilitators(services.rooms.list(sessionId))) io.to(connectionId).emit('distress:handover', { openCases });
      for (const presence of services.rooms.clear(sessionId)) {
        services.signalling.disconnect(presence.participant.id);
        const socket = io.sockets.sockets.get(presence.connectionId);
        if (!socket) continue;
        socket.data.joined = false;
        socket.emit('room:closed', { reason: 'session_ended', message: 'This session has ended. Thank you for being here.' });
        socket.disconnect(true);
      }
      io.in(sessionChannel(sessionId)).disconnectSockets(true);
      // What the room kept in memory for the session goes with it, so memory does not grow by one entry per session.
      services.ruleProposals.forget(sessionId);
      services.sessionPhases.forget(sessionId);
      services.unmuteAsks.forget(sessionId);
    },

    async dismissObservers(sessionId) {
      const observers = services.rooms.list(sessionId).filter((presence) => presence.participant.role === Role.supervisor);
      for (const observer of observers) await services.mediaGateway.remove(sessionId, observer.participant.id);
      for (const observer of observers) {
        const participantId = observer.participant.id;
        services.rooms.depart(sessionId, participantId);
        services.signalling.disconnect(participantId);
        const socket = io.sockets.sockets.get(observer.connectionId);
        if (socket) socket.data.joined = false;
        io.in(participantChannel(participantId)).emit('room:closed', { reason: 'observation_off', message: observationOff.message });
        io.in(participantChannel(participantId)).disconnectSockets(true);
        emitPresence(io, services.rooms, sessionId, observer.participant, 'participant:left', { participantId, reason: 'left' });
      }
    },
  };
}

import type { FastifyBaseLogger } from 'fastify';
import { fail, isFacilitatorRole, ok, Role, SignalCloseCode, type Participant } from '@hearth/shared';
import { onCommand } from '../../realtime/command.js';
import { sessionChannel, type HearthServer, type HearthSocket } from '../../realtime/socket-types.js';
import type { Services } from '../../services.js';
import { deliverAway } from '../aside/aside-events.js';
import { standingRefusal } from '../participants/standing.js';
import { deliverOpenAlerts } from '../distress/cases.js';
import { joinRefusal } from '../rules/consent-gate.js';
import { welcomeToFloor } from '../floor/floor-control.js';
import { admissionGate, recordEntry } from '../waiting-room/admission-gate.js';
import { emitPresence } from './presence-events.js';
import { hiddenMediaPeers, visibleParticipants } from '../recipients/index.js';
import { withOwnMediaState } from './room-state.js';
import { livekitAccess } from '../livekit/media-access.js';
import { staffNameMessage, takesStaffName } from '../participants/staff-names.js';

/**
 * Joining, leaving and a participant's own media state. Invariants:
 * - [RM1] room facts go only to admitted sockets of the same session (the socket.io channel);
 * - [RM2] identity comes from the handshake, never from a payload;
 * - [RM3] a mesh room admits at most `meshCapacity` people; the next one gets `room_full`.
 */
export function registerRoomHandlers(io: HearthServer, socket: HearthSocket, services: Services, log: FastifyBaseLogger): void {
  const identity = socket.data.identity;
  const channel = sessionChannel(identity.sessionId);

  onCommand(socket, log, 'room:join', async (payload) => {
    if (socket.data.joined) return fail('conflict', 'You are already in the room.');
    // [AU6] Standing is read again on every join: a connection opened before a removal, a ban, a withdrawn
    // link or the end of the session cannot use it to come (back) in.
    const standing = await standingRefusal(services, await services.participants.findById(identity.participantId));
    if (standing) return { ok: false, error: standing };
    const session = await services.sessions.find(identity.sessionId);
    const group = session && (await services.groups.find(session.groupId));
    if (!session || !group || session.status === 'ended') return fail('session_ended', 'This session has ended.');
    // [GR5] The consent gate: enforced here, so no client can skip the pre-join page.
    const refusal = await joinRefusal(services, identity);
    if (refusal) return refusal;
    // [MD15] [MD9]-[MD12] Bans, the lock and the waiting room: enforced here too, whatever the client does.
    const admission = await admissionGate(services, identity);
    if (admission.refusal) return admission.refusal;
    if (payload.displayName && payload.displayName.trim() !== identity.displayName) {
      if (takesStaffName(identity.role, payload.displayName, await services.participants.staffNames(identity.sessionId))) {
        return fail('invalid_payload', staffNameMessage);
      }
      identity.displayName = payload.displayName.trim();
      await services.participants.updateDisplayName(identity.participantId, identity.displayName);
    }
    const participant: Participant = {
      id: identity.participantId,
      displayName: identity.displayName,
      organisation: identity.organisation,
      role: identity.role,
      // [SV3] The hidden supervisor publishes nothing, whatever their pre-join page asked for.
      audio: identity.role === Role.supervisor ? false : payload.audio,
      video: identity.role === Role.supervisor ? false : payload.video,
      mutedBy: null,
      joinedAt: services.now(),
    };
    // [LK6] LiveKit mode: the join token, minted before admission (null in mesh mode).
    const livekit = await livekitAccess(services, { ...identity, participantId: participant.id, displayName: participant.displayName });
    if (livekit && !livekit.ok) return livekit;
    // The socket may have dropped while we read the database; admitting it now would leave a ghost.
    if (!socket.connected) return fail('not_in_room', 'The connection closed while joining.');
    const admitted = services.rooms.admit(identity.sessionId, { participant, connectionId: socket.id, inviteId: identity.inviteId });
    if (!admitted.ok) {
      return fail(
        'room_full',
        `This room already has ${services.rooms.capacity} people, the most a peer-to-peer room can hold. A group this size needs Hearth's LiveKit mode; please tell your facilitator.`,
      );
    }
    if (admitted.replaced) closeReplaced(io, services, identity.sessionId, admitted.replaced.connectionId, participant);
    socket.data.joined = true;
    // Remembered, so a later lock or waiting room never shuts this person out after a dropped connection.
    if (admission.firstEntry) await recordEntry(services, identity);
    await socket.join(channel);
    emitPresence(io, services.rooms, identity.sessionId, participant, 'participant:joined', participant, socket.id);
    // After the ack, so the client has its room state before alerts arrive.
    setImmediate(() => void deliverOpenAlerts(socket, services).catch((err: unknown) => log.error({ err }, 'delivering open alerts failed')));
    setImmediate(() => deliverAway(socket, services));
    setImmediate(() => void welcomeToFloor(io, socket, services, log).catch((err: unknown) => log.error({ err }, 'delivering the floor failed')));
    return ok({
      self: participant,
      participants: visibleParticipants(services.rooms.list(identity.sessionId), identity.role).filter((p) => p.id !== participant.id),
      hiddenMediaPeers: hiddenMediaPeers(services.rooms.list(identity.sessionId), identity.role),
      session: { id: session.id, title: session.title, groupName: group.name },
      // [DS7] Emergency contacts are for facilitators only; the server decides, by role.
      support: { crisisResources: group.crisisResources, emergencyContacts: isFacilitatorRole(identity.role) ? group.emergencyContacts : null },
      media: livekit ? livekit.access : {
        mode: 'mesh' as const,
        iceServers: services.config.iceServers,
        signallingTicket: services.signalling.issueTicket(identity.sessionId, participant.id),
        capacity: services.rooms.capacity,
      },
    });
  });

  onCommand(socket, log, 'room:leave', async () => {
    leaveRoom(io, socket, services, 'left');
    await socket.leave(channel);
    return ok({});
  });

  onCommand(socket, log, 'media:state', (payload) => {
    if (identity.role === Role.supervisor && (payload.audio || payload.video)) {
      return fail('not_allowed', 'You are observing this session: your microphone and camera stay off.');
    }
    // [FL5] Under floor control, a member turns their microphone on only while holding the floor.
    if (payload.audio && !services.rooms.get(identity.sessionId, identity.participantId)?.participant.audio && services.floor.refusesUnmute(identity.sessionId, identity)) {
      return fail('not_allowed', 'Only the person whose turn it is can speak right now. You can turn your microphone on when it is your turn.');
    }
    const self = services.rooms.update(identity.sessionId, identity.participantId, (p) => withOwnMediaState(p, payload));
    if (!self) return fail('not_in_room', 'Join the room first.');
    emitPresence(io, services.rooms, identity.sessionId, self, 'participant:updated', self);
    return ok({ self });
  });

  socket.on('disconnect', () => leaveRoom(io, socket, services, 'disconnected'));
}

/** Takes the socket's participant out of the room if this socket is still the one admitted. */
export function leaveRoom(io: HearthServer, socket: HearthSocket, services: Services, reason: 'left' | 'disconnected'): void {
  const { sessionId, participantId } = socket.data.identity;
  if (!socket.data.joined) return;
  socket.data.joined = false;
  const departed = services.rooms.depart(sessionId, participantId, socket.id);
  if (!departed) return;
  services.signalling.disconnect(participantId);
  emitPresence(io, services.rooms, sessionId, departed.participant, 'participant:left', { participantId, reason }, socket.id);
}

/** A second tab or a reload took over: the old connection is told why and dropped; peers reconnect. */
function closeReplaced(io: HearthServer, services: Services, sessionId: string, oldConnectionId: string, participant: Participant): void {
  const old = io.sockets.sockets.get(oldConnectionId);
  services.signalling.disconnect(participant.id, SignalCloseCode.replaced);
  emitPresence(io, services.rooms, sessionId, participant, 'participant:left', { participantId: participant.id, reason: 'disconnected' }, oldConnectionId);
  if (!old) return;
  old.data.joined = false;
  old.emit('room:closed', { reason: 'replaced', message: 'You joined this session from another tab or device.' });
  old.disconnect(true);
}

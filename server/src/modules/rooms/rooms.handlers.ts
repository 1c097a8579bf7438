import type { FastifyBaseLogger } from 'fastify';
import { fail, isFacilitatorRole, ok, Role, SignalCloseCode, type Participant } from '@hearth/shared';
import { onCommand } from '../../realtime/index.js';
import { sessionChannel, type HearthServer, type HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { hiddenMediaPeers, visibleParticipants } from '../recipients/index.js';
import { runGates, type JoinPipeline } from './join-pipeline.js';
import { emitPresence } from './presence-events.js';
import { withOwnMediaState } from './room-state.js';

/**
 * Joining, leaving and a participant's own media state. Invariants:
 * - [RM1] room facts go only to admitted sockets of the same session (the socket.io channel);
 * - [RM2] identity comes from the handshake, never from a payload;
 * - [RM3] a mesh room admits at most `meshCapacity` people; the next one gets `room_full`.
 * Who else has a say in a join, and in what order, is join-pipeline.ts.
 */
export function registerRoomHandlers(
  io: HearthServer,
  socket: HearthSocket,
  services: Pick<Services, 'rooms' | 'sessions' | 'groups' | 'participants' | 'signalling' | 'config' | 'now' | 'iceServers'>,
  log: FastifyBaseLogger,
  pipeline: JoinPipeline,
): void {
  const identity = socket.data.identity;
  const channel = sessionChannel(identity.sessionId);

  onCommand(socket, log, 'room:join', async (payload) => {
    if (socket.data.joined) return fail('conflict', 'You are already in the room.');
    const attempt = { identity, payload };
    // [AU6] Standing is read again on every join: a connection opened before a removal, a ban, a withdrawn
    // link or the end of the session cannot use it to come (back) in.
    const standing = await pipeline.standing(attempt);
    if (!standing.ok) return standing;
    const session = await services.sessions.find(identity.sessionId);
    const group = session && (await services.groups.find(session.groupId));
    if (!session || !group || session.status === 'ended') return fail('session_ended', 'This session has ended.');
    // [GR5] consent, [MD15] [MD9]-[MD12] admission, then the name: enforced here, whatever the client does.
    const gates = await runGates([pipeline.consent, pipeline.admission, pipeline.name], attempt);
    if (!gates.ok) return gates;
    if (payload.displayName && payload.displayName.trim() !== identity.displayName) {
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
    const media = await pipeline.media(attempt, participant);
    if (!media.ok) return media;
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
    // E.g. admission remembers the first entry, so a later lock never shuts this person out after a dropped connection.
    for (const step of gates.afterJoin) await step();
    await socket.join(channel);
    emitPresence(io, services.rooms, identity.sessionId, participant, 'participant:joined', participant, socket.id);
    // After the ack, so the client has its room state before alerts arrive.
    for (const { name, listener } of pipeline.joined) {
      setImmediate(() => void Promise.resolve().then(() => listener(socket)).catch((err: unknown) => log.error({ err }, `delivering ${name} failed`)));
    }
    return ok({
      self: participant,
      participants: visibleParticipants(services.rooms.list(identity.sessionId), identity.role).filter((p) => p.id !== participant.id),
      hiddenMediaPeers: hiddenMediaPeers(services.rooms.list(identity.sessionId), identity.role),
      session: { id: session.id, title: session.title, groupName: group.name },
      // [DS7] Emergency contacts are for facilitators only; the server decides, by role.
      support: { crisisResources: group.crisisResources, emergencyContacts: isFacilitatorRole(identity.role) ? group.emergencyContacts : null },
      media: media.access ?? {
        mode: 'mesh' as const,
        // [TN2] Minted at each join, so a reconnect gets a fresh TURN credential.
        iceServers: services.iceServers(),
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
    if (payload.audio && !services.rooms.get(identity.sessionId, identity.participantId)?.participant.audio) {
      const refusal = pipeline.unmuteRefusal(identity);
      if (refusal) return refusal;
    }
    const self = services.rooms.update(identity.sessionId, identity.participantId, (p) => withOwnMediaState(p, payload));
    if (!self) return fail('not_in_room', 'Join the room first.');
    emitPresence(io, services.rooms, identity.sessionId, self, 'participant:updated', self);
    return ok({ self });
  });

  socket.on('disconnect', () => leaveRoom(io, socket, services, 'disconnected'));
}

/** Takes the socket's participant out of the room if this socket is still the one admitted. */
export function leaveRoom(io: HearthServer, socket: HearthSocket, services: Pick<Services, 'rooms' | 'signalling'>, reason: 'left' | 'disconnected'): void {
  const { sessionId, participantId } = socket.data.identity;
  if (!socket.data.joined) return;
  socket.data.joined = false;
  const departed = services.rooms.depart(sessionId, participantId, socket.id);
  if (!departed) return;
  services.signalling.disconnect(participantId);
  emitPresence(io, services.rooms, sessionId, departed.participant, 'participant:left', { participantId, reason }, socket.id);
}

/** A second tab or a reload took over: the old connection is told why and dropped; peers reconnect. */
function closeReplaced(io: HearthServer, services: Pick<Services, 'rooms' | 'signalling'>, sessionId: string, oldConnectionId: string, participant: Participant): void {
  const old = io.sockets.sockets.get(oldConnectionId);
  services.signalling.disconnect(participant.id, SignalCloseCode.replaced);
  emitPresence(io, services.rooms, sessionId, participant, 'participant:left', { participantId: participant.id, reason: 'disconnected' }, oldConnectionId);
  if (!old) return;
  old.data.joined = false;
  old.emit('room:closed', { reason: 'replaced', message: 'You joined this session from another tab or device.' });
  old.disconnect(true);
}

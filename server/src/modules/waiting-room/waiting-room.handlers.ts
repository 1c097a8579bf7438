import type { FastifyBaseLogger } from 'fastify';
import { fail, isFacilitatorRole, ok, type WaitingMessage } from '@hearth/shared';
import { onCommand } from '../../realtime/index.js';
import type { HearthServer, HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { newId } from '../../lib/index.js';
import { facilitators } from '../recipients/index.js';
import { admissionGate } from './admission-gate.js';
import { announceWaiting, letIn } from './waiting-list-events.js';

/**
 * The waiting room. Someone `room:join` refused with `admission_required` sends `waiting:enter` on the
 * same connection (not joined) and waits. Invariants:
 * - [MD9] only a facilitator's Admit lets them through `room:join` (recorded, so a reload does not wait again);
 * - [MD14] the waiting list and the waiting-room text reach the facilitators and co-facilitators and
 *   that one waiting member, nobody else (not other members, not the supervisor);
 * - waiting lasts while connected: a dropped connection leaves the list, the same person re-entering
 *   keeps their place. Declining is "not now", not a ban: they may wait again and be admitted then.
 */
export function registerWaitingRoomHandlers(io: HearthServer, socket: HearthSocket, services: Pick<Services, 'groups' | 'moderation' | 'now' | 'rooms' | 'sessions' | 'waiting'>, log: FastifyBaseLogger): void {
  const identity = socket.data.identity;
  const { sessionId } = identity;

  onCommand(socket, log, 'waiting:enter', async () => {
    if (socket.data.joined) return fail('conflict', 'You are already in the room.');
    const session = await services.sessions.find(sessionId);
    const group = session && (await services.groups.find(session.groupId));
    if (!session || !group || session.status === 'ended') return fail('session_ended', 'This session has ended.');
    const gate = await admissionGate(services, identity);
    const waits = gate.refusal?.error.code === 'admission_required';
    if (gate.refusal && !waits) return gate.refusal;
    const welcome = { groupName: group.name, sessionTitle: session.title, welcomeText: await services.moderation.welcomeText(group.id) };
    if (!waits) return ok({ status: 'admitted' as const, ...welcome });
    if (!socket.connected) return fail('not_in_room', 'The connection closed while joining.');
    const entry = { participantId: identity.participantId, displayName: identity.displayName, organisation: identity.organisation, since: services.now() };
    services.waiting.add(sessionId, entry, socket.id);
    announceWaiting(io, services, sessionId);
    return ok({ status: 'waiting' as const, ...welcome });
  });

  onCommand(socket, log, 'waiting:admit', async ({ participantId }) => {
    const waiting = services.waiting.get(sessionId, participantId);
    if (!waiting) return fail('not_found', 'That person is no longer waiting.');
    await services.moderation.admit(participantId, sessionId, services.now());
    letIn(io, services, sessionId, participantId);
    return ok({});
  });

  onCommand(socket, log, 'waiting:decline', ({ participantId }) => {
    const waiting = services.waiting.remove(sessionId, participantId);
    if (!waiting) return fail('not_found', 'That person is no longer waiting.');
    io.to(waiting.connectionId).emit('waiting:decided', {
      decision: 'declined',
      message: "The facilitator can't bring you into this session just now. Thank you for coming; you're welcome to contact them about another time.",
    });
    announceWaiting(io, services, sessionId);
    return ok({});
  });

  onCommand(socket, log, 'waiting:message', ({ participantId, body }) => {
    // Who the conversation is with comes from the server's records: the sender themselves if they are
    // waiting on this connection, or the waiting member a facilitator in the room named.
    const fromFacilitator = isFacilitatorRole(identity.role) && socket.data.joined;
    const ownWait = services.waiting.get(sessionId, identity.participantId);
    const waitingId = fromFacilitator ? participantId : ownWait?.connectionId === socket.id ? identity.participantId : undefined;
    if (!waitingId) return fail('not_allowed', 'Only someone in the waiting room and the facilitators can send these messages.');
    const waiting = services.waiting.get(sessionId, waitingId);
    if (!waiting) return fail('not_found', 'That person is no longer waiting.');
    const message: WaitingMessage = {
      id: newId(),
      waitingParticipantId: waitingId,
      from: { id: identity.participantId, displayName: identity.displayName, role: identity.role },
      body: body.trim(),
      sentAt: services.now(),
    };
    for (const connectionId of [waiting.connectionId, ...facilitators(services.rooms.list(sessionId))]) {
      if (connectionId !== socket.id) io.to(connectionId).emit('waiting:message', message);
    }
    return ok({ message });
  });

  socket.on('disconnect', () => {
    if (services.waiting.remove(sessionId, identity.participantId, socket.id)) announceWaiting(io, services, sessionId);
  });
}

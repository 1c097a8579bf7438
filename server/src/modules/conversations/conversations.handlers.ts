import type { FastifyBaseLogger } from 'fastify';
import { fail, isFacilitatorRole, ok, type DistressAlert } from '@hearth/shared';
import { onCommand } from '../../realtime/index.js';
import type { HearthServer, HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { moveIntoConversation } from './case-conversation.js';
import { facilitators, staff } from '../recipients/index.js';

/**
 * Private text. Invariants (docs/spec.md):
 * - [PC1] a request's conversation reaches only the member who raised it and the session's facilitators;
 *   another member can neither write to it nor read it;
 * - [PC2] the backchannel reaches only the session's facilitators, co-facilitators and hidden supervisor;
 * - [PC3] messages are stored before they are acknowledged, and their text never goes to the log.
 */
export function registerConversationHandlers(io: HearthServer, socket: HearthSocket, services: Pick<Services, 'distress' | 'messages' | 'now' | 'rooms'>, log: FastifyBaseLogger): void {
  const self = socket.data.identity;
  const facilitator = isFacilitatorRole(self.role);

  /**
   * The request, if the sender may take part in its conversation: facilitators always; its member only
   * once they are in it [DS14] (a case opened about them is not theirs to see until they are brought in).
   */
  async function caseFor(alertId: string): Promise<DistressAlert | undefined> {
    const alert = await services.distress.find(self.sessionId, alertId);
    if (!alert || (!facilitator && !(alert.participantId === self.participantId && alert.memberIncludedAt !== null))) return undefined;
    return alert;
  }

  onCommand(socket, log, 'case:message', async ({ alertId, body }) => {
    const alert = await caseFor(alertId);
    if (!alert) return fail('not_found', 'There is no such support request.');
    if (alert.status === 'resolved') return fail('conflict', 'This request has been resolved; start a new one if you need to.');
    if (facilitator) await moveIntoConversation(io, services, self.sessionId, self.participantId, alert);
    const message = await services.messages.add(self.sessionId, { kind: 'case', alertId }, self.participantId, body.trim(), services.now());
    const recipients = new Set(facilitators(services.rooms.list(self.sessionId)));
    // [DS14] The case's member hears it only once they have been brought into the conversation.
    const raiser = alert.memberIncludedAt === null ? undefined : services.rooms.get(self.sessionId, alert.participantId);
    if (raiser) recipients.add(raiser.connectionId);
    recipients.delete(socket.id);
    for (const connectionId of recipients) io.to(connectionId).emit('case:message', { alertId, message });
    return ok({ message });
  });

  onCommand(socket, log, 'case:history', async ({ alertId }) => {
    const alert = await caseFor(alertId);
    if (!alert) return fail('not_found', 'There is no such support request.');
    // [DS14] A member sees what was written since they were brought in, not the facilitators' notes before.
    const since = facilitator || alert.memberIncludedAt === null ? undefined : alert.memberIncludedAt;
    return ok({ messages: await services.messages.list(self.sessionId, { kind: 'case', alertId }, { since }) });
  });

  onCommand(socket, log, 'backchannel:message', async ({ body }) => {
    const message = await services.messages.add(self.sessionId, { kind: 'backchannel' }, self.participantId, body.trim(), services.now());
    // [SV4] The backchannel includes the hidden supervisor.
    for (const connectionId of staff(services.rooms.list(self.sessionId), { participantId: self.participantId })) io.to(connectionId).emit('backchannel:message', message);
    return ok({ message });
  });

  onCommand(socket, log, 'backchannel:history', async () => ok({ messages: await services.messages.list(self.sessionId, { kind: 'backchannel' }) }));
}

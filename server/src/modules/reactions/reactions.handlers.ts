import type { FastifyBaseLogger } from 'fastify';
import { fail, ok } from '@hearth/shared';
import { onCommand, sessionChannel, type HearthServer, type HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';

/**
 * Quiet reactions (RX1-RX4):
 * - [RX1] the sender is the connection's participant, never a field of the payload (the schema has none);
 *   the hidden supervisor cannot react (command-policy.ts), so nothing of them can appear;
 * - [RX2] a reaction goes to everyone in the session's room and nowhere else, and is neither stored,
 *   counted nor logged: the server forgets it as soon as it has passed it on;
 * - [RX3] facilitators turn the group's reactions on or off; while off, a reaction is refused and reaches nobody.
 */
export function registerReactionHandlers(io: HearthServer, socket: HearthSocket, services: Pick<Services, 'reactions'>, log: FastifyBaseLogger): void {
  const self = socket.data.identity;
  const channel = sessionChannel(self.sessionId);

  onCommand(socket, log, 'reaction:send', async ({ kind }) => {
    if (!(await services.reactions.enabled(self.sessionId))) return fail('not_allowed', 'Reactions are off for this group.');
    io.to(channel).emit('reaction:shown', { participantId: self.participantId, kind });
    return ok({});
  });

  onCommand(socket, log, 'reactions:settings', async ({ enabled }) => {
    await services.reactions.setEnabled(self.sessionId, enabled);
    io.to(channel).emit('reactions:settings', { enabled });
    return ok({ enabled });
  });
}

/** [RX3] After a join: the group's setting, so the reaction buttons show the right state from the start. */
export async function deliverReactionSettings(socket: HearthSocket, services: Pick<Services, 'reactions'>): Promise<void> {
  socket.emit('reactions:settings', { enabled: await services.reactions.enabled(socket.data.identity.sessionId) });
}

import type { FastifyBaseLogger } from 'fastify';
import { ok } from '@hearth/shared';
import { onCommand } from '../../realtime/index.js';
import type { HearthServer, HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';

/**
 * `talk:report` (anyone who publishes audio; clamped and credited by the service) and `talk:settings`
 * (facilitators). Identity comes from the handshake, never the payload: a report is always about its sender.
 */
export function registerTalkTimeHandlers(_io: HearthServer, socket: HearthSocket, services: Pick<Services, 'talkTime'>, log: FastifyBaseLogger): void {
  const identity = socket.data.identity;

  onCommand(socket, log, 'talk:report', async (report) => {
    await services.talkTime.report(identity.sessionId, identity.participantId, report);
    return ok({});
  });

  onCommand(socket, log, 'talk:settings', async ({ membersSeeOwnShare }) => {
    await services.talkTime.setMembersSeeOwnShare(identity.sessionId, membersSeeOwnShare);
    return ok({ membersSeeOwnShare });
  });
}

import type { FastifyBaseLogger } from 'fastify';
import type { FactPayload } from '@hearth/shared';
import { sessionChannel, type HearthServer, type HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { closeAsideMedia } from './aside-media.js';
import type { Aside } from './aside-state.js';

type EndServices = Pick<Services, 'asides' | 'config' | 'floor' | 'mediaGateway' | 'rooms'>;

/**
 * Ends the aside: [LR16] in LiveKit mode the two get their publishing in the session room back first (so
 * a client told "ended" can publish there again), then the two hear why, everyone hears who is away.
 * Throws MediaGatewayError, with the aside still on, if LiveKit did not confirm.
 */
export async function endAside(io: HearthServer, services: EndServices, sessionId: string, aside: Aside, reason: FactPayload<'aside:ended'>['reason']): Promise<void> {
  await closeAsideMedia(services, sessionId, aside);
  if (services.asides.end(sessionId, aside.id)) announceEnded(io, services, sessionId, aside, reason);
}

function announceEnded(io: HearthServer, services: EndServices, sessionId: string, aside: Aside, reason: FactPayload<'aside:ended'>['reason']): void {
  for (const id of [aside.memberId, aside.facilitatorId]) {
    const presence = services.rooms.get(sessionId, id);
    if (presence) io.to(presence.connectionId).emit('aside:ended', { asideId: aside.id, reason });
  }
  announceAway(io, services, sessionId);
}

/**
 * [PA5] Whoever leaves the room (for any reason) leaves their aside; the other person is told. The aside
 * ends in Hearth whatever LiveKit answers (someone gone cannot stay in it): if giving the other person's
 * publishing back fails, it is logged, and their next join gets a full token again.
 */
export function endAsidesOnDeparture(io: HearthServer, services: EndServices, log: FastifyBaseLogger): () => void {
  return services.rooms.onDeparture((sessionId, participantId) => {
    const aside = services.asides.of(sessionId, participantId);
    if (!aside || !services.asides.end(sessionId, aside.id)) return;
    void closeAsideMedia(services, sessionId, aside)
      .catch((err: unknown) => log.warn({ err, sessionId }, 'LiveKit did not confirm the end of a private conversation'))
      .finally(() => announceEnded(io, services, sessionId, aside, 'left'));
  });
}

/** After a (re)join: who is away right now, if anyone (sent after the join ack, like open alerts). */
export function deliverAway(socket: HearthSocket, services: Pick<Services, 'asides' | 'rooms'>): void {
  const participantIds = services.asides.away(socket.data.identity.sessionId);
  if (participantIds.length > 0) socket.emit('aside:away', { participantIds });
}

/** [PA2] The whole session hears only who is away. */
export function announceAway(io: HearthServer, services: Pick<Services, 'asides' | 'rooms'>, sessionId: string): void {
  io.to(sessionChannel(sessionId)).emit('aside:away', { participantIds: services.asides.away(sessionId) });
}

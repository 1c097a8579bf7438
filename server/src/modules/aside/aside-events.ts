import type { FactPayload } from '@hearth/shared';
import { sessionChannel, type HearthServer, type HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import type { Aside } from './aside-state.js';

/** Ends the aside: the two hear why, everyone hears the new list of who is away. */
export function endAside(io: HearthServer, services: Pick<Services, 'asides' | 'rooms'>, sessionId: string, aside: Aside, reason: FactPayload<'aside:ended'>['reason']): void {
  if (!services.asides.end(sessionId, aside.id)) return;
  for (const id of [aside.memberId, aside.facilitatorId]) {
    const presence = services.rooms.get(sessionId, id);
    if (presence) io.to(presence.connectionId).emit('aside:ended', { asideId: aside.id, reason });
  }
  announceAway(io, services, sessionId);
}

/** [PA5] Whoever leaves the room (for any reason) leaves their aside; the other person is told. */
export function endAsidesOnDeparture(io: HearthServer, services: Pick<Services, 'asides' | 'rooms'>): () => void {
  return services.rooms.onDeparture((sessionId, participantId) => {
    const aside = services.asides.of(sessionId, participantId);
    if (!aside) return;
    endAside(io, services, sessionId, aside, 'left');
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

import type { FastifyBaseLogger } from 'fastify';
import { fail, isFacilitatorRole, ok, type DistressAlert } from '@hearth/shared';
import { onCommand } from '../../realtime/command.js';
import type { HearthServer, HearthSocket } from '../../realtime/socket-types.js';
import type { Services } from '../../services.js';

/**
 * The private distress channel (first slice). Invariants, tested by id:
 * - [DS1] an alert is stored before the member's client is told it was received;
 * - [DS2] alerts reach facilitators and co-facilitators of the same session only, never members;
 * - [DS3] an unacknowledged alert is delivered again to every facilitator who (re)joins, until one
 *   acknowledges it, and survives a server crash;
 * - [DS4] the member who raised it hears back only that a facilitator has seen it;
 * - notes and names never go to the log.
 */
export function registerDistressHandlers(io: HearthServer, socket: HearthSocket, services: Services, log: FastifyBaseLogger): void {
  const self = socket.data.identity;

  onCommand(socket, log, 'distress:raise', async ({ level, note }) => {
    const alert = await services.distress.raise(
      { sessionId: self.sessionId, participantId: self.participantId, level, note: note?.trim() || null },
      services.now(),
    );
    for (const connectionId of facilitatorConnections(services, self.sessionId, self.participantId)) io.to(connectionId).emit('distress:alert', alert);
    return ok({ alertId: alert.id, raisedAt: alert.raisedAt });
  });

  onCommand(socket, log, 'distress:acknowledge', async ({ alertId }) => {
    const before = await services.distress.find(self.sessionId, alertId);
    if (!before) return fail('not_found', 'There is no such support request in this session.');
    const alert = (await services.distress.acknowledge(self.sessionId, alertId, self.participantId, services.now())) ?? before;
    if (before.acknowledgedAt === null) {
      for (const connectionId of facilitatorConnections(services, self.sessionId)) io.to(connectionId).emit('distress:acknowledged', alert);
      const raiser = services.rooms.get(self.sessionId, alert.participantId);
      if (raiser && alert.acknowledgedAt !== null) io.to(raiser.connectionId).emit('distress:seen', { alertId: alert.id, at: alert.acknowledgedAt });
    }
    return ok({ alert });
  });
}

/** [DS3] Called when a facilitator has joined: everything still waiting for someone to see it. */
export async function deliverOpenAlerts(socket: HearthSocket, services: Services): Promise<void> {
  const { role, sessionId, participantId } = socket.data.identity;
  if (!isFacilitatorRole(role)) return;
  const open: DistressAlert[] = await services.distress.listOpen(sessionId);
  for (const alert of open) if (alert.participantId !== participantId) socket.emit('distress:alert', alert);
}

/** [DS2] Recipients come from the room registry's roles, never from a payload. */
function facilitatorConnections(services: Services, sessionId: string, exceptParticipantId?: string): string[] {
  return services.rooms
    .list(sessionId)
    .filter((p) => isFacilitatorRole(p.participant.role) && p.participant.id !== exceptParticipantId)
    .map((p) => p.connectionId);
}

import type { HearthServer } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { facilitators } from '../recipients/index.js';

/** [MD14] Facilitators and co-facilitators only: who is waiting now. */
export function announceWaiting(io: HearthServer, services: Pick<Services, 'moderation' | 'now' | 'rooms' | 'waiting'>, sessionId: string): void {
  const waiting = services.waiting.list(sessionId);
  for (const connectionId of facilitators(services.rooms.list(sessionId))) io.to(connectionId).emit('waiting:updated', { waiting });
}

export function letIn(io: HearthServer, services: Pick<Services, 'moderation' | 'now' | 'rooms' | 'waiting'>, sessionId: string, participantId: string): void {
  const waiting = services.waiting.remove(sessionId, participantId);
  if (!waiting) return;
  io.to(waiting.connectionId).emit('waiting:decided', { decision: 'admitted', message: 'The facilitator has let you in.' });
  announceWaiting(io, services, sessionId);
}

/** The waiting room was switched off: everyone waiting is admitted. */
export async function admitEveryoneWaiting(io: HearthServer, services: Pick<Services, 'moderation' | 'now' | 'rooms' | 'waiting'>, sessionId: string): Promise<void> {
  for (const entry of services.waiting.list(sessionId)) {
    await services.moderation.admit(entry.participantId, sessionId, services.now());
    letIn(io, services, sessionId, entry.participantId);
  }
}

import type { DistressAlert } from '@hearth/shared';
import type { HearthServer } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { act } from '../distress/index.js';
import { staff } from '../recipients/index.js';

/**
 * A facilitator writing to a member has seen their request: acknowledge it if nobody had (telling the
 * member, as acknowledging does), then mark it in conversation.
 */
export async function moveIntoConversation(io: HearthServer, services: Pick<Services, 'distress' | 'now' | 'rooms'>, sessionId: string, by: string, alert: DistressAlert): Promise<void> {
  if (alert.status === 'raised') {
    const acknowledged = await act(services, sessionId, by, alert.id, 'acknowledge');
    if (acknowledged.ok) {
      for (const connectionId of staff(services.rooms.list(sessionId))) io.to(connectionId).emit('distress:acknowledged', acknowledged.alert);
      const raiser = services.rooms.get(sessionId, alert.participantId);
      if (raiser && acknowledged.alert.acknowledgedAt !== null) io.to(raiser.connectionId).emit('distress:seen', { alertId: alert.id, at: acknowledged.alert.acknowledgedAt });
    }
  }
  const conversing = await act(services, sessionId, by, alert.id, 'converse');
  if (conversing.ok) for (const connectionId of staff(services.rooms.list(sessionId))) io.to(connectionId).emit('distress:updated', conversing.alert);
}

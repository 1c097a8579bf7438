import { fail, SignalCloseCode, type Fail } from '@hearth/shared';
import { participantChannel, type HearthServer } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { emitPresence } from '../rooms/index.js';
import type { Presence } from '../rooms/index.js';
import { MediaGatewayError } from '../rooms/index.js';

/**
 * Runs the media-server side of an action first ([MD8]): if LiveKit did not confirm it, the
 * facilitator is told and Hearth's own state stays as it was. Anything else is unexpected and thrown.
 */
export async function viaMedia(what: string, act: () => Promise<void>): Promise<Fail | undefined> {
  try {
    await act();
    return undefined;
  } catch (err) {
    if (err instanceof MediaGatewayError) return fail('media_unavailable', `LiveKit did not confirm ${what}; nothing was changed.`);
    throw err;
  }
}

/** Takes someone out of the room at once: media signalling closed, told why, socket dropped, others told. */
export function expel(io: HearthServer, services: Pick<Services, 'rooms' | 'signalling'>, sessionId: string, target: Presence, closed: { reason: 'removed' | 'banned'; message: string }): void {
  const participantId = target.participant.id;
  services.rooms.depart(sessionId, participantId);
  services.signalling.disconnect(participantId, SignalCloseCode.removed);
  const targetSocket = io.sockets.sockets.get(target.connectionId);
  if (targetSocket) targetSocket.data.joined = false;
  // [AU6] Every connection they hold hears why and is closed, including one that never joined.
  io.in(participantChannel(participantId)).emit('room:closed', closed);
  io.in(participantChannel(participantId)).disconnectSockets(true);
  emitPresence(io, services.rooms, sessionId, target.participant, 'participant:left', { participantId, reason: 'removed' });
}

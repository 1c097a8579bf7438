import type { FastifyBaseLogger } from 'fastify';
import { fail, ok } from '@hearth/shared';
import { onCommand } from '../../realtime/index.js';
import type { HearthServer, HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { emitPresence } from '../rooms/index.js';
import { withFacilitatorMute } from '../rooms/index.js';
import { mayModerate } from './moderation.policy.js';
import { rotateMediaKey } from '../livekit/index.js';
import { expel, viaMedia } from './moderation-recipients.js';

/**
 * Mute and remove. There is deliberately no unmute: [MD1] a facilitator can never turn anyone's
 * microphone or camera on. In mesh mode the muted member's client stops sending, and every other
 * client stops playing that member's audio until the member unmutes themselves.
 */
export function registerModerationHandlers(io: HearthServer, socket: HearthSocket, services: Pick<Services, 'invites' | 'mediaGateway' | 'now' | 'participants' | 'rooms' | 'sessions' | 'signalling'>, log: FastifyBaseLogger): void {
  const actor = socket.data.identity;

  onCommand(socket, log, 'moderation:mute', async ({ participantId }) => {
    const target = services.rooms.get(actor.sessionId, participantId);
    if (!target) return fail('not_found', 'That person is not in the room.');
    const verdict = mayModerate({ id: actor.participantId, role: actor.role }, target.participant, 'mute');
    if (!verdict.allowed) return fail('not_allowed', verdict.reason);
    // [MD8] The media server first (LiveKit: the SFU stops forwarding); Hearth's state only once it confirmed.
    const refusal = await viaMedia('the mute', () => services.mediaGateway.muteMicrophone(actor.sessionId, participantId));
    if (refusal) return refusal;
    const by = { id: actor.participantId, displayName: actor.displayName };
    const muted = services.rooms.update(actor.sessionId, participantId, (p) => withFacilitatorMute(p, by));
    if (!muted) return fail('not_found', 'That person is not in the room.');
    io.to(target.connectionId).emit('moderation:muted', { by });
    emitPresence(io, services.rooms, actor.sessionId, muted, 'participant:updated', muted);
    return ok({ participant: muted });
  });

  onCommand(socket, log, 'moderation:remove', async ({ participantId }) => {
    const target = services.rooms.get(actor.sessionId, participantId);
    if (!target) return fail('not_found', 'That person is not in the room.');
    const verdict = mayModerate({ id: actor.participantId, role: actor.role }, target.participant, 'remove');
    if (!verdict.allowed) return fail('not_allowed', verdict.reason);
    // [MD8] Out of the media room first: if LiveKit did not confirm, nothing below happens.
    const refusal = await viaMedia('the removal', () => services.mediaGateway.remove(actor.sessionId, participantId));
    if (refusal) return refusal;
    const now = services.now();
    // Persist first: once the ack says "removed", their credential and link must already be dead.
    await services.participants.markRemoved(participantId, now);
    if (target.inviteId) await services.invites.revoke(target.inviteId, now);
    expel(io, services, actor.sessionId, target, { reason: 'removed', message: 'A facilitator removed you from this session.' });
    // [LE4] Whatever of the key they kept opens nothing said from now on.
    await rotateMediaKey(io, services, actor.sessionId);
    return ok({});
  });
}

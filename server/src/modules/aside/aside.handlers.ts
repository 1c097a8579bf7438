import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { fail, isFacilitatorRole, ok, type FactPayload } from '@hearth/shared';
import { onCommand } from '../../realtime/index.js';
import type { HearthServer, HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { moveIntoConversation } from '../conversations/index.js';
import { announceAway, endAside } from './aside-events.js';
import { openAsideMedia } from './aside-media.js';
import { MediaGatewayError } from '../rooms/index.js';
import type { Aside } from './aside-state.js';

/**
 * The pull-aside: a facilitator and the member of an open support request talk privately (audio and
 * video) while the group continues. Invariants, tested by id (docs/spec.md):
 * - [PA1] only a facilitator starts one, and the server takes both people from its records: the
 *   member of the case (who must be in the room) and the facilitator who asked;
 * - [PA2] only the two people in it learn it is a private conversation (`aside:started`/`aside:ended`);
 *   everyone else learns only who is away for a moment (`aside:away`), with no case and no reason;
 * - [PA3] a participant is in at most one aside (aside-state.ts);
 * - [PA4] the `aside` signalling channel is relayed only between the two (signalling-hub.ts);
 * - [PA5] it ends when either of the two ends it, a facilitator ends it, or either leaves the room
 *   (left, disconnected, removed, replaced by another tab, session ended);
 * - [LR16] in LiveKit mode the SFU enforces it (aside-media.ts): LiveKit first, all or nothing, and
 *   only then does anyone hear of it; ending it gives the two their publishing back first.
 */
export function registerAsideHandlers(io: HearthServer, socket: HearthSocket, services: Pick<Services, 'asides' | 'config' | 'distress' | 'floor' | 'mediaGateway' | 'now' | 'rooms'>, log: FastifyBaseLogger): void {
  const self = socket.data.identity;

  onCommand(socket, log, 'aside:start', async ({ alertId }) => {
    const alert = await services.distress.find(self.sessionId, alertId);
    if (!alert) return fail('not_found', 'There is no such support request in this session.');
    if (alert.status === 'resolved') return fail('conflict', 'This request has been resolved.');
    // [DS14] Being taken aside would tell them of a case they have not been brought into.
    if (alert.memberIncludedAt === null) return fail('conflict', 'Bring them into this conversation first: they have not been told of this case.');
    const member = services.rooms.get(self.sessionId, alert.participantId);
    if (!member) return fail('not_found', 'They are not in the room right now.');
    const facilitator = services.rooms.get(self.sessionId, self.participantId);
    if (!facilitator) return fail('not_in_room', 'Join the room first.');
    const aside: Aside = { id: randomUUID(), alertId, memberId: member.participant.id, facilitatorId: self.participantId, startedAt: services.now() };
    const started = services.asides.start(self.sessionId, aside);
    if (!started.ok) return fail(started.code, started.message);
    // [LR16] The SFU first; if LiveKit did not confirm, the aside never was (nobody has heard of it).
    const opened = await openAsideMedia(services, self.sessionId, aside);
    if (!opened.ok) {
      services.asides.end(self.sessionId, aside.id);
      return opened;
    }
    const mediaFor = (id: string) => {
      const media = opened.media?.get(id);
      return media ? { media } : {};
    };

    const toMember: FactPayload<'aside:started'> = {
      asideId: aside.id,
      with: { id: self.participantId, displayName: facilitator.participant.displayName, role: facilitator.participant.role },
      startedAt: aside.startedAt,
      ...mediaFor(member.participant.id),
    };
    const toFacilitator: FactPayload<'aside:started'> = {
      asideId: aside.id,
      with: { id: member.participant.id, displayName: member.participant.displayName, role: member.participant.role },
      startedAt: aside.startedAt,
      ...mediaFor(self.participantId),
    };
    io.to(member.connectionId).emit('aside:started', toMember);
    socket.emit('aside:started', toFacilitator);
    announceAway(io, services, self.sessionId);
    try {
      // Talking face to face is a conversation on the request, as writing is.
      await moveIntoConversation(io, services, self.sessionId, self.participantId, alert);
    } catch (err) {
      log.error({ err, sessionId: self.sessionId }, 'moving a case into conversation failed');
    }
    return ok({ aside: toFacilitator, alertId });
  });

  onCommand(socket, log, 'aside:end', async ({ participantId }) => {
    const target = participantId ?? self.participantId;
    if (target !== self.participantId && !isFacilitatorRole(self.role)) return fail('not_allowed', 'Only facilitators can do that.');
    const aside = services.asides.of(self.sessionId, target);
    if (!aside) return fail('not_found', 'There is no private conversation to end.');
    try {
      await endAside(io, services, self.sessionId, aside, 'ended');
    } catch (err) {
      if (err instanceof MediaGatewayError) return fail('media_unavailable', 'LiveKit did not confirm the return to the group; please try again.');
      throw err;
    }
    return ok({});
  });
}

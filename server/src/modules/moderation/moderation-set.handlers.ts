import type { FastifyBaseLogger } from 'fastify';
import { fail, ok, type ModerationSettings } from '@hearth/shared';
import { onCommand } from '../../realtime/index.js';
import { sessionChannel, type HearthServer, type HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { emitPresence } from '../rooms/index.js';
import { withFacilitatorMute } from '../rooms/index.js';
import { bannedMessage } from '../waiting-room/index.js';
import { admitEveryoneWaiting } from '../waiting-room/index.js';
import { facilitators } from '../recipients/index.js';
import { rotateMediaKey } from '../livekit/index.js';
import { expel, viaMedia } from './moderation-recipients.js';
import { mayModerate, muteAllTargets } from './moderation.policy.js';

/**
 * The moderation set beyond mute and remove: mute everyone, ask to unmute, stop video, ban, the lock
 * and the waiting-room switch. Invariants:
 * - [MD1] nothing here turns anyone's microphone or camera on; asking is all a facilitator can do;
 * - [MD8] the media server acts first; Hearth's state changes only after it confirmed;
 * - every action tells the facilitator it took effect (the ack) and the member what happened and why.
 */
export function registerModerationSetHandlers(io: HearthServer, socket: HearthSocket, services: Pick<Services, 'invites' | 'mediaGateway' | 'moderation' | 'now' | 'participants' | 'rooms' | 'sessions' | 'signalling' | 'unmuteAsks' | 'waiting'>, log: FastifyBaseLogger): void {
  const actor = socket.data.identity;
  const by = () => ({ id: actor.participantId, displayName: actor.displayName });
  const self = () => ({ id: actor.participantId, role: actor.role });

  onCommand(socket, log, 'moderation:state', async () =>
    ok({ settings: await services.moderation.settings(actor.sessionId), waiting: services.waiting.list(actor.sessionId) }));

  onCommand(socket, log, 'moderation:mute-all', async () => {
    const targets = muteAllTargets(services.rooms.list(actor.sessionId).map((p) => p.participant), actor.participantId);
    const outcomes = await Promise.all(targets.map(async (t) => ({ t, refusal: await viaMedia('the mute', () => services.mediaGateway.muteMicrophone(actor.sessionId, t.id)) })));
    const confirmed = outcomes.filter((o) => !o.refusal).map((o) => o.t);
    if (targets.length > 0 && confirmed.length === 0) return fail('media_unavailable', 'LiveKit did not confirm the mute; nothing was changed.');
    const muted = [];
    for (const target of confirmed) {
      const updated = services.rooms.update(actor.sessionId, target.id, (p) => withFacilitatorMute(p, by()));
      const presence = services.rooms.get(actor.sessionId, target.id);
      if (!updated || !presence) continue;
      io.to(presence.connectionId).emit('moderation:muted', { by: by(), everyone: true });
      emitPresence(io, services.rooms, actor.sessionId, updated, 'participant:updated', updated);
      muted.push(updated);
    }
    return ok({ muted });
  });

  onCommand(socket, log, 'moderation:ask-unmute', async ({ participantId }) => {
    const target = services.rooms.get(actor.sessionId, participantId);
    if (!target) return fail('not_found', 'That person is not in the room.');
    const verdict = mayModerate(self(), target.participant, 'ask_unmute');
    if (!verdict.allowed) return fail('not_allowed', verdict.reason);
    if (target.participant.audio) return fail('conflict', `${target.participant.displayName}'s microphone is already on.`);
    await services.unmuteAsks.ask(actor.sessionId, participantId, by());
    // [MD13] Only the member asked hears of it; they decide.
    io.to(target.connectionId).emit('moderation:unmute-requested', { by: by() });
    return ok({});
  });

  onCommand(socket, log, 'moderation:answer-unmute', async ({ accepted }) => {
    const asker = await services.unmuteAsks.take(actor.sessionId, actor.participantId);
    if (!asker) return fail('not_found', 'Nobody has asked you to unmute.');
    const answer = { participantId: actor.participantId, displayName: actor.displayName, accepted };
    for (const connectionId of facilitators(services.rooms.list(actor.sessionId))) io.to(connectionId).emit('moderation:unmute-answered', answer);
    return ok({});
  });

  onCommand(socket, log, 'moderation:stop-video', async ({ participantId }) => {
    const target = services.rooms.get(actor.sessionId, participantId);
    if (!target) return fail('not_found', 'That person is not in the room.');
    const verdict = mayModerate(self(), target.participant, 'stop_video');
    if (!verdict.allowed) return fail('not_allowed', verdict.reason);
    const refusal = await viaMedia("stopping the camera", () => services.mediaGateway.stopCamera(actor.sessionId, participantId));
    if (refusal) return refusal;
    const stopped = services.rooms.update(actor.sessionId, participantId, (p) => ({ ...p, video: false }));
    if (!stopped) return fail('not_found', 'That person is not in the room.');
    io.to(target.connectionId).emit('moderation:video-stopped', { by: by() });
    emitPresence(io, services.rooms, actor.sessionId, stopped, 'participant:updated', stopped);
    return ok({ participant: stopped });
  });

  onCommand(socket, log, 'moderation:ban', async ({ participantId }) => {
    const target = services.rooms.get(actor.sessionId, participantId);
    if (!target) return fail('not_found', 'That person is not in the room.');
    const verdict = mayModerate(self(), target.participant, 'ban');
    if (!verdict.allowed) return fail('not_allowed', verdict.reason);
    const refusal = await viaMedia('the ban', async () => {
      await services.mediaGateway.revokeAll(actor.sessionId, participantId);
      await services.mediaGateway.remove(actor.sessionId, participantId);
    });
    if (refusal) return refusal;
    const now = services.now();
    // [MD15] Persist before the ack: once it says "banned", their credential and link are dead.
    await services.moderation.ban({ participantId, sessionId: actor.sessionId, inviteId: target.inviteId, bannedBy: actor.participantId }, now);
    await services.participants.markRemoved(participantId, now);
    if (target.inviteId) await services.invites.revoke(target.inviteId, now);
    expel(io, services, actor.sessionId, target, { reason: 'banned', message: bannedMessage });
    // [LE4] Whatever of the key they kept opens nothing said from now on.
    await rotateMediaKey(io, services, actor.sessionId);
    return ok({});
  });

  const changeSettings = async (change: Partial<ModerationSettings>) => {
    const settings = { ...(await services.moderation.settings(actor.sessionId)), ...change };
    await services.moderation.saveSettings(actor.sessionId, settings, services.now());
    io.to(sessionChannel(actor.sessionId)).emit('moderation:settings', { settings, by: by() });
    return settings;
  };

  onCommand(socket, log, 'moderation:lock', async ({ locked }) => ok({ settings: await changeSettings({ locked }) }));

  onCommand(socket, log, 'moderation:waiting-room', async ({ enabled }) => {
    const settings = await changeSettings({ waitingRoom: enabled });
    // Switching the waiting room off lets in whoever was waiting: nobody is left waiting for nothing.
    if (!enabled) await admitEveryoneWaiting(io, services, actor.sessionId);
    return ok({ settings });
  });
}

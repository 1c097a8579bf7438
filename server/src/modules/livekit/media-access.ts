import { fail, Role, type Fail, type LiveKitMediaAccess } from '@hearth/shared';
import type { MediaGate } from '../rooms/index.js';
import type { Services } from '../../services.js';
import { livekitRepository } from './livekit.repository.js';
import { JOIN_TOKEN_TTL_SECONDS, mintJoinToken } from './livekit-tokens.js';

/** A LiveKit room holds far more than the mesh; this only bounds one session's memory on this node. */
export const LIVEKIT_ROOM_CAPACITY = 100;

/**
 * [LK6] The LiveKit part of `room:join`: null in mesh mode; otherwise the SFU address and a join token
 * for this session's room, minted before admission and never for a removed or banned participant (the
 * handshake refuses them already; this check keeps the token safe even if that ever changes).
 *
 * No refresh command: LiveKit refreshes a connected participant's token itself, and a participant who
 * has left gets a fresh one (checked again) from their next `room:join`.
 */
export async function livekitAccess(
  services: Pick<Services, 'config' | 'db' | 'floor' | 'now' | 'sessions'>,
  who: { sessionId: string; participantId: string; displayName: string; role: Role },
): Promise<{ ok: true; access: LiveKitMediaAccess } | Fail | null> {
  const livekit = services.config.livekit;
  if (!livekit) return null;
  const refused = await livekitRepository(services.db).refusedAmong(who.sessionId, [who.participantId]);
  if (refused.has(who.participantId)) return fail('removed', 'A facilitator removed you from this session.');
  // Under floor control a member without the floor joins without the microphone grant: the floor
  // module's own update (updateParticipant) cannot reach someone not yet connected to the SFU.
  const mayPublishAudio = mayPublishAudioNow(services, who.sessionId, { id: who.participantId, role: who.role });
  const token = await mintJoinToken(livekit, { ...who, mayPublishAudio });
  // [LE2] The session's end-to-end key, only here: room:join answers only after every admission gate, and
  // the key is in no token, metadata or webhook, so the SFU forwards what it can never decrypt.
  const e2eeKey = await services.sessions.mediaKey(who.sessionId);
  const expiresAt = services.now() + JOIN_TOKEN_TTL_SECONDS * 1000;
  return { ok: true, access: { mode: 'livekit', url: livekit.url, token, expiresAt, ...(e2eeKey ? { e2eeKey } : {}) } };
}

/** [FL5] Whether floor control lets this participant publish audio right now (a member without the floor may not). */
export function mayPublishAudioNow(services: Pick<Services, 'floor'>, sessionId: string, participant: { id: string; role: Role }): boolean {
  const floor = services.floor.peek(sessionId);
  return !(floor?.floorControl && participant.role === Role.member && floor.holderId !== participant.id);
}

/** [LK6] `room:join`'s media gate: the LiveKit access, or null for the mesh. */
export function livekitMediaGate(services: Pick<Services, 'config' | 'db' | 'floor' | 'now' | 'sessions'>): MediaGate {
  return async ({ identity }, self) => {
    const livekit = await livekitAccess(services, { ...identity, participantId: self.id, displayName: self.displayName });
    if (livekit && !livekit.ok) return livekit;
    return { ok: true, access: livekit ? livekit.access : null };
  };
}

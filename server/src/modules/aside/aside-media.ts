import { fail, type AsideMedia, type Fail, type Role } from '@hearth/shared';
import type { Services } from '../../services.js';
import { asideRoomName, mayPublishAudioNow, mintAsideToken } from '../livekit/index.js';
import { MediaGatewayError } from '../rooms/index.js';
import type { Aside } from './aside-state.js';

/**
 * [LR16] The media side of a pull-aside in LiveKit mode, enforced by the SFU rather than by the two
 * clients: while it lasts, neither person may publish in the session's LiveKit room (the SFU takes their
 * tracks away, so nobody else there receives anything of theirs), and each holds a token for a LiveKit
 * room of the two alone. In mesh mode there is nothing to do (the clients re-route their own tracks).
 *
 * Opening is all or nothing: if LiveKit refuses or cannot be reached for either person, what was done
 * is given back and the facilitator is told `media_unavailable`; nobody has been told of the aside yet.
 */
type AsideServices = Pick<Services, 'config' | 'floor' | 'mediaGateway' | 'rooms'>;

export type OpenedAsideMedia = { ok: true; media: Map<string, AsideMedia> | null } | Fail;

const REFUSED = 'LiveKit did not confirm the private conversation; nothing was changed.';

export async function openAsideMedia(services: AsideServices, sessionId: string, aside: Aside): Promise<OpenedAsideMedia> {
  const livekit = services.config.livekit;
  if (!livekit) return { ok: true, media: null };
  const people = pairOf(services, sessionId, aside);
  const withdrawn: typeof people = [];
  try {
    for (const person of people) {
      await services.mediaGateway.withdrawPublishing(sessionId, person);
      withdrawn.push(person);
    }
  } catch (err) {
    if (!(err instanceof MediaGatewayError)) throw err;
    await giveBack(services, sessionId, withdrawn).catch(() => undefined);
    return fail('media_unavailable', REFUSED);
  }
  const room = asideRoomName(sessionId, aside.id);
  const media = new Map<string, AsideMedia>();
  for (const person of people) {
    media.set(person.id, { url: livekit.url, room, token: await mintAsideToken(livekit, { room, participantId: person.id, displayName: person.displayName }) });
  }
  return { ok: true, media };
}

/**
 * Back to the group: each of the two still in the room may publish in the session room again (as floor
 * control allows), and the aside's room is closed (whoever is still in it is disconnected). Throws
 * MediaGatewayError if LiveKit did not confirm.
 */
export async function closeAsideMedia(services: AsideServices, sessionId: string, aside: Aside): Promise<void> {
  if (!services.config.livekit) return;
  await giveBack(services, sessionId, pairOf(services, sessionId, aside));
  await services.mediaGateway.closeRoom(asideRoomName(sessionId, aside.id));
}

/** The two people of the aside who are in the room now (someone who left has nothing to give back). */
function pairOf(services: AsideServices, sessionId: string, aside: Aside) {
  return [aside.memberId, aside.facilitatorId].flatMap((id) => {
    const presence = services.rooms.get(sessionId, id);
    return presence ? [{ id, role: presence.participant.role, displayName: presence.participant.displayName }] : [];
  });
}

async function giveBack(services: AsideServices, sessionId: string, people: readonly { id: string; role: Role }[]): Promise<void> {
  for (const person of people) await services.mediaGateway.setMayPublishAudio(sessionId, person, mayPublishAudioNow(services, sessionId, person));
}

import { RoomServiceClient, TrackType, type ParticipantInfo } from 'livekit-server-sdk';
import type { LiveKitConfig } from '../../config.js';
import { MediaGatewayError, type MediaGateway } from '../rooms/index.js';
import { asidePermissionFor, NO_PERMISSIONS, permissionFor } from './livekit-grants.js';

/**
 * Server-side moderation enforced by the SFU, over LiveKit's RoomService API. Room name = session id,
 * identity = participant id. Every failure becomes a MediaGatewayError, so the handler can tell the
 * facilitator "not done" before it changes any of Hearth's state. Remote unmute is never used:
 * mutePublishedTrack is only ever called with muted = true.
 */

/** Seconds before an API call counts as failed; a facilitator is waiting on the answer. */
const REQUEST_TIMEOUT_SECONDS = 5;

export function livekitMediaGateway(config: LiveKitConfig, client = roomServiceClient(config), now: () => number = Date.now): MediaGateway {
  async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      throw new MediaGatewayError(`The media server did not ${what}${describe(err)}.`, err);
    }
  }

  /** The participant's published track of one kind, or undefined if they publish none (nothing to do). */
  async function publishedTrack(room: string, identity: string, type: TrackType): Promise<string | undefined> {
    let info: ParticipantInfo;
    try {
      info = await client.getParticipant(room, identity);
    } catch (err) {
      // Not connected to the SFU at all: nothing of theirs is flowing, so the mute holds.
      if (isNotFound(err)) return undefined;
      throw err;
    }
    return info.tracks.find((track) => track.type === type && !track.muted)?.sid;
  }

  async function muteTrack(room: string, identity: string, type: TrackType, what: string): Promise<void> {
    await call(what, async () => {
      const sid = await publishedTrack(room, identity, type);
      if (sid) await client.mutePublishedTrack(room, identity, sid, true);
    });
  }

  return {
    mode: 'livekit',
    muteMicrophone: (room, identity) => muteTrack(room, identity, TrackType.AUDIO, 'mute the microphone'),
    stopCamera: (room, identity) => muteTrack(room, identity, TrackType.VIDEO, 'stop the camera'),
    async setMayPublishAudio(room, participant, allowed) {
      await call(allowed ? 'give the microphone back' : 'take the microphone', async () => {
        try {
          await client.updateParticipant(room, participant.id, { permission: permissionFor(participant.role, { mayPublishAudio: allowed }) });
        } catch (err) {
          // Not in the SFU room: their next join token carries the floor rule instead.
          if (!isNotFound(err)) throw err;
        }
      });
    },
    async withdrawPublishing(room, participant) {
      await call('take their publishing for the private conversation', async () => {
        try {
          await client.updateParticipant(room, participant.id, { permission: asidePermissionFor(participant.role) });
        } catch (err) {
          if (!isNotFound(err)) throw err;
        }
      });
    },
    async closeRoom(room) {
      await call('close the private room', async () => {
        try {
          await client.deleteRoom(room);
        } catch (err) {
          if (!isNotFound(err)) throw err;
        }
      });
    },
    async revokeAll(room, identity) {
      await call('revoke their permissions', async () => {
        try {
          await client.updateParticipant(room, identity, { permission: NO_PERMISSIONS });
        } catch (err) {
          if (!isNotFound(err)) throw err;
        }
      });
    },
    async remove(room, identity) {
      await call('disconnect them', async () => {
        try {
          // Tokens issued before now stop working for them (servers without this field ignore it; the
          // participant_joined webhook still removes a refused identity that comes back).
          await client.removeParticipant(room, identity, { revokeTokenTs: BigInt(Math.floor(now() / 1000)) });
        } catch (err) {
          // Already gone is what we wanted.
          if (!isNotFound(err)) throw err;
        }
      });
    },
  };
}

export function roomServiceClient(config: LiveKitConfig): RoomServiceClient {
  return new RoomServiceClient(config.apiUrl, config.apiKey, config.apiSecret, { requestTimeout: REQUEST_TIMEOUT_SECONDS });
}

export function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'not_found';
}

/** No names or ids: the code and status only, so it can go to the facilitator and to the log. */
function describe(err: unknown): string {
  if (typeof err !== 'object' || err === null) return '';
  const { code, status } = err as { code?: unknown; status?: unknown };
  if (typeof code === 'string' && code) return ` (${code})`;
  if (typeof status === 'number') return ` (status ${status})`;
  return ' (unreachable)';
}

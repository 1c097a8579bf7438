/**
 * Entry point the room UI uses to reach media. It picks the implementation the server asked for
 * (`access.mode`) and loads it with a dynamic import, so the pre-join bundle carries none of the
 * WebRTC code, and mesh rooms never load livekit-client. The UI only ever sees `MediaConnection`.
 */
import type { MediaAccess } from '@hearth/shared';
import type { MediaConnection } from './media-connection.js';

export type { MediaConnection, MediaSnapshot, RemoteMedia, MediaCloseReason } from './media-connection.js';

/**
 * Creates (but does not start) the media connection for this room. Call `connect()` on the result
 * with the stream acquired on the pre-join screen.
 *
 * @param selfId this client's participant id (from the `room:join` result); it decides which side
 *   of each peer pair is polite.
 */
/** Starts downloading the media code for `mode` early (e.g. when Join is pressed); safe to call twice. */
export function preloadMedia(mode: MediaAccess['mode'] = 'mesh'): void {
  if (mode === 'mesh') void import('./mesh/mesh-connection.js');
  else void import('./livekit/livekit-connection.js');
}

export async function loadMediaConnection(access: MediaAccess, selfId: string): Promise<MediaConnection> {
  switch (access.mode) {
    case 'mesh': {
      const { createMeshConnection } = await import('./mesh/mesh-connection.js');
      return createMeshConnection(access, selfId);
    }
    case 'livekit': {
      // livekit-client is large: only rooms the server put in LiveKit mode download it.
      const { createLiveKitConnection } = await import('./livekit/livekit-connection.js');
      return createLiveKitConnection(access, selfId);
    }
  }
}

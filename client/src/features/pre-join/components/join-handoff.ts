import type { RoomCredential } from '@hearth/shared';
import type { PreviewSettled } from '../hooks/use-preview-media';
import type { JoinedRoom } from '../types';
import { hasLiveTrack } from '../../../lib/user-media';

/** Packs the preview's stream and toggles with the credential, as the room expects them. */
export function handOff(preview: PreviewSettled, credential: RoomCredential, displayName: string): JoinedRoom {
  const stream = preview.stream ?? new MediaStream();
  return {
    credential,
    displayName,
    stream,
    audio: preview.audio && hasLiveTrack(stream, 'audio'),
    video: preview.video && hasLiveTrack(stream, 'video'),
  };
}

import type { RoomCredential } from '@hearth/shared';

/** What the pre-join screen hands over when the person presses Join. */
export interface JoinedRoom {
  credential: RoomCredential;
  displayName: string;
  /** The stream acquired on the pre-join screen; the room sends it without asking the browser again. */
  stream: MediaStream;
  audio: boolean;
  video: boolean;
}

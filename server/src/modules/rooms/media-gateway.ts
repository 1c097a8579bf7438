import type { Role } from '@hearth/shared';

/**
 * Where server-side moderation reaches the media layer. In mesh mode there is no media server: peers
 * send to each other directly, so enforcement is the room state plus every receiving client refusing
 * to play what the server says is muted (see MediaConnection.setRemoteAudioAllowed), and these calls
 * do nothing. In LiveKit mode the SFU enforces them (RoomServiceClient).
 *
 * Every method rejects with MediaGatewayError when the media server refused or could not be reached,
 * so a handler can tell the facilitator "not done" and leave its own state untouched. Callers act on
 * the media server FIRST and change Hearth's state only after it succeeded.
 *
 * Room name = session id; identity = participant id (what the LiveKit token grants carry).
 */
export interface MediaGateway {
  readonly mode: 'mesh' | 'livekit';
  /** Stop the participant's microphone track (LiveKit: mutePublishedTrack on their audio track). */
  muteMicrophone(sessionId: string, participantId: string): Promise<void>;
  /** Stop the participant's camera track (LiveKit: mutePublishedTrack on their video track). */
  stopCamera(sessionId: string, participantId: string): Promise<void>;
  /**
   * Floor control: whether this participant may publish audio at all. LiveKit: updateParticipant with
   * the FULL permission set for their role (omitted flags become false), with or without MICROPHONE
   * in canPublishSources.
   */
  setMayPublishAudio(sessionId: string, participant: { id: string; role: Role }, allowed: boolean): Promise<void>;
  /**
   * [LR16] A pull-aside: the participant keeps receiving the session room but may publish nothing there
   * (LiveKit: updateParticipant with canPublish false, so the SFU takes their published tracks away).
   * Given back with setMayPublishAudio. Not connected to the SFU is success (nothing of theirs flows).
   */
  withdrawPublishing(sessionId: string, participant: { id: string; role: Role }): Promise<void>;
  /** [LR16] Closes a media room and disconnects whoever is in it (LiveKit: deleteRoom). Gone already is success. */
  closeRoom(room: string): Promise<void>;
  /** Revoke every permission (ban) before removing, so nothing more is published meanwhile. */
  revokeAll(sessionId: string, participantId: string): Promise<void>;
  /** Disconnect the participant from the media room (LiveKit: removeParticipant). Not-found is success. */
  remove(sessionId: string, participantId: string): Promise<void>;
}

export class MediaGatewayError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
  }
}

/** Mesh mode: nothing to call; the server's room state and the receiving clients enforce. */
export const meshMediaGateway: MediaGateway = {
  mode: 'mesh',
  muteMicrophone: async () => undefined,
  stopCamera: async () => undefined,
  setMayPublishAudio: async () => undefined,
  withdrawPublishing: async () => undefined,
  closeRoom: async () => undefined,
  revokeAll: async () => undefined,
  remove: async () => undefined,
};

import type { AsideMedia } from '@hearth/shared';

/**
 * The one interface the room UI uses to reach media. The peer-to-peer mesh implements it today;
 * LiveKit mode will be a second implementation, loaded only when the server says so. The room UI
 * must not know which one it talks to.
 *
 * State is exposed as an immutable snapshot plus a subscribe function, so React reads it with
 * useSyncExternalStore and any other caller (tests, benchmarks) can read it without React.
 */

export interface RemoteMedia {
  participantId: string;
  /**
   * Holds the remote audio and video tracks as they arrive; stable for the life of the peer. (A
   * participant who reloads gets a new peer, hence a new stream: bind media elements to the current one.)
   */
  stream: MediaStream;
  hasVideo: boolean;
  hasAudio: boolean;
  /** True while this participant's audio level is above the speaking threshold. */
  speaking: boolean;
  /** 'connecting' until media flows, 'connected', or 'failed' when the peer could not be reached. */
  connection: 'connecting' | 'connected' | 'failed';
}

/**
 * Why a connection closed on its own: the signalling server refused the ticket, a facilitator
 * removed this participant, a newer connection of the same participant replaced this one, the server
 * closed it for sending more than its signalling budget or frame limit, or the signalling socket dropped.
 * No reconnection happens (tickets are single use): the UI rejoins, except after over_budget.
 */
export type MediaCloseReason = 'bad_ticket' | 'removed' | 'replaced' | 'over_budget' | 'signalling_lost';

export interface MediaSnapshot {
  status: 'idle' | 'connecting' | 'connected' | 'closed';
  local: { stream: MediaStream | null; audio: boolean; video: boolean; speaking: boolean };
  remotes: ReadonlyMap<string, RemoteMedia>;
  /**
   * Set only when status became 'closed' without close() being called. Peers already connected keep
   * their media until close(), so a rejoin does not cut anyone off mid-sentence. (Added after the
   * first version of this interface; optional, so older readers and test doubles are unaffected.)
   */
  closeReason?: MediaCloseReason;
  /**
   * The other person of a pull-aside (startAside()), null or absent when there is none. Their tile in
   * `remotes` stays as it was; this is the private connection to them. (Optional, as closeReason.)
   */
  aside?: RemoteMedia | null;
  /**
   * [LE2] True while this connection encrypts what it sends and decrypts what it receives end to end
   * (LiveKit mode with the session's key). Absent in the mesh, whose DTLS-SRTP is between the browsers.
   */
  encrypted?: boolean;
}

export interface MediaConnection {
  readonly mode: 'mesh' | 'livekit';
  /** Starts sending the given local stream (already acquired on the pre-join screen). */
  connect(localStream: MediaStream, initial: { audio: boolean; video: boolean }): Promise<void>;
  /** Turns the sender's own microphone on or off. Off means no audio packets leave this machine. */
  setMicrophoneEnabled(enabled: boolean): Promise<void>;
  /** Turns the sender's own camera on or off. Off releases the camera. */
  setCameraEnabled(enabled: boolean): Promise<void>;
  /**
   * Receiver-side enforcement of a mute: while false, this client plays no audio from that
   * participant even if their client keeps sending (in mesh mode nobody else can stop a sender).
   */
  setRemoteAudioAllowed(participantId: string, allowed: boolean): void;
  /**
   * Pull-aside: a private conversation with one participant while the group carries on. Until
   * endAside(), this client sends its microphone and camera only to that participant, and plays none
   * of the group's audio; the group keeps talking among itself. The person's own microphone and
   * camera settings are untouched, so returning never turns anything on that was off. The server
   * decides who may be in an aside; call this only when it said so (`aside:started`).
   * Mesh mode: a second RTCPeerConnection to that participant, signalled on the `aside` channel.
   * LiveKit mode ([LR16]): the server has taken this person's publishing in the session room away;
   * `media` is the room of the two alone, joined for the duration.
   */
  startAside(participantId: string, media?: AsideMedia): void;
  /** Back to the group: closes the private connection and sends to, and plays, the group again. */
  endAside(): void;
  /**
   * [LE4] The session's new end-to-end key (`media:key`, after a removal or a ban): encrypt with it from
   * now on. Nothing to do in the mesh, which has no session key.
   */
  setMediaKey(e2eeKey: string): void;
  /** Tells the connection who is admitted to the room, so it can open and close peers. */
  setParticipants(participantIds: readonly string[]): void;
  subscribe(listener: () => void): () => void;
  getSnapshot(): MediaSnapshot;
  /** Stops all tracks and closes every peer. Idempotent. */
  close(): void;
}

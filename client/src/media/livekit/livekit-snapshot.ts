/**
 * Pure mapping from what livekit-client knows about the room to the MediaSnapshot the room UI reads.
 * Kept apart from the connection so it can be tested without a browser or an SFU: it sees only the
 * small structural views below, never livekit-client's classes.
 */
import type { RemoteMedia } from '../media-connection.js';

/** One track publication of a remote participant, as far as the UI cares. */
export interface PublicationView {
  kind: 'audio' | 'video';
  /** Present while subscribed (the SFU forwards it to us). */
  track: MediaStreamTrack | undefined;
  muted: boolean;
}

export interface RemoteParticipantView {
  identity: string;
  isSpeaking: boolean;
  publications: readonly PublicationView[];
}

/** A MediaStream as far as we touch one (the real one in browsers, a small fake in tests). */
export interface StreamLike {
  getTracks(): MediaStreamTrack[];
  addTrack(track: MediaStreamTrack): void;
  removeTrack(track: MediaStreamTrack): void;
}

/**
 * Makes `stream` hold exactly the tracks to play: subscribed, not muted, and audio only if allowed.
 * The stream object stays the same, so media elements bound to it keep playing.
 */
export function syncStream(stream: StreamLike, publications: readonly PublicationView[], audioAllowed: boolean): { hasAudio: boolean; hasVideo: boolean } {
  const wanted = publications.filter((p) => p.track && !p.muted && (p.kind === 'video' || audioAllowed));
  const wantedTracks = new Set(wanted.map((p) => p.track as MediaStreamTrack));
  for (const track of stream.getTracks()) if (!wantedTracks.has(track)) stream.removeTrack(track);
  const present = new Set(stream.getTracks());
  for (const track of wantedTracks) if (!present.has(track)) stream.addTrack(track);
  return { hasAudio: wanted.some((p) => p.kind === 'audio'), hasVideo: wanted.some((p) => p.kind === 'video') };
}

/**
 * The tiles: one per remote participant that the server listed AND the SFU has (someone in the SFU
 * whom Hearth does not list gets no tile; someone listed but not yet in the SFU is not shown until
 * they are). While the SFU link is reconnecting every tile says 'connecting'.
 */
export function remoteMediaFor(
  participants: readonly RemoteParticipantView[],
  options: {
    listed: ReadonlySet<string>;
    audioDisallowed: ReadonlySet<string>;
    reconnecting: boolean;
    streamFor: (identity: string) => StreamLike;
  },
): RemoteMedia[] {
  return participants
    .filter((p) => options.listed.has(p.identity))
    .map((p) => {
      const stream = options.streamFor(p.identity);
      const { hasAudio, hasVideo } = syncStream(stream, p.publications, !options.audioDisallowed.has(p.identity));
      return {
        participantId: p.identity,
        stream: stream as MediaStream,
        hasAudio,
        hasVideo,
        speaking: hasAudio && p.isSpeaking,
        connection: options.reconnecting ? 'connecting' : 'connected',
      };
    });
}

/**
 * Why the SFU closed the connection, in the MediaCloseReason the UI already knows. (A room ended by
 * Hearth is announced over Hearth's own socket, so anything else is a lost link.)
 */
export function closeReasonFor(reason: number | undefined, codes: { removed: number; duplicateIdentity: number }) {
  if (reason === codes.removed) return 'removed' as const;
  if (reason === codes.duplicateIdentity) return 'replaced' as const;
  return 'signalling_lost' as const;
}

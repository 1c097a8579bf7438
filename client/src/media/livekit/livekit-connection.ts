/**
 * LiveKit implementation of MediaConnection: one connection to the SFU, which forwards everyone's
 * tracks. Loaded (with livekit-client) only when the server says the room is in LiveKit mode.
 *
 * Owns: the livekit-client Room, this client's published microphone and camera, one MediaStream per
 * remote participant (stable while they stay, so media elements keep playing).
 * Invariants:
 * - Tiles are the intersection of the server's list (setParticipants) and the SFU's participants.
 * - A facilitator's mute arrives from the SFU (mutePublishedTrack): livekit-client mutes the local
 *   track and the snapshot shows the microphone off. Nothing here can unmute anyone else.
 * - During a pull-aside only the partner may subscribe to this client's tracks
 *   (setTrackSubscriptionPermissions, enforced by the SFU) and no group audio is played.
 * - After close() nothing is captured, sent or received, and no callback publishes again.
 * - [LE2] When the join answer carries the session's key, every frame is encrypted before it leaves this
 *   browser and decrypted after it arrives (livekit-client's E2EE in its worker); the SFU forwards only
 *   ciphertext. A browser that cannot do this refuses to connect rather than send in the clear.
 * Tested in Chromium against a real livekit-server (test/livekit/); the mapping in livekit-snapshot.ts
 * also has unit tests.
 */
import {
  ConnectionState,
  DisconnectReason,
  ExternalE2EEKeyProvider,
  isE2EESupported,
  Room,
  RoomEvent,
  Track,
  type LocalTrackPublication,
  type RemoteParticipant,
} from 'livekit-client';
import type { LiveKitMediaAccess } from '@hearth/shared';
import type { MediaCloseReason, MediaConnection, MediaSnapshot } from '../media-connection.js';
import { SnapshotStore } from '../mesh/snapshot.js';
import { closeReasonFor, remoteMediaFor, type RemoteParticipantView } from './livekit-snapshot.js';

export function createLiveKitConnection(access: LiveKitMediaAccess, selfId: string): MediaConnection {
  return new LiveKitConnection(access, selfId);
}

const ROOM_EVENTS = [
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.TrackSubscribed,
  RoomEvent.TrackUnsubscribed,
  RoomEvent.TrackMuted,
  RoomEvent.TrackUnmuted,
  RoomEvent.LocalTrackPublished,
  RoomEvent.LocalTrackUnpublished,
  RoomEvent.ActiveSpeakersChanged,
  RoomEvent.Reconnecting,
  RoomEvent.Reconnected,
  RoomEvent.ParticipantEncryptionStatusChanged,
] as const;

class LiveKitConnection implements MediaConnection {
  readonly mode = 'livekit' as const;
  private readonly store = new SnapshotStore();
  private status: MediaSnapshot['status'] = 'idle';
  private closeReason: MediaCloseReason | undefined;
  private readonly keyProvider = new ExternalE2EEKeyProvider();
  private readonly room: Room;
  private listed = new Set<string>();
  private readonly audioDisallowed = new Set<string>();
  private readonly streams = new Map<string, MediaStream>();
  private localStream: MediaStream | null = null;
  private asideWith: string | null = null;
  private disposed = false;

  constructor(
    private readonly access: LiveKitMediaAccess,
    private readonly selfId: string,
  ) {
    this.room = new Room({ adaptiveStream: true, dynacast: true, ...(access.e2eeKey ? { encryption: this.encryption() } : {}) });
    for (const event of ROOM_EVENTS) this.room.on(event, () => this.publish());
    this.room.on(RoomEvent.Disconnected, (reason?: DisconnectReason) => this.onDisconnected(reason));
  }

  async connect(localStream: MediaStream, initial: { audio: boolean; video: boolean }): Promise<void> {
    if (this.status !== 'idle') throw new Error('connect() may be called once per connection');
    this.status = 'connecting';
    this.localStream = localStream;
    this.publish();
    try {
      if (this.access.e2eeKey) {
        // The key is raw random bytes, so livekit-client derives with HKDF; set before connecting so the
        // first frame out is already encrypted.
        await this.keyProvider.setKey(keyBytes(this.access.e2eeKey));
        await this.room.setE2EEEnabled(true);
      }
      await this.room.connect(this.access.url, this.access.token);
    } catch (error) {
      if (this.disposed) return;
      this.stop('bad_ticket');
      throw error;
    }
    if (this.disposed) return void this.room.disconnect();
    // The pre-join preview's tracks go out as they are; turning a device on later asks livekit-client.
    for (const track of localStream.getTracks()) {
      const source = track.kind === 'audio' ? Track.Source.Microphone : Track.Source.Camera;
      if (!(track.kind === 'audio' ? initial.audio : initial.video)) {
        track.stop();
        continue;
      }
      try {
        await this.room.localParticipant.publishTrack(track, { source });
      } catch (error) {
        // [FL5] Under floor control a member without the floor joins with a token that may not publish
        // the microphone: that device stays off, and the rest of the room (camera, everyone else's
        // media) must still work. Before this, the refusal failed the whole connection.
        console.warn(`Could not publish the ${source}`, error);
        track.stop();
      }
    }
    this.status = 'connected';
    this.publish();
  }

  async setMicrophoneEnabled(enabled: boolean): Promise<void> {
    await this.room.localParticipant.setMicrophoneEnabled(enabled);
    this.publish();
  }

  async setCameraEnabled(enabled: boolean): Promise<void> {
    await this.room.localParticipant.setCameraEnabled(enabled);
    this.publish();
  }

  setRemoteAudioAllowed(participantId: string, allowed: boolean): void {
    if (allowed) this.audioDisallowed.delete(participantId);
    else this.audioDisallowed.add(participantId);
    this.publish();
  }

  startAside(participantId: string): void {
    if (this.disposed || participantId === this.selfId || this.asideWith === participantId) return;
    this.asideWith = participantId;
    // Only the partner may receive this client's tracks now; the SFU stops forwarding to everyone else.
    this.room.localParticipant.setTrackSubscriptionPermissions(false, [{ participantIdentity: participantId, allowAll: true }]);
    this.publish();
  }

  endAside(): void {
    if (this.asideWith === null) return;
    this.asideWith = null;
    if (!this.disposed) this.room.localParticipant.setTrackSubscriptionPermissions(true);
    this.publish();
  }

  setParticipants(participantIds: readonly string[]): void {
    this.listed = new Set(participantIds.filter((id) => id !== this.selfId));
    this.publish();
  }

  subscribe(listener: () => void): () => void {
    return this.store.subscribe(listener);
  }

  getSnapshot(): MediaSnapshot {
    return this.store.get();
  }

  close(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.status = 'closed';
    void this.room.disconnect();
    this.localStream?.getTracks().forEach((t) => t.stop());
    this.publish();
    this.store.forgetListeners();
  }

  private onDisconnected(reason: DisconnectReason | undefined): void {
    if (this.disposed) return;
    this.stop(closeReasonFor(reason, { removed: DisconnectReason.PARTICIPANT_REMOVED, duplicateIdentity: DisconnectReason.DUPLICATE_IDENTITY }));
  }

  /** [LE2] livekit-client's E2EE: the key provider and its worker, which Vite bundles as its own file. */
  private encryption() {
    if (!isE2EESupported()) throw new Error('This browser cannot encrypt media end to end; please use a recent Chrome, Edge, Firefox or Safari.');
    const worker = new Worker(new URL('livekit-client/e2ee-worker', import.meta.url));
    return { keyProvider: this.keyProvider, worker };
  }

  private stop(reason: MediaCloseReason): void {
    this.status = 'closed';
    this.closeReason = reason;
    this.publish();
  }

  private publish(): void {
    if (this.disposed && this.status !== 'closed') return;
    const local = this.room.localParticipant;
    const mic = local.getTrackPublication(Track.Source.Microphone);
    const camera = local.getTrackPublication(Track.Source.Camera);
    const participants = [...this.room.remoteParticipants.values()].map(view);
    const remotes = remoteMediaFor(participants, {
      listed: this.listed,
      // During an aside only the partner is heard.
      audioDisallowed: this.asideWith === null ? this.audioDisallowed : new Set(participants.map((p) => p.identity).filter((id) => id !== this.asideWith)),
      reconnecting: this.room.state === ConnectionState.Reconnecting,
      streamFor: (identity) => this.streamFor(identity),
    });
    for (const identity of [...this.streams.keys()]) if (!this.room.remoteParticipants.has(identity)) this.streams.delete(identity);
    const aside = this.asideWith === null ? null : (remotes.find((r) => r.participantId === this.asideWith) ?? null);
    this.store.update({
      status: this.status,
      local: { stream: this.localView(mic, camera), audio: isOn(mic), video: isOn(camera), speaking: isOn(mic) && local.isSpeaking },
      remotes,
      ...(this.closeReason ? { closeReason: this.closeReason } : {}),
      aside,
      encrypted: this.room.isE2EEEnabled,
    });
  }

  private streamFor(identity: string): MediaStream {
    let stream = this.streams.get(identity);
    if (!stream) {
      stream = new MediaStream();
      this.streams.set(identity, stream);
    }
    return stream;
  }

  /** The self-view: the camera track being published (livekit-client may replace it when it restarts). */
  private localView(mic: LocalTrackPublication | undefined, camera: LocalTrackPublication | undefined): MediaStream | null {
    const tracks = [mic?.track?.mediaStreamTrack, camera?.track?.mediaStreamTrack].filter((t): t is MediaStreamTrack => t !== undefined);
    const current = this.localStream;
    if (current && tracks.length === current.getTracks().length && tracks.every((t) => current.getTracks().includes(t))) return current;
    if (tracks.length === 0) return current;
    this.localStream = new MediaStream(tracks);
    return this.localStream;
  }
}

/** The session's key as sent (base64 of 32 random bytes) back to bytes. */
function keyBytes(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

function isOn(publication: LocalTrackPublication | undefined): boolean {
  return publication !== undefined && publication.track !== undefined && !publication.isMuted;
}

function view(participant: RemoteParticipant): RemoteParticipantView {
  return {
    identity: participant.identity,
    isSpeaking: participant.isSpeaking,
    publications: [...participant.trackPublications.values()].map((p) => ({
      kind: p.kind === Track.Kind.Audio ? ('audio' as const) : ('video' as const),
      track: p.track?.mediaStreamTrack,
      muted: p.isMuted,
    })),
  };
}

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
 * - [LR16] During a pull-aside the server has taken this client's publishing in the session room away
 *   (the SFU enforces it); the two talk in a room of their own (livekit-aside-room.ts) and no group
 *   audio is played. On return the server gives publishing back, and this client publishes again what
 *   the person had on (`wanted`), never more.
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
  ParticipantEvent,
  Room,
  RoomEvent,
  Track,
  type LocalTrackPublication,
  type Participant,
  type RemoteParticipant,
  type TrackPublication,
} from 'livekit-client';
import type { AsideMedia, LiveKitMediaAccess } from '@hearth/shared';
import type { MediaCloseReason, MediaConnection, MediaSnapshot } from '../media-connection.js';
import { SnapshotStore } from '../mesh/snapshot.js';
import { AsideRoom } from './livekit-aside-room.js';
import { sessionEncryption, type SessionKey } from './livekit-e2ee.js';
import { closeReasonFor, remoteMediaFor, type RemoteParticipantView } from './livekit-snapshot.js';

/** How long a return from a pull-aside waits for the SFU to give publishing back before giving up. */
const REPUBLISH_WAIT_MS = 10_000;

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
  private readonly key: SessionKey | null;
  private readonly room: Room;
  private listed = new Set<string>();
  private readonly audioDisallowed = new Set<string>();
  private readonly streams = new Map<string, MediaStream>();
  private localStream: MediaStream | null = null;
  private aside: AsideRoom | null = null;
  /** What the person has on, by their own choice (or a facilitator's mute): what an aside and a return publish. */
  private readonly wanted = { audio: false, video: false };
  private readonly devices: { audio?: string; video?: string } = {};
  private e2eeKey: string | undefined;
  private disposed = false;

  constructor(
    private readonly access: LiveKitMediaAccess,
    private readonly selfId: string,
  ) {
    this.e2eeKey = access.e2eeKey;
    this.key = access.e2eeKey ? sessionEncryption() : null;
    this.room = new Room({ adaptiveStream: true, dynacast: true, ...(this.key ? { encryption: this.key.options } : {}) });
    for (const event of ROOM_EVENTS) this.room.on(event, () => this.publish());
    this.room.on(RoomEvent.Disconnected, (reason?: DisconnectReason) => this.onDisconnected(reason));
    // A facilitator's mute (the SFU mutes the track) is the person's state from then on, as their own is.
    this.room.on(RoomEvent.TrackMuted, (publication, participant) => this.noteMuted(publication, participant, true));
    this.room.on(RoomEvent.TrackUnmuted, (publication, participant) => this.noteMuted(publication, participant, false));
  }

  async connect(localStream: MediaStream, initial: { audio: boolean; video: boolean }): Promise<void> {
    if (this.status !== 'idle') throw new Error('connect() may be called once per connection');
    this.status = 'connecting';
    this.localStream = localStream;
    this.publish();
    try {
      if (this.key && this.e2eeKey) {
        // Set before connecting so the first frame out is already encrypted.
        await this.key.use(this.e2eeKey);
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
    this.wanted.audio = initial.audio;
    this.wanted.video = initial.video;
    for (const track of localStream.getTracks()) {
      const source = track.kind === 'audio' ? Track.Source.Microphone : Track.Source.Camera;
      const deviceId = track.getSettings().deviceId;
      if (deviceId) this.devices[track.kind === 'audio' ? 'audio' : 'video'] = deviceId;
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
    this.wanted.audio = enabled;
    // During an aside the session room may not take it (the SFU says so); the aside's room does.
    if (this.aside) await this.aside.setMicrophoneEnabled(enabled, this.devices.audio);
    else await this.room.localParticipant.setMicrophoneEnabled(enabled);
    this.publish();
  }

  async setCameraEnabled(enabled: boolean): Promise<void> {
    this.wanted.video = enabled;
    if (this.aside) await this.aside.setCameraEnabled(enabled, this.devices.video);
    else await this.room.localParticipant.setCameraEnabled(enabled);
    this.publish();
  }

  setRemoteAudioAllowed(participantId: string, allowed: boolean): void {
    if (allowed) this.audioDisallowed.delete(participantId);
    else this.audioDisallowed.add(participantId);
    this.publish();
  }

  startAside(participantId: string, media?: AsideMedia): void {
    if (this.disposed || participantId === this.selfId || this.aside?.partnerId === participantId) return;
    // The server sends the aside's room with every aside in LiveKit mode; without it there is nowhere to go.
    if (!media) return console.warn('A private conversation started without its media room');
    this.aside?.leave();
    const aside = new AsideRoom(media, participantId, this.e2eeKey, () => this.publish());
    this.aside = aside;
    aside.join({ ...this.wanted }, this.devices).catch((error: unknown) => console.warn('Could not join the private conversation', error));
    this.publish();
  }

  setMediaKey(e2eeKey: string): void {
    if (!this.key || this.disposed) return;
    this.e2eeKey = e2eeKey;
    void this.key.use(e2eeKey);
    void this.aside?.setKey(e2eeKey);
  }

  endAside(): void {
    const aside = this.aside;
    if (!aside) return;
    this.aside = null;
    aside.leave();
    if (!this.disposed) void this.republish();
    this.publish();
  }

  /** [MD1] Back from an aside: once the SFU allows it again, what the person had on, and nothing else. */
  private async republish(): Promise<void> {
    if (!(await this.mayPublish())) return console.warn('Publishing was not given back after the private conversation');
    if (this.aside || this.disposed) return;
    const local = this.room.localParticipant;
    try {
      if (this.wanted.audio) await local.setMicrophoneEnabled(true, this.devices.audio ? { deviceId: this.devices.audio } : undefined);
    } catch (error) {
      // [FL5] Under floor control a member without the floor may publish the camera only.
      console.warn('Could not publish the microphone again', error);
    }
    if (this.wanted.video) await local.setCameraEnabled(true, this.devices.video ? { deviceId: this.devices.video } : undefined);
    this.publish();
  }

  private mayPublish(): Promise<boolean> {
    const local = this.room.localParticipant;
    if (local.permissions?.canPublish) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (allowed: boolean) => {
        clearTimeout(timer);
        local.off(ParticipantEvent.ParticipantPermissionsChanged, changed);
        resolve(allowed);
      };
      const changed = () => {
        if (local.permissions?.canPublish) done(true);
      };
      const timer = setTimeout(() => done(false), REPUBLISH_WAIT_MS);
      local.on(ParticipantEvent.ParticipantPermissionsChanged, changed);
    });
  }

  private noteMuted(publication: TrackPublication, participant: Participant, muted: boolean): void {
    if (participant !== this.room.localParticipant || this.aside) return;
    if (publication.source === Track.Source.Microphone) this.wanted.audio = !muted;
    if (publication.source === Track.Source.Camera) this.wanted.video = !muted;
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
    this.aside?.leave();
    this.aside = null;
    void this.room.disconnect();
    this.localStream?.getTracks().forEach((t) => t.stop());
    this.publish();
    this.store.forgetListeners();
  }

  private onDisconnected(reason: DisconnectReason | undefined): void {
    if (this.disposed) return;
    this.stop(closeReasonFor(reason, { removed: DisconnectReason.PARTICIPANT_REMOVED, duplicateIdentity: DisconnectReason.DUPLICATE_IDENTITY }));
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
      // During an aside none of the group is heard.
      audioDisallowed: this.aside ? new Set(participants.map((p) => p.identity)) : this.audioDisallowed,
      reconnecting: this.room.state === ConnectionState.Reconnecting,
      streamFor: (identity) => this.streamFor(identity),
    });
    for (const identity of [...this.streams.keys()]) if (!this.room.remoteParticipants.has(identity)) this.streams.delete(identity);
    const aside = this.asideView();
    // During an aside what the person sends goes to the aside's room; what they chose is what they see.
    const audio = this.aside ? this.wanted.audio : isOn(mic);
    const video = this.aside ? this.wanted.video : isOn(camera);
    const stream = this.aside ? this.asideSelfView() : this.localView(mic, camera);
    this.store.update({
      status: this.status,
      local: { stream, audio, video, speaking: audio && (this.aside ? this.aside.room.localParticipant.isSpeaking : local.isSpeaking) },
      remotes,
      ...(this.closeReason ? { closeReason: this.closeReason } : {}),
      aside,
      encrypted: this.room.isE2EEEnabled,
    });
  }

  /** The partner as the aside's room delivers them (a stream of its own, apart from the group's tile). */
  private asideView() {
    const aside = this.aside;
    const partner = aside?.partner();
    if (!aside || !partner) return null;
    const [remote] = remoteMediaFor([view(partner)], {
      listed: new Set([aside.partnerId]),
      audioDisallowed: new Set(),
      reconnecting: aside.room.state === ConnectionState.Reconnecting,
      streamFor: () => this.asideStream,
    });
    return remote ?? null;
  }

  private readonly asideStream = new MediaStream();
  private asideSelf: MediaStream | null = null;

  private asideSelfView(): MediaStream | null {
    const tracks = this.aside?.localTracks() ?? [];
    const current = this.asideSelf;
    if (current && tracks.length === current.getTracks().length && tracks.every((t) => current.getTracks().includes(t))) return current;
    this.asideSelf = tracks.length > 0 ? new MediaStream(tracks) : null;
    return this.asideSelf;
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

/**
 * [LR16] A pull-aside in LiveKit mode: a second livekit-client Room, joined with the token the server
 * sent in `aside:started`, where the two publish to each other alone. The server has already taken
 * their publishing in the session room away (the SFU enforces it), so nothing here decides who hears
 * whom: it only carries this person's microphone and camera to the aside's room while it lasts.
 * Invariants: it publishes only what this person had on (`wanted`), so an aside never turns a device on;
 * after leave() nothing of it captures, sends or receives.
 */
import { Room, RoomEvent, Track, type RemoteParticipant } from 'livekit-client';
import type { AsideMedia } from '@hearth/shared';
import { sessionEncryption, type SessionKey } from './livekit-e2ee.js';

const EVENTS = [
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.TrackSubscribed,
  RoomEvent.TrackUnsubscribed,
  RoomEvent.TrackMuted,
  RoomEvent.TrackUnmuted,
  RoomEvent.LocalTrackPublished,
  RoomEvent.LocalTrackUnpublished,
  RoomEvent.ActiveSpeakersChanged,
  RoomEvent.Disconnected,
] as const;

export class AsideRoom {
  readonly room: Room;
  private readonly key: SessionKey | null;
  private left = false;

  constructor(
    private readonly media: AsideMedia,
    readonly partnerId: string,
    e2eeKey: string | undefined,
    onChange: () => void,
  ) {
    this.key = e2eeKey ? sessionEncryption() : null;
    this.room = new Room({ adaptiveStream: true, dynacast: true, ...(this.key ? { encryption: this.key.options } : {}) });
    for (const event of EVENTS) this.room.on(event, onChange);
    this.e2eeKey = e2eeKey;
  }

  private readonly e2eeKey: string | undefined;

  /** Joins the aside's room and publishes what this person had on, from the same devices. */
  async join(wanted: { audio: boolean; video: boolean }, devices: { audio?: string; video?: string }): Promise<void> {
    if (this.key && this.e2eeKey) {
      await this.key.use(this.e2eeKey);
      await this.room.setE2EEEnabled(true);
    }
    await this.room.connect(this.media.url, this.media.token);
    if (this.left) return void this.room.disconnect();
    if (wanted.audio) await this.setMicrophoneEnabled(true, devices.audio);
    if (wanted.video) await this.setCameraEnabled(true, devices.video);
  }

  async setMicrophoneEnabled(enabled: boolean, deviceId?: string): Promise<void> {
    if (this.left) return;
    await this.room.localParticipant.setMicrophoneEnabled(enabled, deviceId ? { deviceId } : undefined);
  }

  async setCameraEnabled(enabled: boolean, deviceId?: string): Promise<void> {
    if (this.left) return;
    await this.room.localParticipant.setCameraEnabled(enabled, deviceId ? { deviceId } : undefined);
  }

  /** [LE4] The session's new key, as the session room gets it. */
  async setKey(e2eeKey: string): Promise<void> {
    if (this.key) await this.key.use(e2eeKey);
  }

  /** The other person, once they are in the aside's room. */
  partner(): RemoteParticipant | undefined {
    return this.room.remoteParticipants.get(this.partnerId);
  }

  localTracks(): MediaStreamTrack[] {
    const local = this.room.localParticipant;
    return [Track.Source.Microphone, Track.Source.Camera].flatMap((source) => {
      const publication = local.getTrackPublication(source);
      return publication?.track && !publication.isMuted ? [publication.track.mediaStreamTrack] : [];
    });
  }

  /** Disconnects and stops what it captured (livekit-client stops local tracks on disconnect). */
  leave(): void {
    if (this.left) return;
    this.left = true;
    void this.room.disconnect();
  }
}

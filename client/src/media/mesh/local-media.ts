/**
 * This client's own microphone and camera while in the room.
 *
 * - Microphone off keeps the track (unmuting is instant) but disables it; the caller also detaches it
 *   from every sender so no audio packets leave the machine.
 * - Camera off stops the track so the camera light goes out; camera on asks for the same device again.
 * - `stream` is a new MediaStream whenever the set of local tracks changes, so a self-view that keys
 *   on it re-attaches; the stream handed to us by the pre-join screen is never mutated.
 */
export class LocalMedia {
  private audio: MediaStreamTrack | null;
  private video: MediaStreamTrack | null;
  private audioConstraints: MediaTrackConstraints = {};
  private videoConstraints: MediaTrackConstraints = {};
  private stopped = false;
  audioOn: boolean;
  videoOn: boolean;
  stream: MediaStream;

  constructor(initialStream: MediaStream, initial: { audio: boolean; video: boolean }) {
    this.audio = initialStream.getAudioTracks()[0] ?? null;
    this.video = initialStream.getVideoTracks()[0] ?? null;
    if (this.audio) this.audioConstraints = rememberDevice(this.audio);
    if (this.video) this.videoConstraints = rememberDevice(this.video);
    // Report what is really on: asking for audio without a microphone track sends nothing.
    this.audioOn = initial.audio && this.audio !== null;
    this.videoOn = initial.video && this.video !== null;
    if (this.audio) this.audio.enabled = this.audioOn;
    if (this.video && !this.videoOn) this.releaseCamera();
    this.stream = this.buildStream();
  }

  /** The track peers should send for `kind` now (null while that device is off). */
  sending(kind: 'audio' | 'video'): MediaStreamTrack | null {
    return kind === 'audio' ? (this.audioOn ? this.audio : null) : this.videoOn ? this.video : null;
  }

  /** The microphone track (also while muted) for level metering; null if there is none. */
  get microphone(): MediaStreamTrack | null {
    return this.audio;
  }

  async setMicrophone(enabled: boolean): Promise<void> {
    if (enabled && !this.audio) {
      const track = await acquire('audio', this.audioConstraints);
      if (this.stopped) return track.stop();
      this.audio = track;
      this.audioConstraints = rememberDevice(track);
      this.stream = this.buildStream();
    }
    this.audioOn = enabled;
    if (this.audio) this.audio.enabled = enabled;
  }

  async setCamera(enabled: boolean): Promise<void> {
    if (!enabled) {
      this.videoOn = false;
      this.releaseCamera();
      this.stream = this.buildStream();
      return;
    }
    if (this.videoOn && this.video) return;
    const track = await acquire('video', this.videoConstraints);
    if (this.stopped) return track.stop();
    this.video = track;
    this.videoConstraints = rememberDevice(track);
    this.videoOn = true;
    this.stream = this.buildStream();
  }

  stop(): void {
    this.stopped = true;
    this.audio?.stop();
    this.video?.stop();
    this.audioOn = false;
    this.videoOn = false;
  }

  private releaseCamera(): void {
    this.video?.stop();
    this.video = null;
  }

  private buildStream(): MediaStream {
    return new MediaStream([this.audio, this.video].filter((t): t is MediaStreamTrack => t !== null));
  }
}

/** The constraints a track was opened with, pinned to the device it actually got. */
function rememberDevice(track: MediaStreamTrack): MediaTrackConstraints {
  const { deviceId } = track.getSettings();
  const constraints = { ...track.getConstraints() };
  if (deviceId) constraints.deviceId = { exact: deviceId };
  return constraints;
}

/**
 * Opens the device used before. If it is gone (unplugged), falls back to any device of that kind
 * rather than leaving the person without a camera; other failures (permission) go to the caller.
 */
async function acquire(kind: 'audio' | 'video', constraints: MediaTrackConstraints): Promise<MediaStreamTrack> {
  const open = async (c: MediaTrackConstraints | true) => {
    const stream = await navigator.mediaDevices.getUserMedia({ [kind]: c });
    const track = stream.getTracks()[0];
    if (!track) throw new Error(`getUserMedia returned no ${kind} track`);
    return track;
  };
  try {
    return await open(Object.keys(constraints).length > 0 ? constraints : true);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const gone = name === 'OverconstrainedError' || name === 'NotFoundError';
    if (!gone || constraints.deviceId === undefined) throw error;
    const anyDevice = { ...constraints };
    delete anyDevice.deviceId;
    return open(Object.keys(anyDevice).length > 0 ? anyDevice : true);
  }
}

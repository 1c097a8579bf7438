// A lightweight participant for bench:livekit: joins Hearth as a member over its socket (so Hearth admits,
// counts and authorises it like anyone else), takes the LiveKit token Hearth hands out, and publishes
// synthetic camera and microphone frames with @livekit/rtc-node (LiveKit's native WebRTC client, no browser).
// What it costs is far less than a Chromium, which is the point: the rest of a large room, on 2 cores.
import {
  AudioFrame,
  AudioSource,
  LocalAudioTrack,
  LocalVideoTrack,
  Room,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoFrame,
  VideoSource,
} from '@livekit/rtc-node';
import { memberCredential, type HearthEndpoint, type LiveSession } from '../../support/api.js';
import { connectParticipant, joinAnyMode, type TestClient } from '../../support/sockets.js';

export interface VideoShape {
  width: number;
  height: number;
  fps: number;
}

export interface Publisher {
  identity: string;
  stop(): Promise<void>;
}

const AUDIO_RATE = 48_000;
const AUDIO_CHUNK_MS = 100;

/** A few I420 frames of a moving bar, cycled: the encoder sees motion, the bench allocates nothing per frame. */
function frames({ width, height }: VideoShape): Uint8Array[] {
  return Array.from({ length: 8 }, (_, n) => {
    const data = new Uint8Array(width * height * 1.5).fill(128);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = ((x + n * 8) % width) < width / 4 ? 235 : 40;
    return data;
  });
}

export async function startPublisher(hearth: HearthEndpoint, live: LiveSession, name: string, video: VideoShape): Promise<Publisher> {
  const credential = await memberCredential(hearth, live, name);
  const socket: TestClient = await connectParticipant(hearth.url, credential.token);
  const joined = await joinAnyMode(socket);
  if (joined.media.mode !== 'livekit') throw new Error(`Hearth is not in LiveKit mode (it said ${joined.media.mode})`);
  const room = new Room();
  // Publishes only: a real member would also receive, but 50 native subscribers would measure this machine.
  try {
    await room.connect(joined.media.url, joined.media.token, { autoSubscribe: false, dynacast: true });
  } catch (error) {
    socket.close();
    throw error;
  }
  const local = room.localParticipant;
  if (!local) throw new Error('rtc-node connected without a local participant');

  const videoSource = new VideoSource(video.width, video.height);
  await local.publishTrack(LocalVideoTrack.createVideoTrack('camera', videoSource), new TrackPublishOptions({ source: TrackSource.SOURCE_CAMERA, simulcast: false }));
  const audioSource = new AudioSource(AUDIO_RATE, 1);
  await local.publishTrack(LocalAudioTrack.createAudioTrack('microphone', audioSource), new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }));

  const cycle = frames(video);
  let n = 0;
  const videoTimer = setInterval(() => {
    videoSource.captureFrame(new VideoFrame(cycle[n++ % cycle.length] as Uint8Array, video.width, video.height, VideoBufferType.I420));
  }, 1000 / video.fps);
  // A quiet 220 Hz tone: audio that flows, without anyone "speaking" loud enough to matter.
  const samples = (AUDIO_RATE * AUDIO_CHUNK_MS) / 1000;
  const tone = Int16Array.from({ length: samples }, (_, i) => Math.round(300 * Math.sin((2 * Math.PI * 220 * i) / AUDIO_RATE)));
  const audioTimer = setInterval(() => void audioSource.captureFrame(new AudioFrame(tone, AUDIO_RATE, 1, samples)).catch(() => undefined), AUDIO_CHUNK_MS);

  return {
    identity: local.identity,
    async stop() {
      clearInterval(videoTimer);
      clearInterval(audioTimer);
      await room.disconnect().catch(() => undefined);
      socket.close();
    },
  };
}

/**
 * The level of this person's own microphone, for talk-time measurement. Reads the local track
 * through its own AnalyserNode, so it works the same whatever carries the media (mesh or LiveKit)
 * and does not depend on the tiles' speaking monitor.
 */
import { rmsLevel } from './speaking-detector.js';
import { keepAudioRunning } from './resume-audio.js';

/**
 * The analyser keeps the last ~170 ms (at 48 kHz); each read measures the sound since the previous read
 * (at least ~43 ms), so a late timer on a busy machine still hears everything in between.
 */
const FFT_SIZE = 8192;
const MIN_WINDOW = 2048;

export interface MicrophoneLevel {
  rms: number;
  /** The stretch of sound measured, ending now. */
  spanMs: number;
}

export class MicrophoneMeter {
  private context: AudioContext | null = null;
  private track: MediaStreamTrack | null = null;
  private source: MediaStreamAudioSourceNode | null = null;
  private analyser: AnalyserNode | null = null;
  private readonly samples = new Float32Array(FFT_SIZE);
  private lastReadAt: number | null = null;
  private heard = false;
  private stopResuming: () => void = () => undefined;

  /** Measures `track` from now on (null: nothing to measure). */
  use(track: MediaStreamTrack | null): void {
    if (track === this.track) return;
    this.source?.disconnect();
    this.source = null;
    this.track = track;
    this.heard = false;
    if (!track) return;
    const context = this.ensureContext();
    this.source = context.createMediaStreamSource(new MediaStream([track]));
    this.analyser ??= Object.assign(context.createAnalyser(), { fftSize: FFT_SIZE });
    this.source.connect(this.analyser); // not to the destination: we only measure
  }

  /**
   * The RMS level (0..1) of the sound since the previous read and how long a stretch it covers (ms),
   * or null when the microphone is not live: no track, disabled (muted), ended, or the audio context
   * not running (nothing can be heard, so nothing is credited).
   */
  level(): MicrophoneLevel | null {
    const { track, analyser, context } = this;
    if (!track || !analyser || !context || !track.enabled || track.readyState !== 'live' || context.state !== 'running') return null;
    analyser.getFloatTimeDomainData(this.samples);
    // Until sound first arrives the analyser holds zeros: that is not a quiet room, it is nothing yet.
    if (!this.heard) {
      if (!this.samples.some((sample) => sample !== 0)) return null;
      this.heard = true;
    }
    const now = performance.now();
    const elapsed = this.lastReadAt === null ? 0 : (now - this.lastReadAt) / 1000;
    this.lastReadAt = now;
    const window = Math.min(FFT_SIZE, Math.max(MIN_WINDOW, Math.round(elapsed * context.sampleRate)));
    return { rms: rmsLevel(this.samples.subarray(FFT_SIZE - window)), spanMs: (window / context.sampleRate) * 1000 };
  }

  close(): void {
    this.source?.disconnect();
    this.source = null;
    this.track = null;
    this.stopResuming();
    void this.context?.close().catch(() => undefined);
    this.context = null;
    this.analyser = null;
  }

  private ensureContext(): AudioContext {
    if (this.context) return this.context;
    const context = new AudioContext();
    this.context = context;
    this.stopResuming = keepAudioRunning(context);
    return context;
  }
}

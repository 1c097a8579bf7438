import { defaultSpeakingOptions, nextSpeakingState, notSpeaking, rmsLevel } from './speaking-detector.js';
import type { SpeakingOptions, SpeakingState } from './speaking-detector.js';
import { keepAudioRunning } from './resume-audio.js';

/**
 * Measures audio levels of several tracks with ONE AudioContext (browsers limit how many a page may
 * have) and reports when someone starts or stops speaking. Polls at ~10 Hz on a timer rather than
 * per animation frame: speaking indicators need no more, and it keeps working at low cost.
 *
 * A remote track only carries sound into Web Audio while its stream is also attached to a media
 * element (Chromium); the room UI attaches every remote stream to an <audio> element.
 */

const POLL_INTERVAL_MS = 100;
/** ~43 ms at 48 kHz: long enough to smooth out single peaks, short enough to follow speech. */
const FFT_SIZE = 2048;

interface Watched {
  track: MediaStreamTrack;
  source: MediaStreamAudioSourceNode;
  analyser: AnalyserNode;
  state: SpeakingState;
}

export class SpeakingMonitor {
  private context: AudioContext | null = null;
  private readonly watched = new Map<string, Watched>();
  private readonly samples = new Float32Array(FFT_SIZE);
  private timer: ReturnType<typeof setInterval> | null = null;
  private closed = false;
  private stopResuming: () => void = () => undefined;

  constructor(
    private readonly onChange: (key: string, speaking: boolean) => void,
    private readonly options: SpeakingOptions = defaultSpeakingOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Follows `track` under `key` (replacing what was followed there); null stops following. */
  watch(key: string, track: MediaStreamTrack | null): void {
    const current = this.watched.get(key);
    if (current?.track === track) return;
    if (current) this.unwatch(key);
    if (!track || this.closed) return;

    const context = this.ensureContext();
    // A stream of just this track: createMediaStreamSource binds to the stream's first audio track.
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = FFT_SIZE;
    source.connect(analyser); // not to the destination: we measure, the <audio> element plays
    this.watched.set(key, { track, source, analyser, state: notSpeaking });
    this.timer ??= setInterval(() => this.poll(), POLL_INTERVAL_MS);
  }

  unwatch(key: string): void {
    const entry = this.watched.get(key);
    if (!entry) return;
    this.watched.delete(key);
    entry.source.disconnect();
    if (entry.state.speaking) this.onChange(key, false);
    if (this.watched.size === 0 && this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  isSpeaking(key: string): boolean {
    return this.watched.get(key)?.state.speaking ?? false;
  }

  close(): void {
    if (this.closed) return;
    for (const key of [...this.watched.keys()]) this.unwatch(key);
    this.closed = true;
    this.stopResuming();
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }

  private poll(): void {
    const now = this.now();
    for (const [key, entry] of this.watched) {
      // A disabled or ended track is silent by definition; skip reading the analyser.
      let level = 0;
      if (entry.track.enabled && entry.track.readyState === 'live') {
        entry.analyser.getFloatTimeDomainData(this.samples);
        level = rmsLevel(this.samples);
      }
      const next = nextSpeakingState(entry.state, level, now, this.options);
      if (next === entry.state) continue;
      const changed = next.speaking !== entry.state.speaking;
      entry.state = next;
      if (changed) this.onChange(key, next.speaking);
    }
  }

  private ensureContext(): AudioContext {
    if (this.context) return this.context;
    const context = new AudioContext();
    this.context = context;
    this.stopResuming = keepAudioRunning(context);
    return context;
  }
}

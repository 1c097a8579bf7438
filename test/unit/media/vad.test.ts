// The talk-time voice-activity detector (client/src/media/speaking/voice-activity.ts) on synthetic level
// series polled every 50 ms, as the reporter does. Levels are in dBFS; a seeded jitter makes noise and speech
// fluctuate like the real thing (pink noise at sox `vol 0.05` measures -39.5 dBFS +-3 dB per 43 ms window).
import { describe, expect, it, test } from 'vitest';
import {
  defaultVadOptions,
  hearLevel,
  initialVadState,
  isSpeaking,
  microphoneOff,
  splitOpen,
  thresholds,
  toDb,
  type SpeechInterval,
  type VadState,
} from '../../../client/src/media/speaking/voice-activity.js';

const POLL = 50;
const NOISE_DB = -39.5;
const SPEECH_DB = -24;

/**
 * A stretch of the series: its length, a level (dBFS, or null for microphone off), how much it wobbles, and
 * for speech the level of the short pause (100 ms) that ends each second, as between words.
 */
interface Stretch {
  ms: number;
  db: number | null;
  jitterDb?: number;
  pauseDb?: number;
}

const noise = (ms: number): Stretch => ({ ms, db: NOISE_DB, jitterDb: 3 });
const silence = (ms: number): Stretch => ({ ms, db: -100 });
/** Speech whose pauses between words fall to the background (noise by default, or -100 dB for silence). */
const speech = (ms: number, pauseDb = NOISE_DB, db = SPEECH_DB): Stretch => ({ ms, db, jitterDb: 6, pauseDb });
const speechInSilence = (ms: number) => speech(ms, -100);
const off = (ms: number): Stretch => ({ ms, db: null });

/** Deterministic pseudo-random numbers in [0, 1), so a failing case fails the same way every time. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const fromDb = (db: number) => 10 ** (db / 20);

/** Runs the detector over the stretches; returns the finished intervals, the last state and the sample times. */
function detect(stretches: readonly Stretch[], start: VadState = initialVadState) {
  const random = seeded(7);
  let state = start;
  const intervals: SpeechInterval[] = [];
  // Carry on the clock of the state we start from.
  let t = start.lastAt === null ? 0 : start.lastAt + POLL;
  for (const stretch of stretches) {
    const begin = t;
    for (const end = t + stretch.ms; t < end; t += POLL) {
      const pausing = stretch.pauseDb !== undefined && (t - begin) % 1_000 >= 900 && end - t > POLL;
      const db = pausing ? stretch.pauseDb : stretch.db;
      const step =
        db === null || db === undefined
          ? microphoneOff(state)
          : hearLevel(state, fromDb(db + (random() * 2 - 1) * (stretch.jitterDb ?? 0)), t);
      state = step.state;
      if (step.finished) intervals.push(step.finished);
    }
  }
  return { intervals, state, endedAt: t };
}

const total = (intervals: readonly SpeechInterval[]) => intervals.reduce((sum, i) => sum + i.end - i.start, 0);

describe('voice activity: noise floor [VAD1]', () => {
  it('[VAD1] steady background noise is never speech', () => {
    const { intervals, state } = detect([noise(60_000)]);
    expect(intervals).toEqual([]);
    expect(isSpeaking(state)).toBe(false);
    // The floor settles in the noise's quieter moments, so its peaks stay well under the onset threshold.
    expect(state.floorDb).toBeGreaterThan(NOISE_DB - 4);
    expect(state.floorDb).toBeLessThan(NOISE_DB);
  });

  it('[VAD1] the floor falls quickly to a quieter room and rises slowly to a louder one', () => {
    const quiet = detect([noise(5_000), silence(500)]).state.floorDb ?? 0;
    expect(quiet).toBeLessThan(NOISE_DB - 14); // 30 dB/s: half a second of silence
    const louder = detect([silence(5_000), { ms: 1_000, db: -60 }]).state.floorDb ?? 0;
    expect(louder).toBeCloseTo(-100 + defaultVadOptions.floorRiseDbPerS * 0.95, 0); // 1.5 dB/s
  });

  it('[VAD1] a noise that starts later becomes the floor within seconds, and is then not speech', () => {
    // A fan switched on in a quiet room counts at first; it never pauses, so after 4 s the floor rises fast to meet it.
    const { intervals, state } = detect([silence(3_000), noise(60_000)]);
    expect(intervals.length).toBeLessThanOrEqual(1);
    expect(total(intervals)).toBeLessThan(12_000);
    expect(isSpeaking(state)).toBe(false);
    const after = detect([noise(20_000)], state);
    expect(after.intervals).toEqual([]);
  });

  it('[VAD1] for the first second only the floor is learnt: a burst as measuring starts is not speech', () => {
    const { intervals, state } = detect([noise(200), { ms: 400, db: -25 }, noise(5_000)]);
    expect(intervals).toEqual([]);
    expect(isSpeaking(state)).toBe(false);
  });

  it('[VAD1] a quiet first read does not pin the floor below the room\'s noise', () => {
    const { intervals, state } = detect([{ ms: 50, db: -90 }, noise(10_000)]);
    expect(intervals).toEqual([]);
    expect(state.floorDb).toBeGreaterThan(NOISE_DB - 4);
  });

  test.each([
    { rms: 1, db: 0 },
    { rms: 0.1, db: -20 },
    { rms: 0, db: -100 },
    { rms: 1e-9, db: -100 },
  ])('toDb($rms) = $db', ({ rms, db }) => {
    expect(toDb(rms)).toBeCloseTo(db, 6);
  });
});

describe('voice activity: onset and offset [VAD2] [VAD3] [VAD4]', () => {
  it('[VAD1] a long stretch of speech is not taken for a steady noise: its pauses keep the floor down', () => {
    const { intervals } = detect([noise(3_000), speech(30_000), noise(3_000)]);
    expect(intervals).toHaveLength(1);
    expect(total(intervals)).toBeGreaterThan(30_000 - 2 * POLL);
  });

  it('[VAD2] speech over steady noise counts, with its edges where the speech was', () => {
    const { intervals } = detect([noise(3_000), speech(6_000), noise(3_000)]);
    expect(intervals).toHaveLength(1);
    const [interval] = intervals;
    expect(Math.abs((interval?.start ?? 0) - 3_000)).toBeLessThanOrEqual(POLL);
    expect(Math.abs((interval?.end ?? 0) - 9_000)).toBeLessThanOrEqual(POLL);
  });

  it('[VAD2] speech over silence counts the same way', () => {
    const { intervals } = detect([silence(2_000), speechInSilence(4_000), silence(2_000)]);
    expect(intervals).toEqual([{ start: 2_000, end: 5_950 }]);
  });

  test.each([
    { case: 'a click (50 ms)', ms: 50 },
    { case: 'a knock (100 ms, the onset time is not yet over)', ms: 100 },
  ])('[VAD2] $case is not speech', ({ ms }) => {
    const { intervals, state } = detect([silence(2_000), { ms, db: -20 }, silence(2_000)]);
    expect(intervals).toEqual([]);
    expect(isSpeaking(state)).toBe(false);
  });

  it('[VAD2] a sound just over the offset threshold but never reaching onset is not speech', () => {
    const floor = detect([{ ms: 5_000, db: -45 }]).state;
    const [, offset] = thresholds(floor.floorDb ?? 0);
    const { intervals, state } = detect([{ ms: 3_000, db: offset + 1 }], floor);
    expect(intervals).toEqual([]);
    expect(isSpeaking(state)).toBe(false);
  });

  it('[VAD2] nothing quieter than the absolute minimum is speech, however quiet the room', () => {
    const { intervals, state } = detect([silence(2_000), { ms: 3_000, db: defaultVadOptions.minLevelDb - 2 }]);
    expect(intervals).toEqual([]);
    expect(isSpeaking(state)).toBe(false);
  });

  it('[VAD3] pauses between words shorter than the hangover are bridged', () => {
    const words = [speech(800), noise(300), speech(600), noise(450), speech(900)];
    const { intervals } = detect([noise(3_000), ...words, noise(3_000)]);
    expect(intervals).toHaveLength(1);
    expect(total(intervals)).toBeGreaterThan(3_050 - 2 * POLL);
  });

  it('[VAD3] a pause longer than the hangover ends the interval at the last voiced sample', () => {
    const { intervals } = detect([silence(1_000), speechInSilence(2_000), silence(1_500), speechInSilence(1_000), silence(1_000)]);
    expect(intervals).toEqual([
      { start: 1_000, end: 2_950 },
      { start: 4_500, end: 5_450 },
    ]);
  });

  it('[VAD3] still speaking during the hangover, not after', () => {
    const during = detect([silence(1_000), speechInSilence(1_000), silence(defaultVadOptions.hangoverMs - POLL)]);
    expect(isSpeaking(during.state)).toBe(true);
    const after = detect([silence(1_000), speechInSilence(1_000), silence(defaultVadOptions.hangoverMs + POLL)]);
    expect(isSpeaking(after.state)).toBe(false);
  });

  it('[VAD4] the interval starts at the first voiced sample, before the detector was sure', () => {
    const { state } = detect([silence(1_000), speechInSilence(defaultVadOptions.onsetMs + POLL)]);
    expect(state.openSince).toBe(1_000);
  });
});

describe('voice activity: microphone off [VAD5]', () => {
  it('[VAD5] turning the microphone off ends the open interval at the last sample heard', () => {
    const { intervals, state } = detect([silence(1_000), speechInSilence(2_000), off(3_000)]);
    expect(intervals).toEqual([{ start: 1_000, end: 2_950 }]);
    expect(isSpeaking(state)).toBe(false);
  });

  it('[VAD5] pressing "off" while speaking ends the interval at the press; during a pause, at the last voiced sample', () => {
    const speaking = detect([silence(1_000), speechInSilence(2_000)]).state; // last sample at 2950 ms, voiced
    expect(microphoneOff(speaking, 2_980).finished).toEqual({ start: 1_000, end: 2_980 });
    const pausing = detect([silence(1_000), speechInSilence(2_000), silence(200)]).state;
    expect(microphoneOff(pausing, 3_180).finished).toEqual({ start: 1_000, end: 2_950 });
  });

  it('[VAD5] a run not yet confirmed when the microphone goes off is dropped', () => {
    const { intervals } = detect([silence(1_000), speechInSilence(50), off(1_000), silence(1_000)]);
    expect(intervals).toEqual([]);
  });

  it('[VAD5] nothing is credited while off, and speech after turning back on counts from then', () => {
    const { intervals } = detect([silence(1_000), speechInSilence(1_000), off(2_000), speechInSilence(1_000), silence(1_000)]);
    expect(intervals).toEqual([
      { start: 1_000, end: 1_950 },
      { start: 4_000, end: 4_950 },
    ]);
  });

  it('[VAD5] the floor learnt before is kept: noise after unmuting is still not speech', () => {
    const { intervals } = detect([noise(5_000), off(2_000), noise(5_000)]);
    expect(intervals).toEqual([]);
  });
});

describe('voice activity: long speech', () => {
  it('splitOpen closes the open interval at its last voiced sample and carries on from there', () => {
    const { state } = detect([silence(1_000), speechInSilence(3_000)]);
    const step = splitOpen(state);
    expect(step.finished).toEqual({ start: 1_000, end: 3_950 });
    expect(step.state.openSince).toBe(3_950);
    expect(splitOpen(initialVadState).finished).toBeNull();
  });
});

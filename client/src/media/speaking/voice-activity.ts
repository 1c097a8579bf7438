/**
 * Pure voice-activity detection for talk-time measurement: from a series of microphone levels, each
 * with the time it was measured (the clock is passed in), decide which stretches were speech.
 *
 * It sits beside speaking-detector.ts (which lights tiles with a fixed threshold) because talk time
 * needs more: a background hum must never count, and the interval's edges must be placed where the
 * speech really began and ended, not where the detector became sure. Rules (docs/spec.md, VAD1..):
 * - [VAD1] Adaptive noise floor in dB: falls quickly to a quieter level, rises slowly, so a steady
 *   noise becomes the floor and speech, which dips between words, stays above it. A level that holds
 *   above the floor for seconds without a single dip is not speech: the floor then rises fast to meet it.
 * - [VAD2] Hysteresis in level: speech begins only when a run of samples above floor + offsetDb
 *   reaches floor + onsetDb and lasts onsetMs; nothing below minLevelDb is ever speech.
 * - [VAD3] Hangover: speech ends only after hangoverMs below floor + offsetDb, bridging the gaps
 *   between words; the interval then ends at the last voiced sample, not at the decision.
 * - [VAD4] An interval starts at the first voiced sample of the run that confirmed it.
 * - [VAD5] While the microphone is off nothing is credited: turning it off ends an open interval at
 *   the last voiced sample heard while it was on, and a run that had not yet confirmed is dropped.
 */

export interface VadOptions {
  /** Level above the floor that confirms speech (dB). */
  readonly onsetDb: number;
  /** Level above the floor that still counts as voice once speaking, and starts a run (dB). */
  readonly offsetDb: number;
  /** Nothing quieter than this is speech, however quiet the room (dBFS). */
  readonly minLevelDb: number;
  /** A run must last this long before it is speech (ms): clicks and knocks are shorter. */
  readonly onsetMs: number;
  /** Quiet must last this long before speech ends (ms): pauses between words are shorter. */
  readonly hangoverMs: number;
  /** How fast the floor follows a louder level (dB per second): slow, so speech does not become floor. */
  readonly floorRiseDbPerS: number;
  /** How fast the floor follows a quieter level (dB per second): fast, to find the gaps between words. */
  readonly floorFallDbPerS: number;
  /** A level that has stayed above the floor this long without a single dip is not speech (speech pauses)... */
  readonly steadyAfterMs: number;
  /** ...so the floor then rises this fast (dB per second) to meet it: a noise that starts later (a fan, a dishwasher). */
  readonly floorRiseSteadyDbPerS: number;
  /**
   * After the first level, only learn the floor for this long, letting it rise at `warmUpRiseDbPerS`:
   * the browser's noise suppression is still settling and a quiet first read must not set the floor for good.
   */
  readonly warmUpMs: number;
  readonly warmUpRiseDbPerS: number;
}

/**
 * Tuned on espeak-ng speech (~ -24 dBFS median per 43 ms window, word gaps up to ~300 ms) over
 * silence and over pink noise at sox `vol 0.05` (~ -39.5 dBFS, peaks 3 dB above that): the noise
 * never reaches floor + 9 dB, quiet syllables of speech over it stay above floor + 5 dB.
 */
export const defaultVadOptions: VadOptions = {
  onsetDb: 9,
  offsetDb: 5,
  minLevelDb: -50,
  onsetMs: 100,
  hangoverMs: 500,
  floorRiseDbPerS: 1.5,
  floorFallDbPerS: 30,
  steadyAfterMs: 4_000,
  floorRiseSteadyDbPerS: 10,
  warmUpMs: 1_000,
  warmUpRiseDbPerS: 60,
};

/** Digital silence (a muted or disabled track reads 0) is clamped to this level. */
export const SILENCE_DB = -100;

export interface SpeechInterval {
  readonly start: number;
  readonly end: number;
}

export interface VadState {
  /** Noise floor estimate (dBFS), null until the first level. */
  readonly floorDb: number | null;
  /** When the first level was heard (the warm-up runs from here), null before. */
  readonly startedAt: number | null;
  /** When the previous level was measured, null before the first (or after the microphone was off). */
  readonly lastAt: number | null;
  /** First sample of the current run above floor + offsetDb (speaking or not), null when the last sample was quiet. */
  readonly runStart: number | null;
  /** The current run reached floor + onsetDb at least once. */
  readonly runReachedOnset: boolean;
  /** Start of the open speech interval, null when not speaking. */
  readonly openSince: number | null;
  /** Last sample above floor + offsetDb (meaningful while speaking). */
  readonly lastVoicedAt: number | null;
}

export const initialVadState: VadState = {
  floorDb: null,
  startedAt: null,
  lastAt: null,
  runStart: null,
  runReachedOnset: false,
  openSince: null,
  lastVoicedAt: null,
};

export interface VadStep {
  readonly state: VadState;
  /** Set when this step finished an interval of speech. */
  readonly finished: SpeechInterval | null;
}

export function toDb(rms: number): number {
  return rms > 0 ? Math.max(SILENCE_DB, 20 * Math.log10(rms)) : SILENCE_DB;
}

export function isSpeaking(state: VadState): boolean {
  return state.openSince !== null;
}

/** The thresholds for the current floor: [onset, offset] in dBFS. */
export function thresholds(floorDb: number, options: VadOptions = defaultVadOptions): [number, number] {
  const gap = options.onsetDb - options.offsetDb;
  return [Math.max(floorDb + options.onsetDb, options.minLevelDb), Math.max(floorDb + options.offsetDb, options.minLevelDb - gap)];
}

/**
 * [VAD1] The floor moves toward `levelDb` at a rate that depends on the direction, never past it; it rises
 * faster while warming up and once a level has held above it for `steadyAfterMs` without a dip.
 */
function nextFloor(floorDb: number, levelDb: number, dtMs: number, riseDbPerS: number, options: VadOptions): number {
  const seconds = dtMs / 1000;
  if (levelDb < floorDb) return Math.max(levelDb, floorDb - options.floorFallDbPerS * seconds);
  return Math.min(levelDb, floorDb + riseDbPerS * seconds);
}

/** The state after hearing `rms` (0..1 of full scale) at time `now` (ms, monotonic) with the microphone on. */
export function hearLevel(state: VadState, rms: number, now: number, options: VadOptions = defaultVadOptions): VadStep {
  const levelDb = toDb(rms);
  // The first level only seeds the floor: there is nothing yet to compare it with.
  if (state.floorDb === null || state.startedAt === null) return { state: { ...state, floorDb: levelDb, startedAt: now, lastAt: now }, finished: null };

  const [onset, offset] = thresholds(state.floorDb, options);
  const voiced = levelDb >= offset;
  const runStart = voiced ? (state.runStart ?? now) : null;
  const warming = now - state.startedAt < options.warmUpMs;
  const steady = runStart !== null && now - runStart >= options.steadyAfterMs;
  const rise = warming ? options.warmUpRiseDbPerS : steady ? options.floorRiseSteadyDbPerS : options.floorRiseDbPerS;
  const floorDb = nextFloor(state.floorDb, levelDb, state.lastAt === null ? 0 : Math.max(0, now - state.lastAt), rise, options);
  const base = { ...state, floorDb, lastAt: now, runStart };

  if (state.openSince !== null) {
    if (voiced) return { state: { ...base, lastVoicedAt: now }, finished: null };
    // [VAD3] Still inside the hangover: a pause between words.
    const lastVoicedAt = state.lastVoicedAt ?? state.openSince;
    if (now - lastVoicedAt < options.hangoverMs) return { state: base, finished: null };
    const ended = { ...base, openSince: null, lastVoicedAt: null, runStart: null, runReachedOnset: false };
    return { state: ended, finished: lastVoicedAt > state.openSince ? { start: state.openSince, end: lastVoicedAt } : null };
  }

  if (runStart === null || warming) return { state: { ...base, runReachedOnset: false }, finished: null };
  // [VAD2] A run above the offset threshold becomes speech once it has reached the onset threshold and lasted long enough.
  const runReachedOnset = state.runReachedOnset || levelDb >= onset;
  if (runReachedOnset && now - runStart >= options.onsetMs) {
    // [VAD4] The speech began with the run, not when we became sure of it.
    return { state: { ...base, runReachedOnset, openSince: runStart, lastVoicedAt: now }, finished: null };
  }
  return { state: { ...base, runReachedOnset }, finished: null };
}

/**
 * [VAD5] The microphone went off (or its track ended): an open interval ends at the last voiced
 * sample heard while it was on, or at `pressedAt` when the person pressed "off" while speaking; an
 * unconfirmed run is forgotten. The floor is kept for when it comes back.
 */
export function microphoneOff(state: VadState, pressedAt?: number): VadStep {
  // Turned off by the person while the latest sample was voice: they were speaking at the press, which ends it.
  const speakingAtPress = pressedAt !== undefined && state.lastVoicedAt !== null && state.lastVoicedAt === state.lastAt && pressedAt > state.lastVoicedAt;
  const end = speakingAtPress ? pressedAt : (state.lastVoicedAt ?? state.openSince);
  const finished = state.openSince !== null && end !== null ? { start: state.openSince, end } : null;
  const next: VadState = { ...initialVadState, floorDb: state.floorDb, startedAt: state.startedAt };
  return { state: next, finished: finished && finished.end > finished.start ? finished : null };
}

/**
 * Closes the open interval at its last voiced sample and opens the next one at the same moment, so a
 * long monologue can be reported in pieces (the protocol bounds how old an open interval may be).
 */
export function splitOpen(state: VadState): VadStep {
  const cut = state.lastVoicedAt;
  if (state.openSince === null || cut === null || cut <= state.openSince) return { state, finished: null };
  return { state: { ...state, openSince: cut }, finished: { start: state.openSince, end: cut } };
}

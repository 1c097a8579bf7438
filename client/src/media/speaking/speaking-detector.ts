/**
 * Pure speaking detection: from a series of audio levels, each with the time it was measured, decide
 * whether someone is speaking. The clock is passed in so the rules are testable without audio.
 *
 * Hysteresis in time rather than level: a level must stay above the threshold for `startAfterMs`
 * before we say "speaking" (a cough or a keyboard click does not light a tile up), and stay below it
 * for `stopAfterMs` before we say "stopped" (the gaps between words do not make the tile flicker).
 */

export interface SpeakingOptions {
  /** RMS level (0..1 of full scale) above which a sample counts as voice. */
  readonly threshold: number;
  readonly startAfterMs: number;
  readonly stopAfterMs: number;
}

/**
 * 0.02 RMS is about -34 dBFS: speech at a normal distance measures ~0.05-0.1, room noise and
 * low-level hiss ~0.001-0.011 (the pink-noise test file we mix under speech measures 0.011).
 */
export const defaultSpeakingOptions: SpeakingOptions = { threshold: 0.02, startAfterMs: 150, stopAfterMs: 500 };

export interface SpeakingState {
  readonly speaking: boolean;
  /** When the level last crossed to the other side of the threshold, or null if it has not. */
  readonly crossedAt: number | null;
}

export const notSpeaking: SpeakingState = { speaking: false, crossedAt: null };

/**
 * The state after measuring `level` at time `now` (ms, monotonic). Returns `state` itself when
 * nothing changed, so callers can compare by identity.
 */
export function nextSpeakingState(
  state: SpeakingState,
  level: number,
  now: number,
  options: SpeakingOptions = defaultSpeakingOptions,
): SpeakingState {
  const loud = level >= options.threshold;
  // "Crossed" means the level is on the opposite side from what the current state claims.
  const crossed = state.speaking ? !loud : loud;
  if (!crossed) return state.crossedAt === null ? state : { speaking: state.speaking, crossedAt: null };

  const crossedAt = state.crossedAt ?? now;
  const wait = state.speaking ? options.stopAfterMs : options.startAfterMs;
  if (now - crossedAt >= wait) return { speaking: !state.speaking, crossedAt: null };
  return state.crossedAt === crossedAt ? state : { speaking: state.speaking, crossedAt };
}

/** Root mean square of time-domain samples in -1..1 (what AnalyserNode.getFloatTimeDomainData gives). */
export function rmsLevel(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] ?? 0;
    sum += s * s;
  }
  return Math.sqrt(sum / samples.length);
}

import { describe, expect, test } from 'vitest';
import {
  defaultSpeakingOptions,
  nextSpeakingState,
  notSpeaking,
  rmsLevel,
} from '../../../client/src/media/speaking/speaking-detector.js';
import type { SpeakingState } from '../../../client/src/media/speaking/speaking-detector.js';

const LOUD = 0.1;
const QUIET = 0.001;
const { threshold } = defaultSpeakingOptions;

/** Levels polled every 100 ms (as the monitor does), starting at t=0; returns `speaking` after each. */
function speakingOver(levels: readonly number[], start: SpeakingState = notSpeaking): boolean[] {
  let state = start;
  return levels.map((level, i) => {
    state = nextSpeakingState(state, level, i * 100);
    return state.speaking;
  });
}

describe('nextSpeakingState', () => {
  test.each([
    { case: 'silence stays silent', levels: [QUIET, QUIET, QUIET], expected: [false, false, false] },
    // 0, 100 ms: not yet 150 ms above; 200 ms: 200 >= 150.
    { case: 'speech starts after ~150 ms above threshold', levels: [LOUD, LOUD, LOUD, LOUD], expected: [false, false, true, true] },
    { case: 'a single click does not count', levels: [QUIET, LOUD, QUIET, QUIET], expected: [false, false, false, false] },
    { case: 'two short bursts do not add up', levels: [LOUD, QUIET, LOUD, QUIET, LOUD], expected: [false, false, false, false, false] },
    { case: 'exactly at the threshold counts as loud', levels: [threshold, threshold, threshold], expected: [false, false, true] },
    { case: 'just below the threshold is quiet', levels: [threshold * 0.99, threshold * 0.99, threshold * 0.99], expected: [false, false, false] },
  ])('$case', ({ levels, expected }) => {
    expect(speakingOver(levels)).toEqual(expected);
  });

  const speaking: SpeakingState = { speaking: true, crossedAt: null };
  test.each([
    { case: 'keeps speaking while loud', levels: [LOUD, LOUD], expected: [true, true] },
    // below from 0 ms; 400 ms is still < 500, 500 ms stops.
    { case: 'stops after ~500 ms below threshold', levels: [QUIET, QUIET, QUIET, QUIET, QUIET, QUIET], expected: [true, true, true, true, true, false] },
    { case: 'gaps between words do not stop it', levels: [QUIET, QUIET, QUIET, LOUD, QUIET, QUIET, QUIET, QUIET], expected: [true, true, true, true, true, true, true, true] },
    { case: 'the quiet time restarts after a loud sample', levels: [QUIET, QUIET, QUIET, QUIET, LOUD, QUIET, QUIET, QUIET, QUIET, QUIET, QUIET], expected: [true, true, true, true, true, true, true, true, true, true, false] },
  ])('while speaking: $case', ({ levels, expected }) => {
    expect(speakingOver(levels, speaking)).toEqual(expected);
  });

  test.each([
    { case: 'unchanged silence', state: notSpeaking, level: QUIET },
    { case: 'unchanged speech', state: { speaking: true, crossedAt: null }, level: LOUD },
    { case: 'still waiting to start', state: { speaking: false, crossedAt: 0 }, level: LOUD },
  ])('returns the same object when nothing changes: $case', ({ state, level }) => {
    expect(nextSpeakingState(state, level, 50)).toBe(state);
  });

  test('uses the options it is given', () => {
    const options = { threshold: 0.5, startAfterMs: 0, stopAfterMs: 0 };
    expect(nextSpeakingState(notSpeaking, 0.4, 0, options).speaking).toBe(false);
    expect(nextSpeakingState(notSpeaking, 0.5, 0, options).speaking).toBe(true);
  });

  test('measures time from the first crossing, whatever the polling interval', () => {
    let state = nextSpeakingState(notSpeaking, LOUD, 1_000);
    state = nextSpeakingState(state, LOUD, 1_149);
    expect(state.speaking).toBe(false);
    state = nextSpeakingState(state, LOUD, 1_150);
    expect(state.speaking).toBe(true);
  });
});

describe('rmsLevel', () => {
  test.each([
    { case: 'no samples', samples: [], expected: 0 },
    { case: 'silence', samples: [0, 0, 0, 0], expected: 0 },
    { case: 'full-scale square wave', samples: [1, -1, 1, -1], expected: 1 },
    { case: 'constant half scale', samples: [0.5, 0.5], expected: 0.5 },
    { case: 'one of four at full scale', samples: [1, 0, 0, 0], expected: 0.5 },
  ])('$case', ({ samples, expected }) => {
    expect(rmsLevel(Float32Array.from(samples))).toBeCloseTo(expected, 6);
  });

  test('a full-scale sine measures 1/sqrt(2)', () => {
    const sine = Float32Array.from({ length: 4_800 }, (_, i) => Math.sin((2 * Math.PI * 440 * i) / 48_000));
    expect(rmsLevel(sine)).toBeCloseTo(Math.SQRT1_2, 3);
  });
});

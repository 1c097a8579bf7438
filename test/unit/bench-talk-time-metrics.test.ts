// The talk-time benchmark's comparison maths (test/bench/talk-time/metrics.ts): the truth placed on the wall
// clock and cut at a mute press, per-member error, credit while muted, what the client claimed, and
// speech start -> the facilitator's view shows it.
import { describe, expect, it, test } from 'vitest';
import {
  creditableSpeech,
  errorPercent,
  mergeIntervals,
  mutedCreditMs,
  percentile,
  reportedSpeech,
  summarise,
  totalMs,
  viewLatencies,
  type MemberResult,
  type StatsSample,
} from '../bench/talk-time/metrics.js';

const ana = { name: 'Ana', speech: [[15, 19], [35, 38.5]] as [number, number][] };

describe('bench talk-time: truth', () => {
  it('places the file seconds at the moment the file started', () => {
    expect(creditableSpeech(ana, 1_000)).toEqual([[16_000, 20_000], [36_000, 39_500]]);
  });

  it('cuts the truth at the mute press: speech after it must not be credited', () => {
    const truth = creditableSpeech(ana, 0, { mutedAt: 17_500 });
    expect(truth).toEqual([[15_000, 17_500]]);
    expect(totalMs(truth)).toBe(2_500);
  });

  it('leaves out speech from before the member was in the room', () => {
    expect(creditableSpeech(ana, 0, { creditableFrom: 16_000 })).toEqual([[16_000, 19_000], [35_000, 38_500]]);
  });
});

describe('bench talk-time: errors', () => {
  test.each([
    { trueMs: 10_000, creditedMs: 10_300, expected: 3 },
    { trueMs: 10_000, creditedMs: 9_700, expected: 3 },
    { trueMs: 0, creditedMs: 0, expected: 0 },
    { trueMs: 0, creditedMs: 50, expected: Infinity },
  ])('error of $creditedMs ms against $trueMs ms is $expected %', ({ trueMs, creditedMs, expected }) => {
    expect(errorPercent(trueMs, creditedMs)).toBeCloseTo(expected, 6);
  });

  it('counts as credited while muted only what goes beyond the speech before the mute', () => {
    expect(mutedCreditMs(6_000, 5_900)).toBe(0);
    expect(mutedCreditMs(6_000, 6_400)).toBe(400);
  });
});

describe('bench talk-time: what the client reported', () => {
  it('places each report at its sending and merges repeats and the open interval', () => {
    const reported = reportedSpeech([
      { sentAt: 1_000, intervals: [], speakingForMs: 500 }, // 500..1000 open
      { sentAt: 1_250, intervals: [], speakingForMs: 750 }, // 500..1250
      { sentAt: 2_000, intervals: [{ startAgoMs: 1_500, endAgoMs: 600 }] }, // 500..1400 finished
      { sentAt: 2_300, intervals: [{ startAgoMs: 1_800, endAgoMs: 900 }] }, // the same, resent
    ]);
    expect(reported).toEqual([[500, 1_400]]);
  });

  it('mergeIntervals joins overlapping and touching intervals and drops empty ones', () => {
    expect(mergeIntervals([[5, 7], [1, 3], [3, 4], [6, 9], [10, 10]])).toEqual([[1, 4], [5, 9]]);
  });
});

describe('bench talk-time: the facilitator view', () => {
  const sample = (receivedAt: number, talkMs: number): StatsSample => ({ receivedAt, talkMs: new Map([['Ana', talkMs]]) });

  it('times each speech start to the first push in which the total grew', () => {
    const samples = [sample(900, 0), sample(1_400, 0), sample(1_700, 300), sample(2_700, 1_300), sample(10_600, 1_300), sample(10_900, 1_500)];
    expect(viewLatencies('Ana', [1_000, 10_000], samples)).toEqual([700, 900]);
  });

  it('a start the view never reflects is null', () => {
    expect(viewLatencies('Ana', [1_000], [sample(2_000, 0)])).toEqual([null]);
    expect(viewLatencies('Ben', [1_000], [sample(2_000, 500)])).toEqual([null]);
  });

  it('summarises the largest error, muted credit and latencies, and whether the targets are met', () => {
    const results: MemberResult[] = [
      { name: 'Ana', trueMs: 10_000, creditedMs: 10_200, mutedCreditMs: null, latenciesMs: [400, 600] },
      { name: 'Dee', trueMs: 6_000, creditedMs: 5_880, mutedCreditMs: 0, latenciesMs: [800] },
    ];
    expect(summarise(results)).toMatchObject({
      members: 2,
      largest_error_percent: 2,
      muted_credit_s: 0,
      view_latency_p50_ms: 600,
      view_latency_max_ms: 800,
      starts_never_shown: 0,
      met: true,
    });
    const late = summarise([{ ...results[0]!, latenciesMs: [1_200] }]);
    expect(late.met).toBe(false);
    const muted = summarise([{ ...results[1]!, creditedMs: 6_100, mutedCreditMs: 100 }]);
    expect(muted).toMatchObject({ muted_credit_s: 0.1, met: false });
  });

  it('percentile picks the nearest rank', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 100)).toBe(5);
  });
});

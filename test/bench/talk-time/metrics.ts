// The talk-time benchmark's comparison of what the server credited with the truth (pure; tested in
// test/unit/bench-talk-time-metrics.test.ts). All times here are milliseconds on one wall clock (the bench
// process and the browsers run on the same machine), except SpeakerTruth, which is in seconds of the file.

/**
 * One speaker's truth, as in truth.json: speech intervals in seconds from the start of their WAV file,
 * and optionally the second of the file at which the benchmark presses their microphone toggle (speech
 * after it must not be credited).
 */
export interface SpeakerTruth {
  name: string;
  speech: [number, number][];
  muteAt?: number;
}

export type Interval = [number, number];

/** A `talk:stats` fact as the facilitator received it: when, and each member's credited total. */
export interface StatsSample {
  receivedAt: number;
  talkMs: ReadonlyMap<string, number>;
}

/**
 * The speech that should be credited, on the wall clock: the file's speech placed at `fileStartedAt`,
 * cut at the mute press, and only from `creditableFrom` (before the member was in the room nothing can be).
 */
export function creditableSpeech(truth: SpeakerTruth, fileStartedAt: number, cut: { mutedAt?: number; creditableFrom?: number } = {}): Interval[] {
  const from = cut.creditableFrom ?? -Infinity;
  const to = cut.mutedAt ?? Infinity;
  return truth.speech
    .map(([start, end]): Interval => [Math.max(from, fileStartedAt + start * 1000), Math.min(to, fileStartedAt + end * 1000)])
    .filter(([start, end]) => end > start);
}

/** Sorted, with overlapping or touching intervals joined. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** A `talk:report` as the client sent it, with the moment it left (bench clock). */
export interface SentReport {
  sentAt: number;
  intervals: { startAgoMs: number; endAgoMs: number }[];
  speakingForMs?: number;
}

/**
 * What a client claimed about its own speech, on the bench clock: every report's intervals placed at its
 * sending (an open interval up to that moment, as the server places it), merged. The server can credit at
 * most this; the difference from the truth is the detector's, the difference from the credit the server's.
 */
export function reportedSpeech(reports: readonly SentReport[]): Interval[] {
  return mergeIntervals(
    reports.flatMap(({ sentAt, intervals, speakingForMs }) => [
      ...intervals.map(({ startAgoMs, endAgoMs }): Interval => [sentAt - startAgoMs, sentAt - endAgoMs]),
      ...(speakingForMs === undefined ? [] : [[sentAt - speakingForMs, sentAt] as Interval]),
    ]),
  );
}

export function totalMs(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, [start, end]) => sum + (end - start), 0);
}

/** Error of the credited total against the truth, in % of the truth (0 when both are 0). */
export function errorPercent(trueMs: number, creditedMs: number): number {
  if (trueMs === 0) return creditedMs === 0 ? 0 : Infinity;
  return (Math.abs(creditedMs - trueMs) / trueMs) * 100;
}

/**
 * Credit while muted for a member who muted while still talking: whatever was credited beyond the speech
 * before the mute. An upper bound: over-detection of the speech before the mute would count here too.
 */
export function mutedCreditMs(trueBeforeMuteMs: number, creditedMs: number): number {
  return Math.max(0, creditedMs - trueBeforeMuteMs);
}

/**
 * Speech start -> facilitator's view shows it: for each start of speech, the first stats after it in
 * which the member's total grew beyond what the view showed at that moment. A start the view never
 * reflected is reported as null.
 */
export function viewLatencies(member: string, starts: readonly number[], samples: readonly StatsSample[]): (number | null)[] {
  const ordered = [...samples].sort((a, b) => a.receivedAt - b.receivedAt);
  return starts.map((start) => {
    let baseline = 0;
    for (const sample of ordered) {
      const talk = sample.talkMs.get(member) ?? 0;
      if (sample.receivedAt <= start) baseline = talk;
      else if (talk > baseline) return sample.receivedAt - start;
    }
    return null;
  });
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export interface MemberResult {
  name: string;
  trueMs: number;
  creditedMs: number;
  /** Only for a member who muted while talking. */
  mutedCreditMs: number | null;
  latenciesMs: (number | null)[];
}

export interface BenchSummary {
  members: number;
  largest_error_percent: number;
  muted_credit_s: number;
  view_latency_p50_ms: number;
  view_latency_max_ms: number;
  /** Speech starts the facilitator's view never showed. */
  starts_never_shown: number;
  targets: { largest_error_percent: number; muted_credit_s: number; view_latency_max_ms: number };
  met: boolean;
}

export function summarise(results: readonly MemberResult[]): BenchSummary {
  const errors = results.map((r) => errorPercent(r.trueMs, r.creditedMs));
  const muted = results.reduce((sum, r) => sum + (r.mutedCreditMs ?? 0), 0) / 1000;
  const latencies = results.flatMap((r) => r.latenciesMs).filter((l): l is number => l !== null);
  const never = results.flatMap((r) => r.latenciesMs).filter((l) => l === null).length;
  const largest = errors.length > 0 ? Math.max(...errors) : 0;
  const max = latencies.length > 0 ? Math.max(...latencies) : NaN;
  const targets = { largest_error_percent: 3, muted_credit_s: 0, view_latency_max_ms: 1000 };
  return {
    members: results.length,
    largest_error_percent: round(largest, 2),
    muted_credit_s: round(muted, 3),
    view_latency_p50_ms: Math.round(percentile(latencies, 50)),
    view_latency_max_ms: Math.round(max),
    starts_never_shown: never,
    targets,
    met: largest <= targets.largest_error_percent && muted <= targets.muted_credit_s && never === 0 && max <= targets.view_latency_max_ms,
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

// What this client reports about its own speech (talk-ledger.ts, talk-reporter.ts): offsets back from the
// moment of sending, an open interval only while the latest sample was voice, nothing while silent or muted,
// and a report that was not accepted sent again. The clock is passed in; levels are synthetic.
import { describe, expect, it } from 'vitest';
import { check, TalkReportSchema, type TalkReport } from '@hearth/shared';
import {
  emptyLedger,
  hear,
  MAX_TALK_AGO_MS,
  settle,
  SPLIT_OPEN_AFTER_MS,
  takeReport,
  type TalkLedger,
} from '../../../client/src/media/speaking/talk-ledger.js';
import { POLL_INTERVAL_MS, REPORT_INTERVAL_MS, TalkReporter } from '../../../client/src/media/speaking/talk-reporter.js';
import { reportedSpeech, totalMs, type SentReport } from '../../bench/talk-time/metrics.js';

const LOUD = 0.1; // -20 dBFS
const QUIET = 0.00001; // -100 dBFS

/** Feeds `level` (null: microphone off) every 50 ms from `from` (inclusive) to `to` (exclusive). */
function feed(ledger: TalkLedger, level: number | null, from: number, to: number): TalkLedger {
  let next = ledger;
  for (let t = from; t < to; t += POLL_INTERVAL_MS) next = hear(next, level, t);
  return next;
}

describe('talk ledger', () => {
  it('[VAD6] reports nothing while silent', () => {
    const ledger = feed(emptyLedger, QUIET, 0, 5_000);
    expect(takeReport(ledger, 5_000).report).toBeNull();
  });

  it('[VAD5] reports nothing while the microphone is off', () => {
    const ledger = feed(feed(emptyLedger, QUIET, 0, 1_000), null, 1_000, 5_000);
    expect(takeReport(ledger, 5_000).report).toBeNull();
  });

  it('[VAD6] reports an open interval while speaking, as offsets back from the moment of sending', () => {
    const ledger = feed(feed(emptyLedger, QUIET, 0, 1_000), LOUD, 1_000, 2_000);
    const { report } = takeReport(ledger, 2_000);
    expect(report).toEqual({ intervals: [], speakingForMs: 1_000 });
  });

  it('[VAD6] during a pause reports the interval so far as finished at its last voiced sample, so the pause is not credited', () => {
    const ledger = feed(feed(feed(emptyLedger, QUIET, 0, 1_000), LOUD, 1_000, 2_000), QUIET, 2_000, 2_200);
    const { report } = takeReport(ledger, 2_200);
    expect(report).toEqual({ intervals: [{ startAgoMs: 1_200, endAgoMs: 250 }] });
  });

  it('[VAD6] reports a finished interval until the server accepts it, with offsets from each sending', () => {
    let ledger = feed(feed(feed(emptyLedger, QUIET, 0, 1_000), LOUD, 1_000, 3_000), QUIET, 3_000, 4_000);
    const first = takeReport(ledger, 4_000);
    expect(first.report).toEqual({ intervals: [{ startAgoMs: 3_000, endAgoMs: 1_050 }] });
    ledger = first.ledger;
    expect(takeReport(ledger, 4_100).report).toBeNull(); // one report in flight at a time
    ledger = settle(ledger, false); // lost: sent again, placed from the new moment of sending
    const again = takeReport(ledger, 4_500);
    expect(again.report).toEqual({ intervals: [{ startAgoMs: 3_500, endAgoMs: 1_550 }] });
    ledger = settle(again.ledger, true);
    expect(takeReport(ledger, 5_000).report).toBeNull();
  });

  it('[VAD6] sends finished intervals together with the open one', () => {
    let ledger = feed(emptyLedger, QUIET, 0, 1_000);
    ledger = feed(ledger, LOUD, 1_000, 2_000);
    ledger = feed(ledger, QUIET, 2_000, 3_000);
    ledger = feed(ledger, LOUD, 3_000, 3_500);
    const { report } = takeReport(ledger, 3_500);
    expect(report).toEqual({ intervals: [{ startAgoMs: 2_500, endAgoMs: 1_550 }], speakingForMs: 500 });
  });

  it('[VAD6] drops intervals older than the protocol can express', () => {
    const ledger = feed(feed(feed(emptyLedger, QUIET, 0, 1_000), LOUD, 1_000, 2_000), QUIET, 2_000, 3_000);
    expect(takeReport(ledger, 1_950 + MAX_TALK_AGO_MS).report).not.toBeNull();
    const late = takeReport(ledger, 2_000 + MAX_TALK_AGO_MS);
    expect(late.report).toBeNull();
    expect(late.ledger.pending).toEqual([]);
  });

  it('[VAD6] reports a long monologue in pieces, every report within the schema', () => {
    let ledger = feed(emptyLedger, QUIET, 0, 1_000);
    const reports: SentReport[] = [];
    for (let t = 1_000; t < 1_000 + 3 * SPLIT_OPEN_AFTER_MS; t += REPORT_INTERVAL_MS) {
      // A quarter-second pause every two seconds, as between phrases (a level that never dips is taken for noise, VAD1).
      ledger = feed(ledger, t % 2_000 === 0 ? QUIET : LOUD, t, t + REPORT_INTERVAL_MS);
      const taken = takeReport(ledger, t + REPORT_INTERVAL_MS);
      if (taken.report) reports.push({ sentAt: t + REPORT_INTERVAL_MS, ...taken.report });
      ledger = settle(taken.ledger, true);
    }
    expect(reports.every(({ sentAt: _sentAt, ...report }) => check(TalkReportSchema, report))).toBe(true);
    expect(Math.max(...reports.map((r) => r.speakingForMs ?? 0))).toBeLessThanOrEqual(SPLIT_OPEN_AFTER_MS);
    // Together the pieces cover the whole three minutes, as one stretch of speech.
    const covered = reportedSpeech(reports);
    expect(covered).toHaveLength(1);
    expect(totalMs(covered)).toBeGreaterThan(3 * SPLIT_OPEN_AFTER_MS - 100);
  });
});

describe('talk reporter', () => {
  /** A reporter on a hand-driven clock; `send` records and answers as told. */
  function rig(accept = true) {
    let now = 0;
    let level: number | null = QUIET;
    const sent: { at: number; report: TalkReport }[] = [];
    const reporter = new TalkReporter({
      now: () => now,
      level: () => level,
      send: (report) => {
        sent.push({ at: now, report });
        return Promise.resolve(accept);
      },
    });
    const run = async (ms: number, next: number | null) => {
      level = next;
      for (const end = now + ms; now < end; now += POLL_INTERVAL_MS) {
        reporter.tick();
        await Promise.resolve(); // let the ack settle, as it would between polls
      }
    };
    return { sent, run };
  }

  it('[VAD6] sends nothing while silent, about every 250 ms while speaking, and nothing once done', async () => {
    const { sent, run } = rig();
    await run(2_000, QUIET);
    expect(sent).toEqual([]);
    await run(2_000, LOUD);
    const whileSpeaking = sent.length;
    expect(whileSpeaking).toBeGreaterThanOrEqual(7);
    expect(whileSpeaking).toBeLessThanOrEqual(9);
    await run(3_000, QUIET);
    const afterwards = sent.slice(whileSpeaking);
    // The pause until the hangover ends, then the finished interval once; then silence.
    expect(afterwards.length).toBeGreaterThanOrEqual(1);
    expect(afterwards.length).toBeLessThanOrEqual(4);
    expect(afterwards.at(-1)?.at).toBeLessThan(5_000);
  });

  it('[VAD5] sends nothing while the microphone is off, however loud the room', async () => {
    const { sent, run } = rig();
    await run(1_000, QUIET);
    await run(3_000, null);
    expect(sent).toEqual([]);
  });

  it('[VAD5] muting while speaking ends the interval where the microphone was last heard', async () => {
    const { sent, run } = rig();
    await run(1_000, QUIET);
    await run(1_000, LOUD);
    await run(1_000, null);
    const last = sent.at(-1);
    expect(last?.report.speakingForMs).toBeUndefined();
    const [interval] = last?.report.intervals ?? [];
    expect((last?.at ?? 0) - (interval?.endAgoMs ?? 0)).toBe(1_950);
    expect((last?.at ?? 0) - (interval?.startAgoMs ?? 0)).toBe(1_000);
    expect(sent.every((s) => s.at <= 2_000 || s.report.speakingForMs === undefined)).toBe(true);
  });

  it('[VAD5] pressing microphone off ends speech at the press, though the track goes quiet only later', async () => {
    let now = 0;
    let level: number | null = QUIET;
    const sent: { at: number; report: TalkReport }[] = [];
    const reporter = new TalkReporter({ now: () => now, level: () => level, send: (report) => (sent.push({ at: now, report }), Promise.resolve(true)) });
    const run = async (until: number) => {
      for (; now < until; now += POLL_INTERVAL_MS) {
        reporter.tick();
        await Promise.resolve();
      }
    };
    await run(1_000);
    level = LOUD;
    await run(2_000);
    reporter.microphoneTurningOff(); // pressed at 2000 ms; the device change takes 600 ms
    await run(2_600);
    level = null;
    await run(4_000);
    const placed = sent.flatMap(({ at, report }) => [
      ...report.intervals.map((i) => [at - i.startAgoMs, at - i.endAgoMs]),
      ...(report.speakingForMs === undefined ? [] : [[at - report.speakingForMs, at]]),
    ]);
    // Speaking at the press: credited right up to it, and not a moment after.
    expect(Math.max(...placed.map(([, end]) => end ?? 0))).toBe(2_000);
    // After the mute took effect, unmuting measures again.
    level = LOUD;
    await run(5_000);
    expect(sent.at(-1)?.report.speakingForMs).toBeGreaterThan(0);
  });

  it('[VAD6] places a level at the middle of the stretch it measured, so a late poll does not move speech later', () => {
    let now = 0;
    let level: { rms: number; spanMs: number } = { rms: QUIET, spanMs: 50 };
    const sent: TalkReport[] = [];
    const reporter = new TalkReporter({ now: () => now, level: () => level, send: (report) => (sent.push(report), Promise.resolve(true)) });
    for (; now < 2_000; now += POLL_INTERVAL_MS) reporter.tick();
    level = { rms: LOUD, spanMs: 170 }; // the first poll after a long stall measured the last 170 ms
    for (; now < 2_500; now += POLL_INTERVAL_MS) reporter.tick();
    // Speech began within the 170 ms before the poll at 2000 ms: placed at 1915 ms, not 2000 ms. Confirmed at
    // the poll at 2100 ms (100 ms of voice), the first report says it began 185 ms earlier.
    expect(sent[0]?.speakingForMs).toBe(185);
  });

  it('[VAD6] keeps sending what the server did not accept', async () => {
    const { sent, run } = rig(false);
    await run(1_000, QUIET);
    await run(1_000, LOUD);
    await run(2_000, QUIET);
    const tail = sent.filter((s) => s.at >= 3_000);
    expect(tail.length).toBeGreaterThan(0);
    expect(tail.every((s) => s.report.intervals.length === 1)).toBe(true);
  });
});

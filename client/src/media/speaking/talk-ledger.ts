/**
 * What this client has heard itself say and not yet had accepted by the server: the detector's state,
 * the finished intervals waiting to be reported, and the ones in flight. Pure, clock passed in.
 *
 * Invariants: an interval leaves the ledger only when the server acknowledged the report that
 * carried it (a lost report is sent again; the server discards overlap, so a repeat never counts
 * twice); intervals are kept as local monotonic times and turned into offsets only at sending, so a
 * report that waited is still placed correctly; an interval too old for the protocol is dropped.
 */
import type { SpeakingInterval, TalkReport } from '@hearth/shared';
import {
  defaultVadOptions,
  hearLevel,
  initialVadState,
  microphoneOff,
  splitOpen,
  type SpeechInterval,
  type VadOptions,
  type VadState,
  type VadStep,
} from './voice-activity.js';

/** A monologue is reported in pieces this long, well inside the protocol's limit on an open interval. */
export const SPLIT_OPEN_AFTER_MS = 60_000;
/** The protocol's limits (TalkReportSchema): intervals per report, and how far back an offset may reach. */
export const MAX_INTERVALS_PER_REPORT = 50;
export const MAX_TALK_AGO_MS = 120_000;

export interface TalkLedger {
  readonly vad: VadState;
  readonly pending: readonly SpeechInterval[];
  readonly inFlight: readonly SpeechInterval[];
}

export const emptyLedger: TalkLedger = { vad: initialVadState, pending: [], inFlight: [] };

/**
 * One measurement: `rms` is the microphone's level, or null while it is off (muted, no track, ended).
 */
export function hear(ledger: TalkLedger, rms: number | null, now: number, options: VadOptions = defaultVadOptions): TalkLedger {
  return record(ledger, rms === null ? microphoneOff(ledger.vad) : hearLevel(ledger.vad, rms, now, options), now);
}

/** The person pressed "microphone off" at `now` (VAD5): speech they were in the middle of ends at the press. */
export function pressedOff(ledger: TalkLedger, now: number): TalkLedger {
  return record(ledger, microphoneOff(ledger.vad, now), now);
}

function record(ledger: TalkLedger, heard: VadStep, now: number): TalkLedger {
  let step = heard;
  let pending = step.finished ? [...ledger.pending, step.finished] : ledger.pending;
  const open = step.state.openSince;
  if (open !== null && now - open >= SPLIT_OPEN_AFTER_MS) {
    const split = splitOpen(step.state);
    if (split.finished) pending = [...pending, split.finished];
    step = split;
  }
  return step.state === ledger.vad && pending === ledger.pending ? ledger : { ...ledger, vad: step.state, pending };
}

/** Speaking now, by the detector's account. */
export function speakingNow(ledger: TalkLedger): boolean {
  return ledger.vad.openSince !== null;
}

/**
 * The report to send at `now` (null when there is nothing to say: no finished interval waiting and
 * not speaking, or a report already in flight) and the ledger with the reported intervals in flight.
 *
 * The server credits an open interval (`speakingForMs`) right up to the moment it receives the
 * report. So the open interval is reported as open only while the latest sample was voice; during a
 * pause (the hangover) it is reported as finished at its last voiced sample, and the pause is never
 * credited even if the speaker does not resume.
 */
export function takeReport(ledger: TalkLedger, now: number): { report: TalkReport | null; ledger: TalkLedger } {
  if (ledger.inFlight.length > 0) return { report: null, ledger };
  // Older than the protocol can express: the server would refuse the whole report.
  const fresh = ledger.pending.filter((interval) => now - interval.end <= MAX_TALK_AGO_MS);
  const sending = fresh.slice(0, MAX_INTERVALS_PER_REPORT - 1);
  const next = { ...ledger, pending: fresh.slice(sending.length), inFlight: sending };
  const { openSince, lastVoicedAt, lastAt } = ledger.vad;
  if (sending.length === 0 && openSince === null) return { report: null, ledger: fresh.length === ledger.pending.length ? ledger : next };

  const intervals: SpeakingInterval[] = sending.map((interval) => toOffsets(interval, now));
  if (openSince === null) return { report: { intervals }, ledger: next };
  if (lastVoicedAt !== null && lastVoicedAt === lastAt) return { report: { intervals, speakingForMs: agoMs(now, openSince) }, ledger: next };
  if (lastVoicedAt !== null && lastVoicedAt > openSince) intervals.push(toOffsets({ start: openSince, end: lastVoicedAt }, now));
  return { report: intervals.length > 0 ? { intervals } : null, ledger: next };
}

function toOffsets(interval: SpeechInterval, now: number): SpeakingInterval {
  return { startAgoMs: agoMs(now, interval.start), endAgoMs: agoMs(now, interval.end) };
}

/** The report in flight was answered: accepted intervals are done, refused or lost ones go back in line. */
export function settle(ledger: TalkLedger, accepted: boolean): TalkLedger {
  if (ledger.inFlight.length === 0) return ledger;
  return { ...ledger, pending: accepted ? ledger.pending : [...ledger.inFlight, ...ledger.pending], inFlight: [] };
}

function agoMs(now: number, at: number): number {
  return Math.min(MAX_TALK_AGO_MS, Math.max(0, Math.round(now - at)));
}

/**
 * Measures this person's own speech and reports it to the server (`talk:report`): polls the
 * microphone level, keeps the ledger (talk-ledger.ts) and sends a report about every 250 ms while
 * there is something to say, nothing while silent. One report is in flight at a time; one that
 * fails is sent again with the next. No React state: it runs on its own timers, cheaply.
 */
import type { TalkReport } from '@hearth/shared';
import { emptyLedger, hear, pressedOff, settle, takeReport, type TalkLedger } from './talk-ledger.js';
import { defaultVadOptions, type VadOptions } from './voice-activity.js';

/** About the analyser's window: every stretch of sound is measured, and edges land within ~50 ms. */
export const POLL_INTERVAL_MS = 50;
export const REPORT_INTERVAL_MS = 250;
/** How long a press of "microphone off" holds measuring off while the device change is under way. */
export const MUTE_HOLD_MAX_MS = 3_000;

export interface TalkReporterOptions {
  /**
   * The microphone's level over the last `spanMs` (ending now), or null while it is off (muted, absent,
   * ended). A plain number is a level measured right now.
   */
  level: () => { rms: number; spanMs: number } | number | null;
  /** Sends a report; resolves true when the server accepted it. */
  send: (report: TalkReport) => Promise<boolean>;
  now?: () => number;
  vad?: VadOptions;
}

export class TalkReporter {
  private ledger: TalkLedger = emptyLedger;
  private sending = false;
  private lastReportAt = -Infinity;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** Set by microphoneTurningOff(): levels are ignored until the microphone reads as off (or this long has passed). */
  private holdOffSince: number | null = null;
  private readonly now: () => number;

  constructor(private readonly options: TalkReporterOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  start(): void {
    this.timer ??= setInterval(() => this.tick(), POLL_INTERVAL_MS);
  }

  /** Stops measuring; speech not yet reported is dropped (the person left or turned measuring off). */
  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.ledger = emptyLedger;
  }

  /**
   * [VAD5] The person pressed "microphone off": speech ends now, at the press, not when the device change
   * (which waits on every peer) has gone through and the track reads as disabled.
   */
  microphoneTurningOff(): void {
    const now = this.now();
    this.ledger = pressedOff(this.ledger, now);
    this.holdOffSince = now;
  }

  /** One poll: measure, and report when it is time. Public for tests that drive the clock. */
  tick(): void {
    const now = this.now();
    let reading = this.options.level();
    if (this.holdOffSince !== null) {
      if (reading === null || now - this.holdOffSince > MUTE_HOLD_MAX_MS) this.holdOffSince = null;
      reading = null;
    }
    // A level describes its whole window: it is placed at the window's middle, so a late poll (a busy
    // machine), whose window reaches further back, does not push the edges of speech later.
    const rms = typeof reading === 'number' || reading === null ? reading : reading.rms;
    const at = typeof reading === 'number' || reading === null ? now : now - reading.spanMs / 2;
    this.ledger = hear(this.ledger, rms, at, this.options.vad ?? defaultVadOptions);
    if (this.sending || now - this.lastReportAt < REPORT_INTERVAL_MS) return;
    const { report, ledger } = takeReport(this.ledger, now);
    this.ledger = ledger;
    if (!report) return;
    this.lastReportAt = now;
    this.sending = true;
    this.options.send(report).then(
      (accepted) => this.settled(accepted),
      () => this.settled(false),
    );
  }

  private settled(accepted: boolean): void {
    this.sending = false;
    this.ledger = settle(this.ledger, accepted);
  }
}

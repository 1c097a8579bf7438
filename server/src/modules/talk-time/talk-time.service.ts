import type { FastifyBaseLogger } from 'fastify';
import { Role, type Participant, type TalkReport, type TalkStats, type TalkSummary } from '@hearth/shared';
import type { RoomRegistry } from '../rooms/index.js';
import { balance, countTurns } from './aggregate.js';
import { SessionLedger, type RoomState } from './ledger.js';
import { totalMs, type Interval } from './intervals.js';
import type { BalanceSample, StoredTotal, TalkTimeRepository } from './talk-time.repository.js';
import type { SpokenTimeSource } from './spoken-time.js';

/**
 * The talk-time module's live side (docs/spec.md TT1-TT9). It owns one ledger per live session, fed by
 * the room registry (who is present and audible) and by `talk:report`s, and it keeps these invariants:
 * - the server is the only authority: reports are clamped (clamp.ts) before anything is credited;
 * - every credited piece and presence period is stored before the report is acknowledged, so totals
 *   survive reconnects and a restart (a ledger is loaded from storage the first time it is needed);
 * - the live view is pushed at most twice a second, and only while something changed ([TT6]);
 * - when a session ends its raw intervals are deleted and only totals and balance samples are kept.
 * Recipients are decided by the publisher (talk-stats-publisher.ts), never here.
 */
/**
 * Half a second: speech is detected ~0.1 s after it starts and reported within ~0.25 s, so with this
 * the facilitator's view shows it within a second even when a push has just gone out (bench:talk-time).
 */
export const PUSH_EVERY_MS = 500;
export const SAMPLE_EVERY_MS = 30_000;

export interface StatsPublisher {
  publish(sessionId: string, stats: TalkStats): void;
  /** The session ended: nothing more is sent for it, so whatever the publisher remembers of it can go. */
  forget(sessionId: string): void;
}

interface LiveSession {
  ledger: SessionLedger;
  ready: Promise<void>;
  /** Storage writes, in order, after the load. */
  writes: Promise<unknown>;
  membersSeeOwnShare: boolean;
  presenceRows: Map<string, Promise<string>>;
  speechRows: Map<string, { id: Promise<string>; end: number }>;
  dirty: boolean;
  cooldown: ReturnType<typeof setTimeout> | null;
  lastSampleAt: number;
}

const audibleState = (p: Participant): RoomState => ({ displayName: p.displayName, role: p.role, audible: p.audio && p.mutedBy === null });

const RECENTLY_FINISHED = 1_000;

export class TalkTimeService implements SpokenTimeSource {
  private readonly sessions = new Map<string, LiveSession>();
  /**
   * Sessions just finished, so a report still in flight cannot start a new ledger for them. Only the latest
   * are kept: an ended session's sockets are closed and its credentials refused, so nothing reaches it later,
   * and memory must not grow by one entry per session.
   */
  private readonly finished = new Set<string>();
  private readonly startedListeners = new Set<(sessionId: string, participantId: string) => void>();
  private readonly unsubscribe: (() => void)[];

  constructor(
    private readonly repo: TalkTimeRepository,
    rooms: RoomRegistry,
    private readonly now: () => number,
    private readonly log: FastifyBaseLogger,
    /** Sends the figures to whoever may see them (talk-stats-publisher.ts decides who). */
    private readonly publisher: StatsPublisher,
    /** Whether the person is away in a pull-aside: talk there is private, not the group's (TT1). */
    private readonly isAway: (sessionId: string, participantId: string) => boolean = () => false,
  ) {
    this.unsubscribe = [
      // The supervisor publishes nothing and is never measured (SV3).
      rooms.onChange((sessionId, p) => p.role !== Role.supervisor && this.observe(sessionId, p.id, audibleState(p))),
      rooms.onDeparture((sessionId, participantId) => this.observe(sessionId, participantId, null)),
    ];
  }

  stop(): void {
    for (const off of this.unsubscribe) off();
    for (const live of this.sessions.values()) if (live.cooldown) clearTimeout(live.cooldown);
  }

  spokenMsByParticipant(sessionId: string): ReadonlyMap<string, number> {
    return this.sessions.get(sessionId)?.ledger.spokenMs() ?? new Map();
  }

  onSpeakingStarted(listener: (sessionId: string, participantId: string) => void): () => void {
    this.startedListeners.add(listener);
    return () => this.startedListeners.delete(listener);
  }

  /** [TT1] Clamps and credits one report, stores what was credited, then resolves (the ack follows). */
  async report(sessionId: string, participantId: string, report: TalkReport): Promise<void> {
    const live = this.live(sessionId);
    if (!live || this.isAway(sessionId, participantId)) return;
    await live.ready;
    const { pieces, startedSpeaking } = live.ledger.credit(participantId, report, this.now());
    if (pieces.length === 0) return;
    const stored = this.storeSpeech(sessionId, live, participantId, pieces);
    this.markDirty(sessionId, live);
    if (startedSpeaking) for (const listener of [...this.startedListeners]) listener(sessionId, participantId);
    await stored;
  }

  /** The live view as it stands (also sent to a facilitator who asks on joining). */
  async stats(sessionId: string): Promise<TalkStats | null> {
    const live = this.live(sessionId);
    if (!live) return null;
    await live.ready;
    return this.statsOf(live, this.now());
  }

  async setMembersSeeOwnShare(sessionId: string, value: boolean): Promise<void> {
    await this.repo.setMembersSeeOwnShare(sessionId, value);
    const live = this.live(sessionId);
    if (!live) return;
    await live.ready;
    live.membersSeeOwnShare = value;
    this.markDirty(sessionId, live);
  }

  /** [TT9] The session ended: keep totals and a last balance sample, delete the raw intervals. */
  async finishSession(sessionId: string): Promise<void> {
    const live = this.live(sessionId);
    if (!live) return;
    this.finished.add(sessionId);
    if (this.finished.size > RECENTLY_FINISHED) this.finished.delete(this.finished.values().next().value as string);
    if (live.cooldown) clearTimeout(live.cooldown);
    await live.ready;
    await live.writes;
    this.sessions.delete(sessionId);
    this.publisher.forget(sessionId);
    const at = this.now();
    const figures = live.ledger.figures(at, true);
    const totals = totalsOf(live.ledger, at, true);
    await this.repo.finish(sessionId, totals, { at, balance: figures.balance, memberTalkMs: figures.memberTalkMs });
  }

  /** The after-session summary (also readable while the session is live). */
  async summary(sessionId: string, status: 'live' | 'ended', roundsHeld: number): Promise<TalkSummary> {
    const totals = status === 'live' ? await this.liveTotals(sessionId) : await this.repo.totals(sessionId);
    const members = totals.filter((t) => t.role === Role.member);
    const memberTalkMs = members.reduce((sum, m) => sum + m.talkMs, 0);
    const samples = await this.repo.samples(sessionId);
    return {
      sessionId,
      status,
      members: members.map((m) => ({
        participantId: m.participantId,
        displayName: m.displayName,
        talkMs: m.talkMs,
        share: memberTalkMs > 0 ? m.talkMs / memberTalkMs : null,
        fairShare: Math.min(1, Math.max(0, m.fairShare)),
        turns: m.turns,
      })),
      facilitators: totals
        .filter((t) => t.role === Role.facilitator || t.role === Role.coFacilitator)
        .map((f) => ({ participantId: f.participantId, displayName: f.displayName, talkMs: f.talkMs, turns: f.turns })),
      memberTalkMs,
      balance: status === 'ended' ? balance(members.map((m) => m.talkMs)) : ((await this.stats(sessionId))?.balance ?? null),
      balanceOverTime: samples.map(({ at, balance: b }) => ({ at, balance: b })),
      roundsHeld,
    };
  }

  private async liveTotals(sessionId: string): Promise<StoredTotal[]> {
    const live = this.live(sessionId);
    if (!live) return [];
    await live.ready;
    return totalsOf(live.ledger, this.now());
  }

  private observe(sessionId: string, participantId: string, state: RoomState | null): void {
    const live = state ? this.live(sessionId) : this.sessions.get(sessionId);
    if (!live) return;
    const at = this.now();
    const change = live.ledger.observe(participantId, state, at);
    if (change.presenceOpened) {
      const id = this.enqueue(live, () => this.repo.insertInterval(sessionId, participantId, 'presence', at, null));
      live.presenceRows.set(participantId, id);
    }
    if (change.presenceClosed) {
      const row = live.presenceRows.get(participantId);
      const end = change.presenceClosed[1];
      live.presenceRows.delete(participantId);
      if (row) this.enqueue(live, async () => this.repo.setIntervalEnd(await row, end));
      // A visit stored before a restart (no row of ours): store it closed.
      else this.enqueue(live, () => this.repo.insertInterval(sessionId, participantId, 'presence', change.presenceClosed![0], end));
    }
    this.markDirty(sessionId, live);
  }

  /** An extension of the person's last stored stretch updates its end; anything else is a new row. */
  private storeSpeech(sessionId: string, live: LiveSession, participantId: string, pieces: Interval[]): Promise<unknown> {
    let last: Promise<unknown> = Promise.resolve();
    for (const [start, end] of pieces) {
      const open = live.speechRows.get(participantId);
      if (open && open.end === start) {
        open.end = end;
        const id = open.id;
        last = this.enqueue(live, async () => this.repo.setIntervalEnd(await id, end));
      } else {
        const id = this.enqueue(live, () => this.repo.insertInterval(sessionId, participantId, 'speech', start, end));
        live.speechRows.set(participantId, { id, end });
        last = id;
      }
    }
    return last;
  }

  private enqueue<T>(live: LiveSession, write: () => Promise<T>): Promise<T> {
    const done = live.writes.then(write);
    live.writes = done.catch((err: unknown) => this.log.error({ err }, 'storing talk time failed'));
    return done;
  }

  private markDirty(sessionId: string, live: LiveSession): void {
    live.dirty = true;
    if (!live.cooldown) this.flush(sessionId, live);
  }

  /** [TT6] Pushes now, then at most once per PUSH_EVERY_MS while changes keep coming. */
  private flush(sessionId: string, live: LiveSession): void {
    live.dirty = false;
    live.cooldown = setTimeout(() => {
      live.cooldown = null;
      if (live.dirty && this.sessions.get(sessionId) === live) this.flush(sessionId, live);
    }, PUSH_EVERY_MS);
    live.cooldown.unref();
    void live.ready.then(() => {
      if (this.sessions.get(sessionId) !== live) return;
      const at = this.now();
      const stats = this.statsOf(live, at);
      // A null balance (fewer than two members present, or no talk yet) says nothing worth charting.
      if (stats.balance !== null && at - live.lastSampleAt >= SAMPLE_EVERY_MS) {
        live.lastSampleAt = at;
        const sample: BalanceSample = { at, balance: stats.balance, memberTalkMs: stats.memberTalkMs };
        this.enqueue(live, () => this.repo.saveSample(sessionId, sample));
      }
      this.publisher.publish(sessionId, stats);
    });
  }

  private statsOf(live: LiveSession, at: number): TalkStats {
    return { at, ...live.ledger.figures(at), membersSeeOwnShare: live.membersSeeOwnShare };
  }

  /** The session's ledger, created (and its stored history loaded) the first time it is needed. */
  private live(sessionId: string): LiveSession | undefined {
    if (this.finished.has(sessionId)) return undefined;
    let live = this.sessions.get(sessionId);
    if (live) return live;
    const ledger = new SessionLedger();
    const created: LiveSession = {
      ledger,
      ready: Promise.resolve(),
      writes: Promise.resolve(),
      membersSeeOwnShare: false,
      presenceRows: new Map(),
      speechRows: new Map(),
      dirty: false,
      cooldown: null,
      lastSampleAt: -Infinity,
    };
    created.ready = Promise.all([this.repo.load(sessionId), this.repo.membersSeeOwnShare(sessionId)]).then(([stored, see]) => {
      ledger.restore(stored);
      created.membersSeeOwnShare = see;
    });
    created.writes = created.ready.catch((err: unknown) => this.log.error({ err }, 'loading talk time failed'));
    live = created;
    this.sessions.set(sessionId, live);
    return live;
  }
}

/** Each person's totals for the summary (the supervisor, who publishes nothing, is never in a ledger). */
function totalsOf(ledger: SessionLedger, at: number, ended = false): StoredTotal[] {
  const fair = new Map(ledger.figures(at, ended).members.map((m) => [m.participantId, m.fairShare]));
  return ledger
    .records(at)
    .sort((a, b) => a.firstJoinedAt - b.firstJoinedAt || a.id.localeCompare(b.id))
    .map((r) => ({
      participantId: r.id,
      displayName: r.displayName,
      role: r.role,
      firstJoinedAt: r.firstJoinedAt,
      talkMs: Math.round(totalMs(r.talk)),
      fairShare: fair.get(r.id) ?? 0,
      turns: countTurns(r.talk),
    }));
}

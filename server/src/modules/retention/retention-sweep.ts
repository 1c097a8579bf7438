import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { DEFAULT_RECORDS_RETENTION_DAYS } from '@hearth/shared';
import type { Db } from '../../db/index.js';
import { pseudonymsFor } from './pseudonyms.js';

const DAY_MS = 86_400_000;
/** Sessions whose names are removed per transaction, so a first sweep over years of sessions holds no long lock. */
const BATCH = 100;
/** [RT3] What an expired session is called instead of the title its facilitator gave it. */
export const EXPIRED_SESSION_TITLE = 'Past session';

export interface SweepCounts {
  cases: number;
  messages: number;
  talkTime: number;
  /** Sessions whose names, labels and free text were removed in this sweep. */
  sessions: number;
  /** Facilitators' sign-ins past their expiry, deleted. */
  signIns: number;
  /** [AC5] Password reset links a day past their use or expiry, deleted. */
  resetLinks: number;
  /** [CF1] Facilitator invites a day past their use, revocation or expiry, deleted. */
  facilitatorInvites: number;
}

/**
 * [AC5] A used or expired reset link is kept a day, so a second click on it is told "already used" or "expired"
 * rather than "not a link", then swept: it names an account and when its password was reset.
 */
export const RESET_LINK_KEPT_MS = DAY_MS;

/** Ended sessions whose group's retention has passed since they ended (live sessions never). */
function expiredSessions(db: Db, now: number) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('groups as g', 'g.id', 's.group_id')
    .select('s.id')
    .where('s.status', '=', 'ended')
    .where(sql<number>`s.ended_at + coalesce(g.records_retention_days, ${DEFAULT_RECORDS_RETENTION_DAYS}) * CAST(${DAY_MS} AS BIGINT)`, '<=', now);
}

/**
 * The retention sweep (docs/retention.md has the table of every table). Once a session's records expire:
 * [DS11] support records (cases with their timelines and conversations, and the backchannel) and [TT9] talk-time
 * figures are deleted; [RT1] everything else that names someone or records what they did is deleted, or kept
 * without the person: participants keep their role and join time under a pseudonym [RT2], invites lose their
 * label, the session its title. Live sessions and sessions within their retention are never touched [RT4].
 * Returns counts only: nothing about the records is logged.
 */
export async function purgeExpiredRecords(db: Db, now: number): Promise<SweepCounts> {
  const counts = await db.transaction().execute(async (trx) => {
    const expired = expiredSessions(trx, now);
    // Messages first: case messages also cascade with their case, backchannel ones belong to no case.
    const messages = await trx.deleteFrom('private_messages').where('session_id', 'in', expired).executeTakeFirst();
    await trx.deleteFrom('distress_events').where('alert_id', 'in', trx.selectFrom('distress_alerts').select('id').where('session_id', 'in', expired)).execute();
    const cases = await trx.deleteFrom('distress_alerts').where('session_id', 'in', expired).executeTakeFirst();
    // [TT9] Talk-time summaries follow the same retention (raw intervals are already gone at the end).
    const talkTime = await trx.deleteFrom('talk_totals').where('session_id', 'in', expired).executeTakeFirst();
    await trx.deleteFrom('talk_balance_samples').where('session_id', 'in', expired).execute();
    await trx.deleteFrom('talk_intervals').where('session_id', 'in', expired).execute();
    const signIns = await trx.deleteFrom('auth_sessions').where('expires_at', '<=', now).executeTakeFirst();
    const resetLinks = await trx
      .deleteFrom('password_resets')
      .where((eb) => eb.or([eb('used_at', '<=', now - RESET_LINK_KEPT_MS), eb('expires_at', '<=', now - RESET_LINK_KEPT_MS)]))
      .executeTakeFirst();
    // [CF1] Like reset links: kept a day so a second click hears "used", "withdrawn" or "expired", then gone (they hold an email).
    const kept = now - RESET_LINK_KEPT_MS;
    const facilitatorInvites = await trx
      .deleteFrom('facilitator_invites')
      .where((eb) => eb.or([eb('used_at', '<=', kept), eb('revoked_at', '<=', kept), eb('expires_at', '<=', kept)]))
      .executeTakeFirst();
    return {
      facilitatorInvites: Number(facilitatorInvites.numDeletedRows),
      cases: Number(cases.numDeletedRows),
      messages: Number(messages.numDeletedRows),
      talkTime: Number(talkTime.numDeletedRows),
      signIns: Number(signIns.numDeletedRows),
      resetLinks: Number(resetLinks.numDeletedRows),
    };
  });
  let sessions = 0;
  for (;;) {
    const done = await removePeopleFromExpiredSessions(db, now);
    sessions += done;
    if (done < BATCH) break;
  }
  return { ...counts, sessions };
}

/** [RT1] [RT2] One batch of expired sessions not yet swept: returns how many were. */
async function removePeopleFromExpiredSessions(db: Db, now: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('sessions')
      .select('id')
      .where('id', 'in', expiredSessions(trx, now))
      .where('records_expired_at', 'is', null)
      .orderBy('ended_at')
      .limit(BATCH)
      .execute();
    if (due.length === 0) return 0;
    const ids = due.map((s) => s.id);
    const people = await trx.selectFrom('participants').select(['id', 'session_id', 'role', 'created_at']).where('session_id', 'in', ids).execute();
    for (const sessionId of ids) {
      const names = pseudonymsFor(people.filter((p) => p.session_id === sessionId).map((p) => ({ id: p.id, role: p.role, joinedAt: Number(p.created_at) })));
      for (const [id, pseudonym] of names) {
        // The credential hash goes too: `expired:` can never be the SHA-256 hex of a presented token.
        await trx.updateTable('participants').set({ display_name: pseudonym, organisation: null, account_id: null, token_hash: `expired:${id}` }).where('id', '=', id).execute();
      }
    }
    const inSessions = trx.selectFrom('participants').select('id').where('session_id', 'in', ids);
    await trx.deleteFrom('rule_consents').where('participant_id', 'in', inSessions).execute();
    await trx.deleteFrom('participant_admissions').where('session_id', 'in', ids).execute();
    await trx.deleteFrom('participant_bans').where('session_id', 'in', ids).execute();
    await trx.deleteFrom('session_admission').where('session_id', 'in', ids).execute();
    await trx.deleteFrom('floor_turns').where('session_id', 'in', ids).execute();
    await trx.deleteFrom('live_snapshots').where('session_id', 'in', ids).execute();
    await trx.updateTable('invites').set({ label: null }).where('session_id', 'in', ids).execute();
    await trx.updateTable('sessions').set({ title: EXPIRED_SESSION_TITLE, media_key: null, records_expired_at: now }).where('id', 'in', ids).execute();
    return ids.length;
  });
}

/** Runs the sweep at start and then hourly; tests call `run()` with the app's clock moved forward. */
export class RetentionScheduler {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(everyMs = 3_600_000): void {
    void this.run();
    this.timer = setInterval(() => void this.run(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async run(): Promise<void> {
    try {
      const done = await purgeExpiredRecords(this.db, this.now());
      if (Object.values(done).some((n) => n > 0)) this.log.info(done, 'removed records past their retention');
    } catch (err) {
      this.log.error({ err }, 'retention sweep failed');
    }
  }
}

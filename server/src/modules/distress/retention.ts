import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { DEFAULT_RECORDS_RETENTION_DAYS } from '@hearth/shared';
import type { Db } from '../../db/index.js';

const DAY_MS = 86_400_000;

/**
 * [DS11] Support records (cases with their timelines and conversations, and the backchannel) are kept for
 * the group's retention period after a session ends, then deleted. Live sessions are never touched.
 * Returns how many cases and messages were deleted (counts only: nothing about them is logged).
 */
export async function purgeExpiredRecords(db: Db, now: number): Promise<{ cases: number; messages: number; talkTime: number }> {
  const expiredSessions = db
    .selectFrom('sessions as s')
    .innerJoin('groups as g', 'g.id', 's.group_id')
    .select('s.id')
    .where('s.status', '=', 'ended')
    .where(sql<number>`s.ended_at + coalesce(g.records_retention_days, ${DEFAULT_RECORDS_RETENTION_DAYS}) * CAST(${DAY_MS} AS BIGINT)`, '<=', now);
  return db.transaction().execute(async (trx) => {
    // Messages first: case messages also cascade with their case, backchannel ones belong to no case.
    const messages = await trx.deleteFrom('private_messages').where('session_id', 'in', expiredSessions).executeTakeFirst();
    await trx.deleteFrom('distress_events').where('alert_id', 'in', trx.selectFrom('distress_alerts').select('id').where('session_id', 'in', expiredSessions)).execute();
    const cases = await trx.deleteFrom('distress_alerts').where('session_id', 'in', expiredSessions).executeTakeFirst();
    // [TT9] Talk-time summaries follow the same retention (raw intervals are already gone at the end).
    const talkTime = await trx.deleteFrom('talk_totals').where('session_id', 'in', expiredSessions).executeTakeFirst();
    await trx.deleteFrom('talk_balance_samples').where('session_id', 'in', expiredSessions).execute();
    await trx.deleteFrom('talk_intervals').where('session_id', 'in', expiredSessions).execute();
    return { cases: Number(cases.numDeletedRows), messages: Number(messages.numDeletedRows), talkTime: Number(talkTime.numDeletedRows) };
  });
}

/** Runs the purge at start and then hourly. */
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
      const deleted = await purgeExpiredRecords(this.db, this.now());
      if (deleted.cases + deleted.messages + deleted.talkTime > 0) this.log.info(deleted, 'deleted support records past their retention');
    } catch (err) {
      this.log.error({ err }, 'retention purge failed');
    }
  }
}

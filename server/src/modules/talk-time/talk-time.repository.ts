import type { Role } from '@hearth/shared';
import type { Db } from '../../db/index.js';
import { newId } from '../../lib/index.js';
import type { Interval } from './intervals.js';
import type { StoredPerson } from './ledger.js';

export interface StoredTotal {
  participantId: string;
  displayName: string;
  role: Role;
  firstJoinedAt: number;
  talkMs: number;
  fairShare: number;
  turns: number;
}

export interface BalanceSample {
  at: number;
  balance: number | null;
  memberTalkMs: number;
}

/** Talk-time storage: raw intervals while a session is live, totals and balance samples afterwards. */
export function talkTimeRepository(db: Db) {
  return {
    /**
     * Everything stored for a live session, as ledger input. A presence period left open by a crash is
     * closed at the last moment the session is known to have been going (its latest stored time).
     */
    async load(sessionId: string): Promise<StoredPerson[]> {
      const rows = await db
        .selectFrom('talk_intervals as t')
        .innerJoin('participants as p', 'p.id', 't.participant_id')
        .select(['t.participant_id', 't.kind', 't.start_at', 't.end_at', 'p.display_name', 'p.role'])
        .where('t.session_id', '=', sessionId)
        .execute();
      const lastKnown = Math.max(0, ...rows.map((r) => Number(r.end_at ?? r.start_at)));
      const people = new Map<string, StoredPerson>();
      for (const row of rows) {
        const person = people.get(row.participant_id) ?? { id: row.participant_id, displayName: row.display_name, role: row.role, speech: [], presence: [] };
        people.set(row.participant_id, person);
        const interval: Interval = [Number(row.start_at), Number(row.end_at ?? lastKnown)];
        (row.kind === 'speech' ? person.speech : person.presence).push(interval);
      }
      return [...people.values()];
    },

    async insertInterval(sessionId: string, participantId: string, kind: 'speech' | 'presence', start: number, end: number | null): Promise<string> {
      const id = newId();
      await db.insertInto('talk_intervals').values({ id, session_id: sessionId, participant_id: participantId, kind, start_at: start, end_at: end }).execute();
      return id;
    },

    async setIntervalEnd(id: string, end: number): Promise<void> {
      await db.updateTable('talk_intervals').set({ end_at: end }).where('id', '=', id).execute();
    },

    async saveSample(sessionId: string, sample: BalanceSample): Promise<void> {
      await db
        .insertInto('talk_balance_samples')
        .values({ session_id: sessionId, at: sample.at, balance: sample.balance, member_talk_ms: sample.memberTalkMs })
        .onConflict((oc) => oc.columns(['session_id', 'at']).doNothing())
        .execute();
    },

    /** [TT9] As a session ends: keep the totals and the last sample, delete every raw interval, at once. */
    async finish(sessionId: string, totals: readonly StoredTotal[], last: BalanceSample): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('talk_totals').where('session_id', '=', sessionId).execute();
        if (totals.length > 0) {
          await trx
            .insertInto('talk_totals')
            .values(
              totals.map((t) => ({
                session_id: sessionId,
                participant_id: t.participantId,
                role: t.role,
                first_joined_at: t.firstJoinedAt,
                talk_ms: t.talkMs,
                fair_share: t.fairShare,
                turns: t.turns,
              })),
            )
            .execute();
        }
        await trx
          .insertInto('talk_balance_samples')
          .values({ session_id: sessionId, at: last.at, balance: last.balance, member_talk_ms: last.memberTalkMs })
          .onConflict((oc) => oc.columns(['session_id', 'at']).doUpdateSet({ balance: last.balance, member_talk_ms: last.memberTalkMs }))
          .execute();
        await trx.deleteFrom('talk_intervals').where('session_id', '=', sessionId).execute();
      });
    },

    async totals(sessionId: string): Promise<StoredTotal[]> {
      const rows = await db
        .selectFrom('talk_totals as t')
        .innerJoin('participants as p', 'p.id', 't.participant_id')
        .select(['t.participant_id', 'p.display_name', 't.role', 't.first_joined_at', 't.talk_ms', 't.fair_share', 't.turns'])
        .where('t.session_id', '=', sessionId)
        .orderBy('t.first_joined_at')
        .orderBy('t.participant_id')
        .execute();
      return rows.map((r) => ({
        participantId: r.participant_id,
        displayName: r.display_name,
        role: r.role,
        firstJoinedAt: Number(r.first_joined_at),
        talkMs: Number(r.talk_ms),
        fairShare: Number(r.fair_share),
        turns: Number(r.turns),
      }));
    },

    async samples(sessionId: string): Promise<BalanceSample[]> {
      const rows = await db.selectFrom('talk_balance_samples').selectAll().where('session_id', '=', sessionId).orderBy('at').execute();
      return rows.map((r) => ({ at: Number(r.at), balance: r.balance === null ? null : Number(r.balance), memberTalkMs: Number(r.member_talk_ms) }));
    },

    /** The group's setting for the session: whether members see their own share. */
    async membersSeeOwnShare(sessionId: string): Promise<boolean> {
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('groups as g', 'g.id', 's.group_id')
        .select('g.talk_members_see_own_share')
        .where('s.id', '=', sessionId)
        .executeTakeFirst();
      return row?.talk_members_see_own_share === 1;
    },

    async setMembersSeeOwnShare(sessionId: string, value: boolean): Promise<void> {
      await db
        .updateTable('groups')
        .set({ talk_members_see_own_share: value ? 1 : 0 })
        .where('id', '=', db.selectFrom('sessions').select('group_id').where('id', '=', sessionId))
        .execute();
    },
  };
}
export type TalkTimeRepository = ReturnType<typeof talkTimeRepository>;

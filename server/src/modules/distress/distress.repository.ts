import type { DistressAlert, DistressCaseStatus, DistressLevel, DistressTimelineEntry } from '@hearth/shared';
import type { Db } from '../../db/index.js';
import type { DistressEventsTable } from '../../db/index.js';
import { newId } from '../../lib/index.js';

type EventKind = DistressEventsTable['kind'];

/** Cases as facilitators see them, with the names of who raised and who acknowledged them. */
function caseQuery(db: Db) {
  return db
    .selectFrom('distress_alerts as a')
    .innerJoin('participants as p', 'p.id', 'a.participant_id')
    .leftJoin('participants as ack', 'ack.id', 'a.acknowledged_by')
    .leftJoin('participants as opener', 'opener.id', 'a.opened_by')
    .select([
      'a.id',
      'a.session_id',
      'a.participant_id',
      'a.level',
      'a.note',
      'a.status',
      'a.raised_at',
      'a.re_alerts',
      'a.acknowledged_at',
      'a.acknowledged_by',
      'p.display_name',
      'ack.display_name as acknowledged_by_name',
      'a.opened_by',
      'opener.display_name as opened_by_name',
      'a.member_included_at',
    ]);
}
type CaseRow = Awaited<ReturnType<ReturnType<typeof caseQuery>['executeTakeFirstOrThrow']>>;

async function timelines(db: Db, alertIds: string[]): Promise<Map<string, DistressTimelineEntry[]>> {
  const byAlert = new Map<string, DistressTimelineEntry[]>(alertIds.map((id) => [id, []]));
  if (alertIds.length === 0) return byAlert;
  const rows = await db
    .selectFrom('distress_events as e')
    .leftJoin('participants as p', 'p.id', 'e.by_participant_id')
    .select(['e.alert_id', 'e.at', 'e.kind', 'e.by_participant_id', 'p.display_name'])
    .where('e.alert_id', 'in', alertIds)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
  for (const row of rows) {
    byAlert.get(row.alert_id)?.push({
      at: row.at,
      kind: row.kind,
      by: row.by_participant_id ? { id: row.by_participant_id, displayName: row.display_name ?? '' } : null,
    });
  }
  return byAlert;
}

function toCase(row: CaseRow, timeline: DistressTimelineEntry[]): DistressAlert {
  return {
    id: row.id,
    participantId: row.participant_id,
    displayName: row.display_name,
    level: row.level,
    note: row.note,
    raisedAt: row.raised_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by ? { id: row.acknowledged_by, displayName: row.acknowledged_by_name ?? '' } : null,
    openedBy: row.opened_by ? { id: row.opened_by, displayName: row.opened_by_name ?? '' } : null,
    memberIncludedAt: row.member_included_at,
    status: row.status,
    reAlerts: row.re_alerts,
    timeline,
  };
}

export function distressRepository(db: Db) {
  async function withTimelines(rows: CaseRow[]): Promise<DistressAlert[]> {
    const lines = await timelines(db, rows.map((r) => r.id));
    return rows.map((row) => toCase(row, lines.get(row.id) ?? []));
  }

  async function record(trx: Db, alertId: string, kind: EventKind, at: number, by: string | null): Promise<void> {
    await trx.insertInto('distress_events').values({ id: newId(), alert_id: alertId, at, kind, by_participant_id: by }).execute();
  }

  return {
    /** Stores the case and its first timeline entry together: either both exist or neither does. */
    async raise(
      input: { sessionId: string; participantId: string; level: DistressLevel; note: string | null; openedBy?: string },
      now: number,
    ): Promise<DistressAlert> {
      const id = newId();
      const openedBy = input.openedBy ?? null;
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('distress_alerts')
          .values({
            id,
            session_id: input.sessionId,
            participant_id: input.participantId,
            level: input.level,
            note: input.note,
            opened_by: openedBy,
            // A facilitator opening a case is already handling it; nobody needs alerting.
            status: openedBy ? 'acknowledged' : 'raised',
            raised_at: now,
            last_alerted_at: now,
            acknowledged_at: openedBy ? now : null,
            acknowledged_by: openedBy,
            member_included_at: openedBy ? null : now,
          })
          .execute();
        await record(trx, id, 'raised', now, openedBy);
        if (openedBy) await record(trx, id, 'acknowledged', now, openedBy);
      });
      const created = await this.find(input.sessionId, id);
      if (!created) throw new Error('distress case vanished after insert');
      return created;
    },

    async find(sessionId: string, alertId: string): Promise<DistressAlert | undefined> {
      const row = await caseQuery(db).where('a.id', '=', alertId).where('a.session_id', '=', sessionId).executeTakeFirst();
      return row && (await withTimelines([row]))[0];
    },

    /** Every case of a session, resolved or not, oldest first: the facilitators' record. */
    async listAll(sessionId: string): Promise<DistressAlert[]> {
      return withTimelines(await caseQuery(db).where('a.session_id', '=', sessionId).orderBy('a.raised_at').execute());
    },

    /** Cases not yet resolved, oldest first: what a (re)joining facilitator must see. */
    async listOpen(sessionId: string): Promise<DistressAlert[]> {
      return withTimelines(await caseQuery(db).where('a.session_id', '=', sessionId).where('a.status', '!=', 'resolved').orderBy('a.raised_at').execute());
    },

    /**
     * Moves a case to `status` if it is still in `from` (a compare-and-set, so two facilitators acting at
     * once cannot both win), recording who did it. Returns whether this call made the change.
     */
    async transition(
      sessionId: string,
      alertId: string,
      change: { from: DistressCaseStatus; to: DistressCaseStatus; kind: EventKind; by: string; acknowledges: boolean },
      now: number,
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('distress_alerts')
          .set(change.acknowledges ? { status: change.to, acknowledged_at: now, acknowledged_by: change.by } : { status: change.to })
          .where('id', '=', alertId)
          .where('session_id', '=', sessionId)
          .where('status', '=', change.from)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await record(trx, alertId, change.kind, now, change.by);
        return true;
      });
    },

    /**
     * [DS15] The member's level and note after the one-tap request, on their own request only and only while it is
     * open (one statement, so a resolve at the same moment wins or loses whole). Returns whether it changed.
     */
    async amend(sessionId: string, alertId: string, participantId: string, change: { level?: DistressLevel; note?: string }): Promise<boolean> {
      const result = await db
        .updateTable('distress_alerts')
        .set({ ...(change.level ? { level: change.level } : {}), ...(change.note !== undefined ? { note: change.note } : {}) })
        .where('id', '=', alertId)
        .where('session_id', '=', sessionId)
        .where('participant_id', '=', participantId)
        .where('opened_by', 'is', null)
        .where('status', '!=', 'resolved')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** [DS14] Brings the member into a case's conversation, once; returns whether this call did it. */
    async includeMember(sessionId: string, alertId: string, now: number): Promise<boolean> {
      const result = await db
        .updateTable('distress_alerts')
        .set({ member_included_at: now })
        .where('id', '=', alertId)
        .where('session_id', '=', sessionId)
        .where('member_included_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Raised cases whose last alert is older than `olderThan`, across all sessions, oldest first. */
    async dueForReAlert(olderThan: number): Promise<{ id: string; sessionId: string }[]> {
      const rows = await db
        .selectFrom('distress_alerts')
        .select(['id', 'session_id'])
        .where('status', '=', 'raised')
        .where('last_alerted_at', '<=', olderThan)
        .orderBy('last_alerted_at')
        .limit(500)
        .execute();
      return rows.map((r) => ({ id: r.id, sessionId: r.session_id }));
    },

    /**
     * [DS6] [ND9] Takes one re-alert of a request still raised and last alerted at or before `dueBefore`, as a
     * compare-and-set: of several nodes passing over the same due request, exactly one gets `true` and alerts;
     * the others find the row already moved on (the database decides, not timing).
     */
    async markReAlerted(alertId: string, now: number, dueBefore: number = now): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('distress_alerts')
          .set((eb) => ({ last_alerted_at: now, re_alerts: eb('re_alerts', '+', 1) }))
          .where('id', '=', alertId)
          .where('status', '=', 'raised')
          .where('last_alerted_at', '<=', dueBefore)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) return false;
        await record(trx, alertId, 're_alerted', now, null);
        return true;
      });
    },
  };
}
export type DistressRepository = ReturnType<typeof distressRepository>;

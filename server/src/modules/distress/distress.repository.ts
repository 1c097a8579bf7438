import type { DistressAlert, DistressLevel } from '@hearth/shared';
import type { Db } from '../../db/database.js';
import { newId } from '../../lib/secrets.js';

/** Alerts as facilitators see them, with the names of who raised and who acknowledged them. */
function baseQuery(db: Db) {
  return db
    .selectFrom('distress_alerts as a')
    .innerJoin('participants as p', 'p.id', 'a.participant_id')
    .leftJoin('participants as ack', 'ack.id', 'a.acknowledged_by')
    .select([
      'a.id',
      'a.session_id',
      'a.participant_id',
      'a.level',
      'a.note',
      'a.raised_at',
      'a.acknowledged_at',
      'a.acknowledged_by',
      'p.display_name',
      'ack.display_name as acknowledged_by_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toAlert(row: Row): DistressAlert {
  return {
    id: row.id,
    participantId: row.participant_id,
    displayName: row.display_name,
    level: row.level,
    note: row.note,
    raisedAt: row.raised_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by ? { id: row.acknowledged_by, displayName: row.acknowledged_by_name ?? '' } : null,
  };
}

export function distressRepository(db: Db) {
  return {
    async raise(input: { sessionId: string; participantId: string; level: DistressLevel; note: string | null }, now: number): Promise<DistressAlert> {
      const id = newId();
      await db
        .insertInto('distress_alerts')
        .values({ id, session_id: input.sessionId, participant_id: input.participantId, level: input.level, note: input.note, raised_at: now, acknowledged_at: null, acknowledged_by: null })
        .execute();
      const alert = await this.find(input.sessionId, id);
      if (!alert) throw new Error('distress alert vanished after insert');
      return alert;
    },

    async find(sessionId: string, alertId: string): Promise<DistressAlert | undefined> {
      const row = await baseQuery(db).where('a.id', '=', alertId).where('a.session_id', '=', sessionId).executeTakeFirst();
      return row && toAlert(row);
    },

    /** Unacknowledged alerts of a session, oldest first: what a (re)joining facilitator must see. */
    async listOpen(sessionId: string): Promise<DistressAlert[]> {
      const rows = await baseQuery(db).where('a.session_id', '=', sessionId).where('a.acknowledged_at', 'is', null).orderBy('a.raised_at').execute();
      return rows.map(toAlert);
    },

    /** The first acknowledgement wins; a later one leaves the record as it was. */
    async acknowledge(sessionId: string, alertId: string, byParticipantId: string, now: number): Promise<DistressAlert | undefined> {
      await db
        .updateTable('distress_alerts')
        .set({ acknowledged_at: now, acknowledged_by: byParticipantId })
        .where('id', '=', alertId)
        .where('session_id', '=', sessionId)
        .where('acknowledged_at', 'is', null)
        .execute();
      return this.find(sessionId, alertId);
    },
  };
}
export type DistressRepository = ReturnType<typeof distressRepository>;

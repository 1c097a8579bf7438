import type { Session } from '@hearth/shared';
import type { Db } from '../../db/index.js';
import type { SessionsTable } from '../../db/index.js';
import { newId } from '../../lib/index.js';

function toSession(row: SessionsTable): Session {
  const session: Session = { id: row.id, groupId: row.group_id, title: row.title, status: row.status, startedAt: row.started_at, endedAt: row.ended_at };
  return row.records_expired_at === null ? session : { ...session, recordsExpiredAt: Number(row.records_expired_at) };
}

export function sessionsRepository(db: Db) {
  return {
    /** `mediaKey`: [LE1] the session's end-to-end media key when its group encrypts media (never returned). */
    async start(groupId: string, title: string, now: number, mediaKey: string | null = null): Promise<Session> {
      const row: SessionsTable = { id: newId(), group_id: groupId, title, status: 'live', started_at: now, ended_at: null, media_key: mediaKey, records_expired_at: null };
      await db.insertInto('sessions').values(row).execute();
      return toSession(row);
    },

    async listForGroup(groupId: string): Promise<Session[]> {
      const rows = await db.selectFrom('sessions').selectAll().where('group_id', '=', groupId).orderBy('started_at', 'desc').execute();
      return rows.map(toSession);
    },

    async find(sessionId: string): Promise<Session | undefined> {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
      return row && toSession(row);
    },

    /** [LE1] The live session's end-to-end media key, or null when its media is not encrypted. */
    async mediaKey(sessionId: string): Promise<string | null> {
      const row = await db.selectFrom('sessions').select('media_key').where('id', '=', sessionId).where('status', '=', 'live').executeTakeFirst();
      return row?.media_key ?? null;
    },

    /** [LE4] Replaces a live session's media key (only one that has a key: encryption is never turned on mid-session). */
    async replaceMediaKey(sessionId: string, mediaKey: string): Promise<boolean> {
      const result = await db.updateTable('sessions').set({ media_key: mediaKey }).where('id', '=', sessionId).where('status', '=', 'live').where('media_key', 'is not', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async end(sessionId: string, now: number): Promise<Session | undefined> {
      // [LE1] The media key goes with the session: nothing recorded later could be decrypted with it.
      await db.updateTable('sessions').set({ status: 'ended', ended_at: now, media_key: null }).where('id', '=', sessionId).where('status', '=', 'live').execute();
      return this.find(sessionId);
    },
  };
}
export type SessionsRepository = ReturnType<typeof sessionsRepository>;

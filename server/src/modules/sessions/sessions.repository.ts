import type { Session } from '@hearth/shared';
import type { Db } from '../../db/index.js';
import type { SessionsTable } from '../../db/index.js';
import { newId } from '../../lib/index.js';

function toSession(row: SessionsTable): Session {
  return { id: row.id, groupId: row.group_id, title: row.title, status: row.status, startedAt: row.started_at, endedAt: row.ended_at };
}

export function sessionsRepository(db: Db) {
  return {
    async start(groupId: string, title: string, now: number): Promise<Session> {
      const row: SessionsTable = { id: newId(), group_id: groupId, title, status: 'live', started_at: now, ended_at: null };
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

    async end(sessionId: string, now: number): Promise<Session | undefined> {
      await db.updateTable('sessions').set({ status: 'ended', ended_at: now }).where('id', '=', sessionId).where('status', '=', 'live').execute();
      return this.find(sessionId);
    },
  };
}
export type SessionsRepository = ReturnType<typeof sessionsRepository>;

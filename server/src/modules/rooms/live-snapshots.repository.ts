import type { Db } from '../../db/index.js';

/**
 * [RS4] Rooms' live state across a graceful restart (migration 011): written as the server drains, taken
 * (read and deleted in one transaction) as the next process starts, so a snapshot is restored at most once.
 */
export function liveSnapshotsRepository(db: Db) {
  return {
    async save(snapshots: readonly { sessionId: string; state: string }[], savedAt: number): Promise<void> {
      if (snapshots.length === 0) return;
      await db.transaction().execute(async (tx) => {
        for (const { sessionId, state } of snapshots) {
          await tx.insertInto('live_snapshots').values({ session_id: sessionId, state, saved_at: savedAt })
            .onConflict((oc) => oc.column('session_id').doUpdateSet({ state, saved_at: savedAt })).execute();
        }
      });
    },

    /** Every snapshot of a session still live, removing all of them (an ended session's state is of no use). */
    async takeAll(): Promise<{ sessionId: string; state: string; savedAt: number }[]> {
      return db.transaction().execute(async (tx) => {
        const rows = await tx.selectFrom('live_snapshots').innerJoin('sessions', 'sessions.id', 'live_snapshots.session_id')
          .select(['live_snapshots.session_id', 'live_snapshots.state', 'live_snapshots.saved_at']).where('sessions.status', '=', 'live').execute();
        await tx.deleteFrom('live_snapshots').execute();
        return rows.map((row) => ({ sessionId: row.session_id, state: row.state, savedAt: Number(row.saved_at) }));
      });
    },
  };
}
export type LiveSnapshotsRepository = ReturnType<typeof liveSnapshotsRepository>;

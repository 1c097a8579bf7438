import type { Kysely } from 'kysely';

/**
 * [RS4] The live state of each room (hands, the floor, the go-round, the agenda phase), written once as the
 * server stops gracefully and taken back (and deleted) as the next process starts. Rows live seconds; a
 * session's row goes with the session.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('live_snapshots')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('live_snapshots').execute();
}

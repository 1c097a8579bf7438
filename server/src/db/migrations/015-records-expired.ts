import type { Kysely } from 'kysely';

/**
 * [RT1] When a session's records expired (the group's retention after it ended) and the retention sweep removed
 * its names, labels and free text (modules/retention). Null while the session is within its retention, and for
 * every session that existed before: the next sweep catches up on those already past theirs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('records_expired_at', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('records_expired_at').execute();
}

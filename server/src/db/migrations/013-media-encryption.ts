import type { Kysely } from 'kysely';

/**
 * [LE1] End-to-end media encryption in LiveKit mode: the group's setting (1 on; null, as for every group
 * that existed before, or 0 off) and each session's key, drawn when the session starts with the setting
 * on and cleared when it ends. The key is never sent to LiveKit, never logged, and only given to people
 * admitted to the room.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('groups').addColumn('media_encryption', 'integer').execute();
  await db.schema.alterTable('sessions').addColumn('media_key', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('media_key').execute();
  await db.schema.alterTable('groups').dropColumn('media_encryption').execute();
}

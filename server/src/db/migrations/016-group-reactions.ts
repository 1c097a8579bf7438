import type { Kysely } from 'kysely';

/**
 * [RX3] Whether a group's sessions have quiet reactions: 0 turns them off; null (every group that existed
 * before, and new ones) means on. Only the setting is stored: reactions themselves never reach the database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('groups').addColumn('reactions_enabled', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('groups').dropColumn('reactions_enabled').execute();
}

import type { Kysely } from 'kysely';

/**
 * Per-group support details set by facilitators: crisis resources (shown privately to a member who asks
 * for support) and emergency contacts (facilitators only).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('groups').addColumn('crisis_resources', 'text').execute();
  await db.schema.alterTable('groups').addColumn('emergency_contacts', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('groups').dropColumn('emergency_contacts').execute();
  await db.schema.alterTable('groups').dropColumn('crisis_resources').execute();
}

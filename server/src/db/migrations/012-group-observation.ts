import type { Kysely } from 'kysely';

/**
 * [SV6] Whether a group allows a supervisor to observe its sessions: 0 turns observation off; null (every
 * group that existed before) keeps the behaviour they had, observation allowed and made known to members.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('groups').addColumn('observation_allowed', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('groups').dropColumn('observation_allowed').execute();
}

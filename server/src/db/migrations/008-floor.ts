import type { Kysely } from 'kysely';

/**
 * Hands, rounds and nudges. What is kept is only what the session summary counts (rounds held, turns
 * given), with no person attached, and each group's wording for private nudges. Who raised a hand or
 * received a nudge lives in memory for the live session only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('floor_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .execute();
  await db.schema.createIndex('floor_rounds_session_idx').on('floor_rounds').column('session_id').execute();

  // One row per turn offered (the floor given from the queue, or a turn in a round): a count, no person.
  await db.schema
    .createTable('floor_turns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.references('floor_rounds.id').onDelete('set null'))
    .addColumn('given_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('floor_turns_session_idx').on('floor_turns').column('session_id').execute();

  await db.schema
    .createTable('group_nudge_wordings')
    .addColumn('group_id', 'text', (c) => c.primaryKey().references('groups.id').onDelete('cascade'))
    .addColumn('make_space', 'text', (c) => c.notNull())
    .addColumn('invite', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('group_nudge_wordings').execute();
  await db.schema.dropTable('floor_turns').execute();
  await db.schema.dropTable('floor_rounds').execute();
}

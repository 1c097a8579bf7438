import type { Kysely } from 'kysely';

/**
 * The moderation set: per-session admission settings (waiting room, lock), who has been admitted to a
 * session (so a dropped connection never means waiting again, and a lock never shuts out someone
 * already in), bans (so a banned credential or link is refused for the rest of the session), and each
 * group's waiting-room welcome text. New tables only: no shipped table changes shape.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('session_admission')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions.id').onDelete('cascade'))
    .addColumn('waiting_room', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('participant_admissions')
    .addColumn('participant_id', 'text', (c) => c.primaryKey().references('participants.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('admitted_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('participant_bans')
    .addColumn('participant_id', 'text', (c) => c.primaryKey().references('participants.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('invite_id', 'text', (c) => c.references('invites.id').onDelete('cascade'))
    .addColumn('banned_by', 'text', (c) => c.references('participants.id').onDelete('set null'))
    .addColumn('banned_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('participant_bans_invite').on('participant_bans').column('invite_id').execute();
  await db.schema
    .createTable('group_welcome')
    .addColumn('group_id', 'text', (c) => c.primaryKey().references('groups.id').onDelete('cascade'))
    .addColumn('welcome_text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('group_welcome').execute();
  await db.schema.dropTable('participant_bans').execute();
  await db.schema.dropTable('participant_admissions').execute();
  await db.schema.dropTable('session_admission').execute();
}

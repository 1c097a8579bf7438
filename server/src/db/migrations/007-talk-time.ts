import { sql, type Kysely } from 'kysely';

/**
 * Talk-time measurement (docs/spec.md TT1-TT9):
 * - talk_intervals: raw credited speech and presence periods per participant, kept only while the session
 *   is live (so totals survive reconnects and a restart) and deleted when it ends;
 * - talk_totals and talk_balance_samples: what the after-session summary shows, kept per the group's
 *   records retention;
 * - groups.talk_members_see_own_share: the facilitator's setting for members' private meters.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('talk_intervals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('speech', 'presence')`))
    .addColumn('start_at', 'bigint', (c) => c.notNull())
    // Null for a presence period still open (closed on leaving, or at load after a crash).
    .addColumn('end_at', 'bigint')
    .execute();
  await db.schema.createIndex('talk_intervals_session').on('talk_intervals').column('session_id').execute();

  await db.schema
    .createTable('talk_totals')
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('first_joined_at', 'bigint', (c) => c.notNull())
    .addColumn('talk_ms', 'bigint', (c) => c.notNull())
    .addColumn('fair_share', 'double precision', (c) => c.notNull())
    .addColumn('turns', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('talk_totals_pk', ['session_id', 'participant_id'])
    .execute();

  await db.schema
    .createTable('talk_balance_samples')
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('balance', 'double precision')
    .addColumn('member_talk_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('talk_balance_samples_pk', ['session_id', 'at'])
    .execute();

  await db.schema.alterTable('groups').addColumn('talk_members_see_own_share', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('groups').dropColumn('talk_members_see_own_share').execute();
  await db.schema.dropTable('talk_balance_samples').execute();
  await db.schema.dropTable('talk_totals').execute();
  await db.schema.dropTable('talk_intervals').execute();
}

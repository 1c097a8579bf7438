import type { Kysely } from 'kysely';

/** Distress alerts: kept so none is lost across restarts; visible only to the group's facilitators. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('distress_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('raised_at', 'bigint', (c) => c.notNull())
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('acknowledged_by', 'text', (c) => c.references('participants.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('distress_alerts_session_idx').on('distress_alerts').columns(['session_id', 'acknowledged_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('distress_alerts').execute();
}

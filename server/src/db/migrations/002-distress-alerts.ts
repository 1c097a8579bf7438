import type { Kysely } from 'kysely';

/**
 * Distress cases and their timelines: kept so none is lost across restarts, visible only to the group's
 * facilitators. The raiser is a participant; `by_participant_id` is the facilitator who acted (null for
 * the system's own re-alerts and for the raise itself).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('distress_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    // Set when a facilitator opened the case about a member (who is not told); null when the member raised it.
    .addColumn('opened_by', 'text', (c) => c.references('participants.id').onDelete('set null'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'bigint', (c) => c.notNull())
    .addColumn('last_alerted_at', 'bigint', (c) => c.notNull())
    .addColumn('re_alerts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('acknowledged_by', 'text', (c) => c.references('participants.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('distress_alerts_session_idx').on('distress_alerts').columns(['session_id', 'status']).execute();
  await db.schema.createIndex('distress_alerts_status_idx').on('distress_alerts').columns(['status', 'last_alerted_at']).execute();

  await db.schema
    .createTable('distress_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('distress_alerts.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('by_participant_id', 'text', (c) => c.references('participants.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('distress_events_alert_idx').on('distress_events').columns(['alert_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('distress_events').execute();
  await db.schema.dropTable('distress_alerts').execute();
}

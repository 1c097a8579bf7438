import type { Kysely } from 'kysely';

/** Private text: a support request's conversation, or the facilitators' backchannel of a session. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('private_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text', (c) => c.references('distress_alerts.id').onDelete('cascade'))
    .addColumn('sender_participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('private_messages_channel_idx').on('private_messages').columns(['session_id', 'channel', 'alert_id', 'sent_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('private_messages').execute();
}

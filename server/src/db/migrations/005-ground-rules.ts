import type { Kysely } from 'kysely';

/**
 * Ground rules as versions (one row per version of a group's rules; rows are never updated, so every
 * older version stays readable) and consent records (who agreed to which version, when).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rule_sets')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('confidentiality', 'text', (c) => c.notNull())
    // JSON array of { id, text }: read and written whole, never queried inside.
    .addColumn('rules_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // Two facilitators saving at once cannot both make version n+1.
    .addPrimaryKeyConstraint('rule_sets_pk', ['group_id', 'version'])
    .execute();
  await db.schema
    .createTable('rule_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('invite_id', 'text', (c) => c.references('invites.id').onDelete('set null'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('consented_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rule_consents_participant_idx').on('rule_consents').columns(['participant_id', 'group_id', 'version']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rule_consents').execute();
  await db.schema.dropTable('rule_sets').execute();
}

import type { Kysely } from 'kysely';

/** Each group's agenda (the phases of its sessions), saved whole; no row means the default phases. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('group_agendas')
    .addColumn('group_id', 'text', (c) => c.primaryKey().references('groups.id').onDelete('cascade'))
    // JSON array of { id, name, opensRules } in order: read and written whole, never queried inside.
    .addColumn('phases_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('group_agendas').execute();
}

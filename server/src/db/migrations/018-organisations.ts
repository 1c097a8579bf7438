import type { Kysely } from 'kysely';

/**
 * [OR1]-[OR5] Organisations (issue 15, item 1).
 * - `organisations`: a name, nothing else about the organisation itself.
 * - `organisation_members`: which accounts belong to which organisation, as `admin` or `member`.
 * - `organisation_contacts`: people at the organisation to send reports to (a name and an email).
 * - `groups.host_organisation_id`: the organisation a group is hosted under, if any.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('organisation_members')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('organisation_members_pk', ['organisation_id', 'account_id'])
    .execute();
  await db.schema.createIndex('organisation_members_account_idx').on('organisation_members').column('account_id').execute();
  await db.schema
    .createTable('organisation_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organisation_contacts_org_idx').on('organisation_contacts').column('organisation_id').execute();
  await db.schema.alterTable('groups').addColumn('host_organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('groups').dropColumn('host_organisation_id').execute();
  await db.schema.dropTable('organisation_contacts').execute();
  await db.schema.dropTable('organisation_members').execute();
  await db.schema.dropTable('organisations').execute();
}

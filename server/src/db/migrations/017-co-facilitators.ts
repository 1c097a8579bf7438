import type { Kysely } from 'kysely';

/**
 * [CF1]-[CF6] More than one facilitator (issue 15, item 1, first slice).
 * - `facilitator_invites`: one-time links an account holder makes for another facilitator. Only the SHA-256 of
 *   the token is stored (like reset links); a link is used once, expires, and its maker can revoke it.
 * - `group_co_facilitators`: accounts that co-run a group with its host (`groups.owner_account_id`). Removing the
 *   row is removing the co-facilitator: every check reads it on the request.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('facilitator_invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('facilitator_invites_by_idx').on('facilitator_invites').column('invited_by').execute();
  await db.schema
    .createTable('group_co_facilitators')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_co_facilitators_pk', ['group_id', 'account_id'])
    .execute();
  await db.schema.createIndex('group_co_facilitators_account_idx').on('group_co_facilitators').column('account_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('group_co_facilitators').execute();
  await db.schema.dropTable('facilitator_invites').execute();
}

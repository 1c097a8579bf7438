import type { Kysely } from 'kysely';

/**
 * [AC5]-[AC8] Accounts people can keep (issue 17, item 2).
 * - `password_resets`: one-time links to set a password (forgot password, the operator's `npm run reset-link`,
 *   a new account from `npm run account -- add`). Only the SHA-256 of the token is stored, like sign-in tokens.
 * - `accounts.session_generation` and `auth_sessions.generation`: "sign out everywhere" (and a password reset)
 *   bumps the account's generation; a sign-in whose generation is older is refused on its next request.
 * - `accounts.disabled_at`: an operator's `npm run account -- disable`; a disabled account cannot sign in or
 *   use a sign-in it already had.
 * Landed after 015 on main: the migrator allows that order (db/database.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('session_generation', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('accounts').addColumn('disabled_at', 'bigint').execute();
  await db.schema.alterTable('auth_sessions').addColumn('generation', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('password_resets_account_idx').on('password_resets').column('account_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('password_resets').execute();
  await db.schema.alterTable('auth_sessions').dropColumn('generation').execute();
  await db.schema.alterTable('accounts').dropColumn('disabled_at').execute();
  await db.schema.alterTable('accounts').dropColumn('session_generation').execute();
}

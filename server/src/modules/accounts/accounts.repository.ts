import type { Account } from '@hearth/shared';
import type { Db } from '../../db/index.js';
import { hashToken, newId, newToken } from '../../lib/index.js';

const SIGN_IN_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface AccountRecord extends Account {
  passwordHash: string;
}

export function accountsRepository(db: Db) {
  return {
    async count(): Promise<number> {
      const row = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async create(input: { email: string; displayName: string; passwordHash: string }, now: number): Promise<Account> {
      const account = { id: newId(), email: input.email.toLowerCase(), displayName: input.displayName };
      await db
        .insertInto('accounts')
        .values({ id: account.id, email: account.email, display_name: account.displayName, password_hash: input.passwordHash, created_at: now })
        .execute();
      return account;
    },

    async findByEmail(email: string): Promise<AccountRecord | undefined> {
      const row = await db.selectFrom('accounts').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
      return row && { id: row.id, email: row.email, displayName: row.display_name, passwordHash: row.password_hash };
    },

    /** Starts a sign-in session and returns the cookie value; only its hash is stored. */
    async startSignIn(accountId: string, now: number): Promise<{ token: string; expiresAt: number }> {
      const token = newToken();
      const expiresAt = now + SIGN_IN_LIFETIME_MS;
      await db.insertInto('auth_sessions').values({ token_hash: hashToken(token), account_id: accountId, created_at: now, expires_at: expiresAt }).execute();
      return { token, expiresAt };
    },

    async accountForSignIn(token: string, now: number): Promise<Account | undefined> {
      const row = await db
        .selectFrom('auth_sessions')
        .innerJoin('accounts', 'accounts.id', 'auth_sessions.account_id')
        .select(['accounts.id', 'accounts.email', 'accounts.display_name', 'auth_sessions.expires_at'])
        .where('auth_sessions.token_hash', '=', hashToken(token))
        .executeTakeFirst();
      if (!row || row.expires_at <= now) return undefined;
      return { id: row.id, email: row.email, displayName: row.display_name };
    },

    async endSignIn(token: string): Promise<void> {
      await db.deleteFrom('auth_sessions').where('token_hash', '=', hashToken(token)).execute();
    },
  };
}
export type AccountsRepository = ReturnType<typeof accountsRepository>;

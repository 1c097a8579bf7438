import type { Account } from '@hearth/shared';
import type { Db } from '../../db/index.js';
import { hashToken, newId, newToken } from '../../lib/index.js';

const SIGN_IN_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** [AC7] What an account made by the operator holds until its set-password link is used: no password matches it. */
export const NO_PASSWORD_YET = 'unset';

export interface AccountRecord extends Account {
  passwordHash: string;
  disabledAt: number | null;
}

/** What a sign-in cookie stands for on this request. */
export type SignInCheck = { ok: true; account: Account } | { ok: false; code: 'account_disabled' } | undefined;

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
      return row && { id: row.id, email: row.email, displayName: row.display_name, passwordHash: row.password_hash, disabledAt: row.disabled_at };
    },

    /** Starts a sign-in session and returns the cookie value; only its hash is stored. */
    async startSignIn(accountId: string, now: number): Promise<{ token: string; expiresAt: number }> {
      const token = newToken();
      const expiresAt = now + SIGN_IN_LIFETIME_MS;
      const { session_generation: generation } = await db.selectFrom('accounts').select('session_generation').where('id', '=', accountId).executeTakeFirstOrThrow();
      await db.insertInto('auth_sessions').values({ token_hash: hashToken(token), account_id: accountId, created_at: now, expires_at: expiresAt, generation }).execute();
      return { token, expiresAt };
    },

    /**
     * [AC6] [AC8] Checked on every request that carries a sign-in cookie: expired sign-ins and those from before the
     * account's last "sign out everywhere" or password reset are no sign-in at all; a disabled account is refused.
     */
    async accountForSignIn(token: string, now: number): Promise<SignInCheck> {
      const row = await db
        .selectFrom('auth_sessions')
        .innerJoin('accounts', 'accounts.id', 'auth_sessions.account_id')
        .select(['accounts.id', 'accounts.email', 'accounts.display_name', 'accounts.disabled_at', 'accounts.session_generation', 'auth_sessions.expires_at', 'auth_sessions.generation'])
        .where('auth_sessions.token_hash', '=', hashToken(token))
        .executeTakeFirst();
      if (!row || row.expires_at <= now) return undefined;
      // Disabled first: its sign-ins hear why, although disabling also moved the generation on.
      if (row.disabled_at !== null) return { ok: false, code: 'account_disabled' };
      if (row.generation !== row.session_generation) return undefined;
      return { ok: true, account: { id: row.id, email: row.email, displayName: row.display_name } };
    },

    async endSignIn(token: string): Promise<void> {
      await db.deleteFrom('auth_sessions').where('token_hash', '=', hashToken(token)).execute();
    },

    /** [AC6] Every sign-in of the account stops working at its next request; the rows go with it. */
    async signOutEverywhere(accountId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('accounts').set((eb) => ({ session_generation: eb('session_generation', '+', 1) })).where('id', '=', accountId).execute();
        await trx.deleteFrom('auth_sessions').where('account_id', '=', accountId).execute();
      });
    },

    /** [AC8] The operator's switch. Disabling also signs the account out everywhere, so enabling it again revives no old sign-in. */
    async setDisabled(accountId: string, disabledAt: number | null): Promise<void> {
      await db
        .updateTable('accounts')
        .set((eb) => ({ disabled_at: disabledAt, session_generation: disabledAt === null ? eb.ref('session_generation') : eb('session_generation', '+', 1) }))
        .where('id', '=', accountId)
        .execute();
    },
  };
}
export type AccountsRepository = ReturnType<typeof accountsRepository>;

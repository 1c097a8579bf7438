import type { Db } from '../../db/index.js';
import { hashToken, newToken } from '../../lib/index.js';

/** [AC5] A reset link (forgot password, `npm run reset-link`) works for an hour. */
export const RESET_LINK_LIFETIME_MS = 60 * 60 * 1000;
/** [AC7] A new account's set-password link (`npm run account -- add`) works for three days: it is handed over by a person. */
export const NEW_ACCOUNT_LINK_LIFETIME_MS = 3 * 24 * 60 * 60 * 1000;

export type ResetRefusal = 'reset_link_invalid' | 'reset_link_expired' | 'reset_link_used' | 'account_disabled';

/**
 * One-time links that set an account's password. The token is shown once (in an email or on the operator's
 * terminal) and only its hash is stored, so the database cannot be used to reset anyone's password.
 */
export function passwordResetsRepository(db: Db) {
  return {
    async issue(accountId: string, now: number, lifetimeMs = RESET_LINK_LIFETIME_MS): Promise<string> {
      const token = newToken();
      await db.insertInto('password_resets').values({ token_hash: hashToken(token), account_id: accountId, created_at: now, expires_at: now + lifetimeMs }).execute();
      return token;
    },

    /**
     * [AC5] Sets the password if the link stands, in one transaction: the link is marked used (a second use, even a
     * concurrent one, is refused), the account's other links are cleared, and every sign-in of the account ends [AC6].
     */
    async complete(token: string, passwordHash: string, now: number): Promise<{ ok: true; accountId: string } | { ok: false; code: ResetRefusal }> {
      const tokenHash = hashToken(token);
      return db.transaction().execute(async (trx) => {
        const link = await trx
          .selectFrom('password_resets')
          .innerJoin('accounts', 'accounts.id', 'password_resets.account_id')
          .select(['password_resets.account_id', 'password_resets.expires_at', 'password_resets.used_at', 'accounts.disabled_at'])
          .where('password_resets.token_hash', '=', tokenHash)
          .executeTakeFirst();
        if (!link) return { ok: false, code: 'reset_link_invalid' } as const;
        if (link.used_at !== null) return { ok: false, code: 'reset_link_used' } as const;
        if (link.expires_at <= now) return { ok: false, code: 'reset_link_expired' } as const;
        if (link.disabled_at !== null) return { ok: false, code: 'account_disabled' } as const;
        const claimed = await trx.updateTable('password_resets').set({ used_at: now }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, code: 'reset_link_used' } as const;
        const accountId = link.account_id;
        await trx.deleteFrom('password_resets').where('account_id', '=', accountId).where('token_hash', '!=', tokenHash).execute();
        await trx
          .updateTable('accounts')
          .set((eb) => ({ password_hash: passwordHash, session_generation: eb('session_generation', '+', 1) }))
          .where('id', '=', accountId)
          .execute();
        await trx.deleteFrom('auth_sessions').where('account_id', '=', accountId).execute();
        return { ok: true, accountId } as const;
      });
    },
  };
}
export type PasswordResetsRepository = ReturnType<typeof passwordResetsRepository>;

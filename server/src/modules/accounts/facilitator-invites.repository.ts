import type { Account, FacilitatorInvite } from '@hearth/shared';
import type { Db } from '../../db/index.js';
import type { FacilitatorInvitesTable } from '../../db/index.js';
import { hashToken, newId, newToken } from '../../lib/index.js';

/** [CF1] A facilitator invite works for seven days: it is handed over by a person, maybe not the same day. */
export const FACILITATOR_INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type AcceptRefusal = 'invite_invalid' | 'invite_expired' | 'invite_revoked' | 'invite_used_up' | 'conflict';

function status(row: FacilitatorInvitesTable, now: number): FacilitatorInvite['status'] {
  if (row.used_at !== null) return 'used';
  if (row.revoked_at !== null) return 'revoked';
  return row.expires_at <= now ? 'expired' : 'open';
}

function toInvite(row: FacilitatorInvitesTable, now: number): FacilitatorInvite {
  return { id: row.id, email: row.email, createdAt: row.created_at, expiresAt: row.expires_at, status: status(row, now) };
}

/**
 * [CF1] [CF2] One-time links an account holder makes for another facilitator. The token is shown once, to its
 * maker, and only its hash is stored: the database cannot be used to make an account.
 */
export function facilitatorInvitesRepository(db: Db) {
  return {
    async issue(invitedBy: string, email: string, now: number): Promise<{ invite: FacilitatorInvite; token: string }> {
      const token = newToken();
      const row: FacilitatorInvitesTable = {
        id: newId(),
        token_hash: hashToken(token),
        invited_by: invitedBy,
        email: email.toLowerCase(),
        created_at: now,
        expires_at: now + FACILITATOR_INVITE_LIFETIME_MS,
        used_at: null,
        revoked_at: null,
      };
      await db.insertInto('facilitator_invites').values(row).execute();
      return { invite: toInvite(row, now), token };
    },

    async listBy(invitedBy: string, now: number): Promise<FacilitatorInvite[]> {
      const rows = await db.selectFrom('facilitator_invites').selectAll().where('invited_by', '=', invitedBy).orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map((row) => toInvite(row, now));
    },

    /** [CF1] Revokes an open invite of its maker's; undefined for anyone else's (or no such invite). */
    async revoke(id: string, invitedBy: string, now: number): Promise<FacilitatorInvite | undefined> {
      await db.updateTable('facilitator_invites').set({ revoked_at: now }).where('id', '=', id).where('invited_by', '=', invitedBy).where('used_at', 'is', null).where('revoked_at', 'is', null).execute();
      const row = await db.selectFrom('facilitator_invites').selectAll().where('id', '=', id).where('invited_by', '=', invitedBy).executeTakeFirst();
      return row && toInvite(row, now);
    },

    /**
     * [CF2] Makes the account if the link stands, in one transaction: the link is claimed first (a second use,
     * even a concurrent one, is refused), then the account is made with the email the inviter gave.
     */
    async accept(token: string, input: { displayName: string; passwordHash: string }, now: number): Promise<{ ok: true; account: Account } | { ok: false; code: AcceptRefusal }> {
      const tokenHash = hashToken(token);
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('facilitator_invites').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
        if (!row) return { ok: false, code: 'invite_invalid' } as const;
        if (row.used_at !== null) return { ok: false, code: 'invite_used_up' } as const;
        if (row.revoked_at !== null) return { ok: false, code: 'invite_revoked' } as const;
        if (row.expires_at <= now) return { ok: false, code: 'invite_expired' } as const;
        const taken = await trx.selectFrom('accounts').select('id').where('email', '=', row.email).executeTakeFirst();
        if (taken) return { ok: false, code: 'conflict' } as const;
        const claimed = await trx.updateTable('facilitator_invites').set({ used_at: now }).where('id', '=', row.id).where('used_at', 'is', null).executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, code: 'invite_used_up' } as const;
        const account: Account = { id: newId(), email: row.email, displayName: input.displayName.trim() };
        await trx
          .insertInto('accounts')
          .values({ id: account.id, email: account.email, display_name: account.displayName, password_hash: input.passwordHash, created_at: now })
          .execute();
        return { ok: true, account } as const;
      });
    },
  };
}
export type FacilitatorInvitesRepository = ReturnType<typeof facilitatorInvitesRepository>;

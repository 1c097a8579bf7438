import type { Invite } from '@hearth/shared';
import { PagePaths } from '@hearth/shared';
import type { Db } from '../../db/index.js';
import type { InvitesTable } from '../../db/index.js';
import { newId, newToken } from '../../lib/index.js';
import { inviteStatus } from './invite-status.js';

export interface InviteRecord extends Invite {
  token: string;
}

type InviteRow = Omit<InvitesTable, 'uses'> & { uses: number };

function toInvite(row: InviteRow, now: number): InviteRecord {
  const terms = { expiresAt: row.expires_at, revokedAt: row.revoked_at, maxUses: row.max_uses, uses: row.uses };
  return {
    id: row.id,
    sessionId: row.session_id,
    role: row.role,
    label: row.label,
    path: PagePaths.join(row.token),
    token: row.token,
    ...terms,
    status: inviteStatus(terms, now),
  };
}

export function publicInvite({ token: _token, ...invite }: InviteRecord): Invite {
  return invite;
}

export function invitesRepository(db: Db) {
  return {
    async create(
      sessionId: string,
      input: { role: 'member' | 'co_facilitator' | 'supervisor'; label?: string | undefined; maxUses: number; expiresAt: number },
      now: number,
    ): Promise<InviteRecord> {
      const row: InviteRow = {
        id: newId(),
        session_id: sessionId,
        token: newToken(),
        role: input.role,
        label: input.label?.trim() || null,
        max_uses: input.maxUses,
        uses: 0,
        expires_at: input.expiresAt,
        revoked_at: null,
        created_at: now,
      };
      await db.insertInto('invites').values(row).execute();
      return toInvite(row, now);
    },

    async listForSession(sessionId: string, now: number): Promise<InviteRecord[]> {
      const rows = await db.selectFrom('invites').selectAll().where('session_id', '=', sessionId).orderBy('created_at', 'desc').execute();
      return rows.map((row) => toInvite(row, now));
    },

    async find(inviteId: string, now: number): Promise<InviteRecord | undefined> {
      const row = await db.selectFrom('invites').selectAll().where('id', '=', inviteId).executeTakeFirst();
      return row && toInvite(row, now);
    },

    async findByToken(token: string, now: number): Promise<InviteRecord | undefined> {
      const row = await db.selectFrom('invites').selectAll().where('token', '=', token).executeTakeFirst();
      return row && toInvite(row, now);
    },

    async revoke(inviteId: string, now: number): Promise<void> {
      await db.updateTable('invites').set({ revoked_at: now }).where('id', '=', inviteId).where('revoked_at', 'is', null).execute();
    },

    /**
     * Takes one use of the link if it is still active, atomically: two people redeeming the last use
     * at once cannot both get in. Returns false when the link was not usable.
     */
    async takeUse(inviteId: string, now: number, trx: Db = db): Promise<boolean> {
      const result = await trx
        .updateTable('invites')
        .set((eb) => ({ uses: eb('uses', '+', 1) }))
        .where('id', '=', inviteId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .whereRef('uses', '<', 'max_uses')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
export type InvitesRepository = ReturnType<typeof invitesRepository>;

import type { GroupFacilitator } from '@hearth/shared';
import type { Db } from '../../db/index.js';

/** [CF3] [CF5] Which accounts co-run which groups (migration 017). The host is `groups.owner_account_id`, not a row here. */
export function coFacilitatorsRepository(db: Db) {
  return {
    async has(groupId: string, accountId: string): Promise<boolean> {
      const row = await db.selectFrom('group_co_facilitators').select('account_id').where('group_id', '=', groupId).where('account_id', '=', accountId).executeTakeFirst();
      return row !== undefined;
    },

    /** Adds the account; false when it was already a co-facilitator of the group. */
    async add(groupId: string, accountId: string, addedBy: string, now: number): Promise<boolean> {
      const result = await db
        .insertInto('group_co_facilitators')
        .values({ group_id: groupId, account_id: accountId, added_by: addedBy, added_at: now })
        .onConflict((oc) => oc.columns(['group_id', 'account_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    /** False when the account was not a co-facilitator of the group. */
    async remove(groupId: string, accountId: string): Promise<boolean> {
      const result = await db.deleteFrom('group_co_facilitators').where('group_id', '=', groupId).where('account_id', '=', accountId).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    /** The group's host first, then its co-facilitators in the order they were added. */
    async list(groupId: string): Promise<GroupFacilitator[]> {
      const host = await db
        .selectFrom('groups as g')
        .innerJoin('accounts as a', 'a.id', 'g.owner_account_id')
        .select(['a.id', 'a.display_name', 'a.email'])
        .where('g.id', '=', groupId)
        .executeTakeFirst();
      const co = await db
        .selectFrom('group_co_facilitators as c')
        .innerJoin('accounts as a', 'a.id', 'c.account_id')
        .select(['a.id', 'a.display_name', 'a.email'])
        .where('c.group_id', '=', groupId)
        .orderBy('c.added_at')
        .orderBy('a.id')
        .execute();
      const entry = (role: GroupFacilitator['role']) => (row: { id: string; display_name: string; email: string }): GroupFacilitator => ({
        accountId: row.id,
        displayName: row.display_name,
        email: row.email,
        role,
      });
      return [...(host ? [entry('host')(host)] : []), ...co.map(entry('co_facilitator'))];
    },
  };
}
export type CoFacilitatorsRepository = ReturnType<typeof coFacilitatorsRepository>;

import type { Group } from '@hearth/shared';
import type { Db } from '../../db/database.js';
import type { GroupsTable } from '../../db/schema.js';
import { newId } from '../../lib/secrets.js';

export interface GroupRecord extends Group {
  ownerAccountId: string;
}

function toGroup(row: GroupsTable): GroupRecord {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    organisation: row.organisation,
    createdAt: row.created_at,
    ownerAccountId: row.owner_account_id,
  };
}

export function publicGroup({ ownerAccountId: _owner, ...group }: GroupRecord): Group {
  return group;
}

export function groupsRepository(db: Db) {
  return {
    async create(ownerAccountId: string, input: { name: string; purpose: string; organisation?: string | undefined }, now: number): Promise<GroupRecord> {
      const row: GroupsTable = {
        id: newId(),
        owner_account_id: ownerAccountId,
        name: input.name.trim(),
        purpose: input.purpose.trim(),
        organisation: input.organisation?.trim() ?? null,
        created_at: now,
      };
      await db.insertInto('groups').values(row).execute();
      return toGroup(row);
    },

    async listForOwner(ownerAccountId: string): Promise<GroupRecord[]> {
      const rows = await db.selectFrom('groups').selectAll().where('owner_account_id', '=', ownerAccountId).orderBy('created_at', 'desc').execute();
      return rows.map(toGroup);
    },

    async find(groupId: string): Promise<GroupRecord | undefined> {
      const row = await db.selectFrom('groups').selectAll().where('id', '=', groupId).executeTakeFirst();
      return row && toGroup(row);
    },
  };
}
export type GroupsRepository = ReturnType<typeof groupsRepository>;

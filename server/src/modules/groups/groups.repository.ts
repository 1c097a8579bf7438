import { DEFAULT_RECORDS_RETENTION_DAYS, type Group, type UpdateGroupSupportBody } from '@hearth/shared';
import type { Db } from '../../db/index.js';
import type { GroupsTable } from '../../db/index.js';
import { newId } from '../../lib/index.js';

export interface GroupRecord extends Omit<Group, 'yourRole'> {
  ownerAccountId: string;
  /** Write-only: used to sign on-call webhooks, never returned to a client. */
  oncallWebhookSecret: string | null;
}

function toGroup(row: GroupsTable): GroupRecord {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    organisation: row.organisation,
    createdAt: row.created_at,
    crisisResources: row.crisis_resources,
    emergencyContacts: row.emergency_contacts,
    oncallWebhookUrl: row.oncall_webhook_url,
    oncallIncludeContent: row.oncall_include_content === 1,
    recordsRetentionDays: row.records_retention_days ?? DEFAULT_RECORDS_RETENTION_DAYS,
    observationAllowed: row.observation_allowed !== 0,
    mediaEncryption: row.media_encryption === 1,
    hostOrganisationId: row.host_organisation_id,
    oncallWebhookSecret: row.oncall_webhook_secret,
    ownerAccountId: row.owner_account_id,
  };
}

/** What a facilitator of the group is sent: never the webhook secret, never the host's account id. */
export function publicGroup({ ownerAccountId: _owner, oncallWebhookSecret: _secret, ...group }: GroupRecord & { yourRole: Group['yourRole'] }): Group {
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
        crisis_resources: null,
        emergency_contacts: null,
        oncall_webhook_url: null,
        oncall_webhook_secret: null,
        oncall_include_content: null,
        records_retention_days: null,
        observation_allowed: null,
        media_encryption: null,
        reactions_enabled: null,
        host_organisation_id: null,
      };
      await db.insertInto('groups').values(row).execute();
      return toGroup(row);
    },

    /** [CF4] The groups the account hosts or co-facilitates, newest first. */
    async listForAccount(accountId: string): Promise<(GroupRecord & { yourRole: Group['yourRole'] })[]> {
      const rows = await db
        .selectFrom('groups')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('owner_account_id', '=', accountId),
            eb('id', 'in', eb.selectFrom('group_co_facilitators').select('group_id').where('account_id', '=', accountId)),
          ]),
        )
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((row) => ({ ...toGroup(row), yourRole: row.owner_account_id === accountId ? 'host' : 'co_facilitator' }));
    },

    /** Sets the given support details; an empty (or blank) text clears that field. */
    async updateSupport(groupId: string, input: UpdateGroupSupportBody): Promise<void> {
      const clean = (text: string) => text.trim() || null;
      const changes = {
        ...(input.crisisResources !== undefined ? { crisis_resources: clean(input.crisisResources) } : {}),
        ...(input.emergencyContacts !== undefined ? { emergency_contacts: clean(input.emergencyContacts) } : {}),
        ...(input.oncallWebhook !== undefined
          ? { oncall_webhook_url: input.oncallWebhook?.url ?? null, oncall_webhook_secret: input.oncallWebhook?.secret ?? null }
          : {}),
        ...(input.oncallIncludeContent !== undefined ? { oncall_include_content: input.oncallIncludeContent ? 1 : 0 } : {}),
        ...(input.recordsRetentionDays !== undefined ? { records_retention_days: input.recordsRetentionDays } : {}),
      };
      if (Object.keys(changes).length > 0) await db.updateTable('groups').set(changes).where('id', '=', groupId).execute();
    },

    /** [SV6] Allows or stops a supervisor observing the group's sessions. */
    async setObservation(groupId: string, allowed: boolean): Promise<void> {
      await db.updateTable('groups').set({ observation_allowed: allowed ? 1 : 0 }).where('id', '=', groupId).execute();
    },

    /** [OR4] The organisation the group is hosted under, or none. */
    async setHostOrganisation(groupId: string, organisationId: string | null): Promise<void> {
      await db.updateTable('groups').set({ host_organisation_id: organisationId }).where('id', '=', groupId).execute();
    },

    /** [LE1] End-to-end media encryption for the group's sessions started from now on. */
    async setMediaEncryption(groupId: string, enabled: boolean): Promise<void> {
      await db.updateTable('groups').set({ media_encryption: enabled ? 1 : 0 }).where('id', '=', groupId).execute();
    },

    async find(groupId: string): Promise<GroupRecord | undefined> {
      const row = await db.selectFrom('groups').selectAll().where('id', '=', groupId).executeTakeFirst();
      return row && toGroup(row);
    },
  };
}
export type GroupsRepository = ReturnType<typeof groupsRepository>;

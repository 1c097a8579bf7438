import type { MyOrganisation, OrganisationContact, OrganisationGroup, OrganisationMember, OrganisationRole } from '@hearth/shared';
import type { Db } from '../../db/index.js';
import { newId } from '../../lib/index.js';

/** [OR1]-[OR5] Organisations, their accounts and contacts (migration 018). */
export function organisationsRepository(db: Db) {
  return {
    /** [OR1] Creates the organisation with its creator as its first administrator. */
    async create(name: string, createdBy: string, now: number): Promise<MyOrganisation> {
      const organisation = { id: newId(), name: name.trim(), createdAt: now, yourRole: 'admin' as const };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('organisations').values({ id: organisation.id, name: organisation.name, created_by: createdBy, created_at: now }).execute();
        await trx.insertInto('organisation_members').values({ organisation_id: organisation.id, account_id: createdBy, role: 'admin', added_at: now }).execute();
      });
      return organisation;
    },

    async listForAccount(accountId: string): Promise<MyOrganisation[]> {
      const rows = await db
        .selectFrom('organisation_members as m')
        .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
        .select(['o.id', 'o.name', 'o.created_at', 'm.role'])
        .where('m.account_id', '=', accountId)
        .orderBy('o.name')
        .orderBy('o.id')
        .execute();
      return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at, yourRole: row.role }));
    },

    /** What the account is in the organisation; undefined when it is not in it (or there is no such organisation). */
    async roleOf(organisationId: string, accountId: string): Promise<OrganisationRole | undefined> {
      const row = await db.selectFrom('organisation_members').select('role').where('organisation_id', '=', organisationId).where('account_id', '=', accountId).executeTakeFirst();
      return row?.role;
    },

    /** [OR2] Adds the account, or sets its role if it is in already. */
    async setMember(organisationId: string, accountId: string, role: OrganisationRole, now: number): Promise<void> {
      await db
        .insertInto('organisation_members')
        .values({ organisation_id: organisationId, account_id: accountId, role, added_at: now })
        .onConflict((oc) => oc.columns(['organisation_id', 'account_id']).doUpdateSet({ role }))
        .execute();
    },

    async countAdmins(organisationId: string): Promise<number> {
      const row = await db
        .selectFrom('organisation_members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organisation_id', '=', organisationId)
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async members(organisationId: string): Promise<OrganisationMember[]> {
      const rows = await db
        .selectFrom('organisation_members as m')
        .innerJoin('accounts as a', 'a.id', 'm.account_id')
        .select(['a.id', 'a.display_name', 'a.email', 'm.role'])
        .where('m.organisation_id', '=', organisationId)
        .orderBy('m.added_at')
        .orderBy('a.id')
        .execute();
      return rows.map((row) => ({ accountId: row.id, displayName: row.display_name, email: row.email, role: row.role }));
    },

    async addContact(organisationId: string, input: { name: string; email: string }, now: number): Promise<OrganisationContact> {
      const contact = { id: newId(), name: input.name.trim(), email: input.email.toLowerCase() };
      await db.insertInto('organisation_contacts').values({ ...contact, organisation_id: organisationId, created_at: now }).execute();
      return contact;
    },

    async contacts(organisationId: string): Promise<OrganisationContact[]> {
      return db.selectFrom('organisation_contacts').select(['id', 'name', 'email']).where('organisation_id', '=', organisationId).orderBy('created_at').orderBy('id').execute();
    },

    /**
     * [OR5] The groups hosted under the organisation, as its administrators may see them: names, session dates
     * and member counts. The query selects no title, name, talk time, record or note, so none can leak from here.
     */
    async groups(organisationId: string): Promise<OrganisationGroup[]> {
      const groups = await db.selectFrom('groups').select(['id', 'name', 'created_at']).where('host_organisation_id', '=', organisationId).orderBy('created_at', 'desc').orderBy('id').execute();
      if (groups.length === 0) return [];
      const sessions = await db
        .selectFrom('sessions as s')
        .leftJoin('participants as p', (join) => join.onRef('p.session_id', '=', 's.id').on('p.role', '=', 'member'))
        .select((eb) => ['s.id', 's.group_id', 's.started_at', 's.ended_at', eb.fn.count<number>('p.id').as('attendance')])
        .where(
          's.group_id',
          'in',
          groups.map((g) => g.id),
        )
        .groupBy(['s.id', 's.group_id', 's.started_at', 's.ended_at'])
        .orderBy('s.started_at')
        .orderBy('s.id')
        .execute();
      return groups.map((group) => ({
        id: group.id,
        name: group.name,
        createdAt: group.created_at,
        sessions: sessions
          .filter((s) => s.group_id === group.id)
          .map((s) => ({ startedAt: s.started_at, endedAt: s.ended_at, attendance: Number(s.attendance) })),
      }));
    },
  };
}
export type OrganisationsRepository = ReturnType<typeof organisationsRepository>;

// [OR1]-[OR5] Migration 018 and the organisations repository on both databases, below the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../server/src/db/database.js';
import { accountsRepository } from '../../server/src/modules/accounts/accounts.repository.js';
import { groupsRepository } from '../../server/src/modules/groups/groups.repository.js';
import { organisationsRepository } from '../../server/src/modules/organisations/index.js';
import { participantsRepository } from '../../server/src/modules/participants/participants.repository.js';
import { sessionsRepository } from '../../server/src/modules/sessions/sessions.repository.js';
import { openTestDatabase, type TestDatabase } from '../support/databases.js';

const T0 = Date.UTC(2026, 0, 1);

describe.each(['sqlite', 'postgres'] as const)('organisations storage on %s', (kind) => {
  let opened: TestDatabase;
  beforeAll(async () => {
    opened = await openTestDatabase(kind);
    await migrateToLatest(opened.db);
  });
  afterAll(async () => opened?.close());

  it('[OR1] [OR2] [OR3] an organisation keeps its accounts with their roles and its contacts', async () => {
    const accounts = accountsRepository(opened.db);
    const ada = await accounts.create({ email: `ada-${kind}@example.org`, displayName: 'Ada', passwordHash: 'x' }, T0);
    const fran = await accounts.create({ email: `fran-${kind}@example.org`, displayName: 'Fran', passwordHash: 'x' }, T0);
    const orgs = organisationsRepository(opened.db);
    const trust = await orgs.create('  Northside Trust ', ada.id, T0);
    expect(trust).toEqual({ id: expect.any(String), name: 'Northside Trust', createdAt: T0, yourRole: 'admin' });
    await orgs.setMember(trust.id, fran.id, 'member', T0 + 1);
    await orgs.setMember(trust.id, fran.id, 'admin', T0 + 2);
    expect(await orgs.roleOf(trust.id, fran.id)).toBe('admin');
    expect(await orgs.countAdmins(trust.id)).toBe(2);
    expect(await orgs.listForAccount(fran.id)).toEqual([{ ...trust, yourRole: 'admin' }]);
    expect(await orgs.roleOf('missing', fran.id)).toBeUndefined();
    const contact = await orgs.addContact(trust.id, { name: 'Lead', email: 'Lead@Example.org' }, T0);
    expect(await orgs.contacts(trust.id)).toEqual([{ id: contact.id, name: 'Lead', email: 'lead@example.org' }]);
  });

  it('[OR5] its groups with each session\'s dates and member count, groups without sessions too', async () => {
    const host = await accountsRepository(opened.db).create({ email: `host-${kind}@example.org`, displayName: 'Hana', passwordHash: 'x' }, T0);
    const orgs = organisationsRepository(opened.db);
    const org = await orgs.create('Counted', host.id, T0);
    const groups = groupsRepository(opened.db);
    const counted = await groups.create(host.id, { name: 'Counted group', purpose: '' }, T0);
    const empty = await groups.create(host.id, { name: 'No sessions yet', purpose: '' }, T0 + 1);
    await groups.create(host.id, { name: 'Not under it', purpose: '' }, T0 + 2);
    await groups.setHostOrganisation(counted.id, org.id);
    await groups.setHostOrganisation(empty.id, org.id);
    const sessions = sessionsRepository(opened.db);
    const first = await sessions.start(counted.id, 'First', T0 + 10, null);
    const second = await sessions.start(counted.id, 'Second', T0 + 20, null);
    const people = participantsRepository(opened.db);
    for (const [role, name] of [['member', 'A'], ['member', 'B'], ['facilitator', 'Hana'], ['supervisor', 'V']] as const) {
      await people.create({ sessionId: first.id, role, displayName: name, organisation: null, inviteId: null, accountId: null }, T0 + 11);
    }
    expect(await orgs.groups(org.id)).toEqual([
      { id: empty.id, name: 'No sessions yet', createdAt: T0 + 1, sessions: [] },
      {
        id: counted.id,
        name: 'Counted group',
        createdAt: T0,
        sessions: [
          { startedAt: first.startedAt, endedAt: null, attendance: 2 },
          { startedAt: second.startedAt, endedAt: null, attendance: 0 },
        ],
      },
    ]);
  });
});

// Agenda storage on both databases: one row per group, saved whole, replaced on each save.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../support/databases.js';
import { accountsRepository } from '../../server/src/modules/accounts/accounts.repository.js';
import { agendaRepository } from '../../server/src/modules/agenda/agenda.repository.js';
import { groupsRepository } from '../../server/src/modules/groups/groups.repository.js';

const T0 = Date.UTC(2026, 0, 1);


describe.each(['sqlite', 'postgres'] as const)('agenda storage on %s', (kind) => {
  const backend = useMigratedDatabase(kind);

  async function group() {
    const db = backend.db;
    const account = await accountsRepository(db).create({ email: `${randomBytes(4).toString('hex')}@example.org`, displayName: 'Fran', passwordHash: 'x' }, T0);
    return { account, group: await groupsRepository(db).create(account.id, { name: 'Circle', purpose: '' }, T0) };
  }

  it('a group without a saved agenda has none (the default applies)', async () => {
    const { group: g } = await group();
    expect(await agendaRepository(backend.db).find(g.id)).toBeNull();
  });

  it('saves the ordered phases and replaces them on the next save, per group', async () => {
    const { account, group: g } = await group();
    const { group: other } = await group();
    const agenda = agendaRepository(backend.db);
    const first = [{ id: 'a', name: 'Arriving', opensRules: false }, { id: 'b', name: 'Our agreements', opensRules: true }];
    await agenda.save(g.id, first, account.id, T0);
    expect(await agenda.find(g.id)).toEqual({ phases: first, updatedAt: T0 });
    const second = [{ id: 'b', name: 'Our agreements', opensRules: true }, { id: 'c', name: 'Closing', opensRules: false }];
    await agenda.save(g.id, second, account.id, T0 + 5);
    expect(await agenda.find(g.id)).toEqual({ phases: second, updatedAt: T0 + 5 });
    expect(await agenda.find(other.id)).toBeNull();
  });
});

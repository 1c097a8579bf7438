// Ground-rules storage on both databases: versions are append-only, and consent records (who, which
// version, when) are kept per participant.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../support/databases.js';
import { accountsRepository } from '../../server/src/modules/accounts/accounts.repository.js';
import { groupsRepository } from '../../server/src/modules/groups/groups.repository.js';
import { participantsRepository } from '../../server/src/modules/participants/participants.repository.js';
import { rulesRepository } from '../../server/src/modules/rules/rules.repository.js';
import { nextVersion } from '../../server/src/modules/rules/rule-versions.js';
import { sessionsRepository } from '../../server/src/modules/sessions/sessions.repository.js';

const T0 = Date.UTC(2026, 0, 1);


describe.each(['sqlite', 'postgres'] as const)('ground rules storage on %s', (kind) => {
  const backend = useMigratedDatabase(kind);

  async function groupWithSession() {
    const db = backend.db;
    const account = await accountsRepository(db).create({ email: `${randomBytes(4).toString('hex')}@example.org`, displayName: 'Fran', passwordHash: 'x' }, T0);
    const group = await groupsRepository(db).create(account.id, { name: 'Circle', purpose: '' }, T0);
    const session = await sessionsRepository(db).start(group.id, 'Tuesday', T0);
    const sam = await participantsRepository(db).create({ sessionId: session.id, role: 'member', displayName: 'Sam', organisation: null, inviteId: null, accountId: null }, T0);
    return { account, group, session, sam };
  }
  let n = 0;
  const ids = () => `k${kind}${++n}`;

  it('[GR1] versions are appended and every one stays readable', async () => {
    const rules = rulesRepository(backend.db);
    const { account, group } = await groupWithSession();
    expect(await rules.current(group.id)).toBeNull();
    const first = nextVersion(null, { basedOn: null, confidentiality: 'Stays here', rules: [{ text: 'Respect' }, { text: 'Pass' }] }, group.id, T0, ids);
    if (first.kind !== 'created') throw new Error(first.kind);
    expect(await rules.add(first.ruleSet, account.id)).toBe(true);
    const second = nextVersion(first.ruleSet, { basedOn: 1, confidentiality: 'Stays here', rules: [{ id: first.ruleSet.rules[1]!.id, text: 'Pass' }] }, group.id, T0 + 1, ids);
    if (second.kind !== 'created') throw new Error(second.kind);
    expect(await rules.add(second.ruleSet, account.id)).toBe(true);

    expect(await rules.current(group.id)).toEqual(second.ruleSet);
    expect(await rules.version(group.id, 1)).toEqual(first.ruleSet);
    expect(await rules.versions(group.id)).toEqual([
      { version: 2, createdAt: T0 + 1, ruleCount: 1 },
      { version: 1, createdAt: T0, ruleCount: 2 },
    ]);
  });

  it('[GR1] two saves racing for the same version: exactly one wins', async () => {
    const rules = rulesRepository(backend.db);
    const { account, group } = await groupWithSession();
    const make = (text: string) => ({ groupId: group.id, version: 1, confidentiality: 'c', rules: [{ id: ids(), text }], createdAt: T0 });
    const outcomes = await Promise.all([rules.add(make('a'), account.id), rules.add(make('b'), account.id)]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect(await rules.versions(group.id)).toHaveLength(1);
  });

  it('[GR4] consent records who agreed to which version and when; the newest counts', async () => {
    const rules = rulesRepository(backend.db);
    const { group, session, sam } = await groupWithSession();
    expect(await rules.consentedVersion(sam.id, group.id)).toBeNull();
    await rules.recordConsent({ participantId: sam.id, inviteId: null, groupId: group.id, version: 1 }, T0 + 10);
    await rules.recordConsent({ participantId: sam.id, inviteId: null, groupId: group.id, version: 2 }, T0 + 20);
    expect(await rules.consentedVersion(sam.id, group.id)).toBe(2);
    expect(await rules.consentsForSession(session.id, group.id)).toEqual([{ participantId: sam.id, displayName: 'Sam', version: 2, consentedAt: T0 + 20 }]);
  });
});

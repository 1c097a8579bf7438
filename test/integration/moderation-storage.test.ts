// Moderation storage (migration 009) on both databases: settings, admissions, bans and welcome texts.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../support/databases.js';
import { accountsRepository } from '../../server/src/modules/accounts/accounts.repository.js';
import { groupsRepository } from '../../server/src/modules/groups/groups.repository.js';
import { moderationRepository } from '../../server/src/modules/moderation/moderation.repository.js';
import { participantsRepository } from '../../server/src/modules/participants/participants.repository.js';
import { sessionsRepository } from '../../server/src/modules/sessions/sessions.repository.js';

const T0 = Date.UTC(2026, 0, 1);

describe.each(['sqlite', 'postgres'] as const)('moderation storage on %s', (kind) => {
  const backend = useMigratedDatabase(kind);

  async function session() {
    const db = backend.db;
    const account = await accountsRepository(db).create({ email: `${randomBytes(4).toString('hex')}@example.org`, displayName: 'Fran', passwordHash: 'x' }, T0);
    const group = await groupsRepository(db).create(account.id, { name: 'Circle', purpose: '' }, T0);
    const s = await sessionsRepository(db).start(group.id, 'Tuesday', T0);
    const member = await participantsRepository(db).create({ sessionId: s.id, role: 'member', displayName: 'Sam', organisation: null, inviteId: null, accountId: null }, T0);
    return { group, session: s, member };
  }

  it('settings default to open, and are saved and replaced per session', async () => {
    const { session: s } = await session();
    const { session: other } = await session();
    const repo = moderationRepository(backend.db);
    expect(await repo.settings(s.id)).toEqual({ waitingRoom: false, locked: false });
    await repo.saveSettings(s.id, { waitingRoom: true, locked: true }, T0);
    await repo.saveSettings(s.id, { waitingRoom: true, locked: false }, T0 + 1);
    expect(await repo.settings(s.id)).toEqual({ waitingRoom: true, locked: false });
    expect(await repo.settings(other.id)).toEqual({ waitingRoom: false, locked: false });
  });

  it('admissions and bans are remembered, and recording twice is harmless', async () => {
    const { session: s, member } = await session();
    const repo = moderationRepository(backend.db);
    expect(await repo.isAdmitted(member.id)).toBe(false);
    await repo.admit(member.id, s.id, T0);
    await repo.admit(member.id, s.id, T0 + 1);
    expect(await repo.isAdmitted(member.id)).toBe(true);
    expect(await repo.isBanned(member.id)).toBe(false);
    await repo.ban({ participantId: member.id, sessionId: s.id, inviteId: null, bannedBy: member.id }, T0);
    await repo.ban({ participantId: member.id, sessionId: s.id, inviteId: null, bannedBy: member.id }, T0 + 1);
    expect(await repo.isBanned(member.id)).toBe(true);
  });

  it('the welcome text is saved per group; empty clears it', async () => {
    const { group } = await session();
    const repo = moderationRepository(backend.db);
    expect(await repo.welcomeText(group.id)).toBeNull();
    await repo.saveWelcomeText(group.id, ' Welcome. ', T0);
    expect(await repo.welcomeText(group.id)).toBe('Welcome.');
    await repo.saveWelcomeText(group.id, 'Hello again', T0 + 1);
    expect(await repo.welcomeText(group.id)).toBe('Hello again');
    await repo.saveWelcomeText(group.id, '', T0 + 2);
    expect(await repo.welcomeText(group.id)).toBeNull();
  });
});

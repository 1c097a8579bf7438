// [CF1] [CF2] [CF3] Migration 017 and the co-facilitator repositories on both databases, below the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../server/src/db/database.js';
import { hashToken } from '../../server/src/lib/index.js';
import { accountsRepository } from '../../server/src/modules/accounts/accounts.repository.js';
import { FACILITATOR_INVITE_LIFETIME_MS, facilitatorInvitesRepository } from '../../server/src/modules/accounts/facilitator-invites.repository.js';
import { coFacilitatorsRepository } from '../../server/src/modules/groups/co-facilitators.repository.js';
import { groupsRepository } from '../../server/src/modules/groups/groups.repository.js';
import { moderationRepository } from '../../server/src/modules/moderation/moderation.repository.js';
import { participantsRepository } from '../../server/src/modules/participants/participants.repository.js';
import { sessionsRepository } from '../../server/src/modules/sessions/sessions.repository.js';
import { openTestDatabase, type TestDatabase } from '../support/databases.js';

const T0 = Date.UTC(2026, 0, 1);

describe.each(['sqlite', 'postgres'] as const)('co-facilitator storage on %s', (kind) => {
  let opened: TestDatabase;
  beforeAll(async () => {
    opened = await openTestDatabase(kind);
    await migrateToLatest(opened.db);
  });
  afterAll(async () => opened?.close());

  it('[CF1] a facilitator invite is stored as its hash only, with its maker, email and expiry', async () => {
    const maker = await accountsRepository(opened.db).create({ email: `maker-${kind}@example.org`, displayName: 'Fran', passwordHash: 'x' }, T0);
    const { invite, token } = await facilitatorInvitesRepository(opened.db).issue(maker.id, 'New-One@Example.org', T0);
    expect(invite).toEqual({ id: expect.any(String), email: 'new-one@example.org', createdAt: T0, expiresAt: T0 + FACILITATOR_INVITE_LIFETIME_MS, status: 'open' });
    const rows = await opened.db.selectFrom('facilitator_invites').selectAll().where('invited_by', '=', maker.id).execute();
    expect(rows).toEqual([
      { id: invite.id, token_hash: hashToken(token), invited_by: maker.id, email: 'new-one@example.org', created_at: T0, expires_at: invite.expiresAt, used_at: null, revoked_at: null },
    ]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('[CF2] two uses of one invite at once: exactly one account is made', async () => {
    const maker = await accountsRepository(opened.db).create({ email: `race-maker-${kind}@example.org`, displayName: 'Fran', passwordHash: 'x' }, T0);
    const invites = facilitatorInvitesRepository(opened.db);
    const { token } = await invites.issue(maker.id, `race-new-${kind}@example.org`, T0);
    const outcomes = await Promise.allSettled([
      invites.accept(token, { displayName: 'One', passwordHash: 'one' }, T0 + 1),
      invites.accept(token, { displayName: 'Two', passwordHash: 'two' }, T0 + 1),
    ]);
    const values = outcomes.map((o) => (o.status === 'fulfilled' ? (o.value.ok ? 'ok' : o.value.code) : 'error'));
    expect(values.filter((v) => v === 'ok')).toHaveLength(1);
    const made = await opened.db.selectFrom('accounts').select('display_name').where('email', '=', `race-new-${kind}@example.org`).execute();
    expect(made).toHaveLength(1);
  });

  it('[CF3] [CF4] a co-facilitator lists the group with their role; removed, it is gone from their list', async () => {
    const accounts = accountsRepository(opened.db);
    const host = await accounts.create({ email: `host-${kind}@example.org`, displayName: 'Hana', passwordHash: 'x' }, T0);
    const co = await accounts.create({ email: `co-${kind}@example.org`, displayName: 'Cole', passwordHash: 'x' }, T0);
    const groups = groupsRepository(opened.db);
    const cos = coFacilitatorsRepository(opened.db);
    const shared = await groups.create(host.id, { name: 'Staff circle', purpose: 'Staff support' }, T0);
    const own = await groups.create(co.id, { name: 'Own group', purpose: 'Peer' }, T0 + 1);
    expect(await cos.add(shared.id, co.id, host.id, T0 + 2)).toBe(true);
    expect(await cos.add(shared.id, co.id, host.id, T0 + 3)).toBe(false);
    expect(await cos.has(shared.id, co.id)).toBe(true);
    expect((await groups.listForAccount(co.id)).map((g) => [g.name, g.yourRole])).toEqual([
      ['Own group', 'host'],
      ['Staff circle', 'co_facilitator'],
    ]);
    expect(await cos.list(shared.id)).toEqual([
      { accountId: host.id, displayName: 'Hana', email: host.email, role: 'host' },
      { accountId: co.id, displayName: 'Cole', email: co.email, role: 'co_facilitator' },
    ]);
    expect((await groups.listForAccount(host.id)).map((g) => g.name)).toEqual(['Staff circle']);
    expect(await cos.remove(shared.id, co.id)).toBe(true);
    expect(await cos.remove(shared.id, co.id)).toBe(false);
    expect((await groups.listForAccount(co.id)).map((g) => g.id)).toEqual([own.id]);
  });

  it('[CF5] an account\'s places in the group\'s live sessions: found, removed, and restored unless banned', async () => {
    const accounts = accountsRepository(opened.db);
    const host = await accounts.create({ email: `places-host-${kind}@example.org`, displayName: 'Hana', passwordHash: 'x' }, T0);
    const co = await accounts.create({ email: `places-co-${kind}@example.org`, displayName: 'Cole', passwordHash: 'x' }, T0);
    const group = await groupsRepository(opened.db).create(host.id, { name: 'Places', purpose: '' }, T0);
    const sessions = sessionsRepository(opened.db);
    const [one, two, over] = [await sessions.start(group.id, 'One', T0), await sessions.start(group.id, 'Two', T0), await sessions.start(group.id, 'Over', T0)];
    await sessions.end(over.id, T0 + 1);
    const people = participantsRepository(opened.db);
    const place = (sessionId: string) => people.create({ sessionId, role: 'co_facilitator', displayName: 'Cole', organisation: null, inviteId: null, accountId: co.id }, T0);
    const [p1, p2] = [await place(one.id), await place(two.id)];
    await place(over.id);
    const live = await people.liveOfAccountInGroup(group.id, co.id);
    expect(live.map((p) => p.id).sort()).toEqual([p1.id, p2.id].sort());
    for (const p of live) await people.markRemoved(p.id, T0 + 2);
    expect(await people.liveOfAccountInGroup(group.id, co.id)).toEqual([]);
    await moderationRepository(opened.db).ban({ participantId: p2.id, sessionId: two.id, inviteId: null, bannedBy: p1.id }, T0 + 3);
    await people.restoreAccountInGroup(group.id, co.id);
    expect((await people.liveOfAccountInGroup(group.id, co.id)).map((p) => p.id)).toEqual([p1.id]);
  });
});

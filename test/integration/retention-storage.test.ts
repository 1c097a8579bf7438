// [RT1] [RT4] The retention sweep on both databases, below the app: batches, repeats, and a shortened retention.
import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../support/databases.js';
import { accountsRepository } from '../../server/src/modules/accounts/accounts.repository.js';
import { groupsRepository } from '../../server/src/modules/groups/groups.repository.js';
import { participantsRepository } from '../../server/src/modules/participants/participants.repository.js';
import { sessionsRepository } from '../../server/src/modules/sessions/sessions.repository.js';
import { purgeExpiredRecords, RESET_LINK_KEPT_MS } from '../../server/src/modules/retention/index.js';
import { facilitatorInvitesRepository } from '../../server/src/modules/accounts/facilitator-invites.repository.js';
import { passwordResetsRepository, RESET_LINK_LIFETIME_MS } from '../../server/src/modules/accounts/password-resets.repository.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

describe.each(['sqlite', 'postgres'] as const)('[RT1] the retention sweep on %s', (kind) => {
  const backend = useMigratedDatabase(kind);
  let n = 0;

  async function groupWith(sessions: number, retentionDays: number) {
    const db = backend.db;
    const account = await accountsRepository(db).create({ email: `sweep-${kind}-${++n}@example.org`, displayName: 'Fran', passwordHash: 'x' }, T0);
    const group = await groupsRepository(db).create(account.id, { name: 'Circle', purpose: '' }, T0);
    await groupsRepository(db).updateSupport(group.id, { recordsRetentionDays: retentionDays });
    const ids: string[] = [];
    for (let i = 0; i < sessions; i++) {
      const s = await sessionsRepository(db).start(group.id, `Week ${i}`, T0);
      await participantsRepository(db).create({ sessionId: s.id, role: 'member', displayName: `Person ${n}-${i}`, organisation: 'Org', inviteId: null, accountId: null }, T0);
      await sessionsRepository(db).end(s.id, T0 + DAY);
      ids.push(s.id);
    }
    return { group, ids };
  }

  const named = async (sessionIds: string[]) =>
    (await backend.db.selectFrom('participants').select('display_name').where('session_id', 'in', sessionIds).execute()).filter((p) => p.display_name.startsWith('Person')).length;

  it('sweeps a backlog larger than one batch in one call, then finds nothing more to do', async () => {
    const { ids } = await groupWith(230, 1);
    const first = await purgeExpiredRecords(backend.db, T0 + 2 * DAY);
    expect(first.sessions).toBe(230);
    expect(await named(ids)).toBe(0);
    const before = await backend.db.selectFrom('participants').selectAll().where('session_id', 'in', ids).orderBy('id').execute();
    expect(await purgeExpiredRecords(backend.db, T0 + 400 * DAY)).toMatchObject({ sessions: 0 });
    expect(await backend.db.selectFrom('participants').selectAll().where('session_id', 'in', ids).orderBy('id').execute()).toEqual(before);
  }, 60_000);

  it('a shortened retention applies at the next sweep to the group\'s older sessions too; other groups keep theirs', async () => {
    const { group, ids } = await groupWith(2, 30);
    const other = await groupWith(1, 30);
    expect(await purgeExpiredRecords(backend.db, T0 + 11 * DAY)).toMatchObject({ sessions: 0 });
    expect(await named(ids)).toBe(2);
    await groupsRepository(backend.db).updateSupport(group.id, { recordsRetentionDays: 10 });
    expect(await purgeExpiredRecords(backend.db, T0 + 11 * DAY)).toMatchObject({ sessions: 2 });
    expect(await named(ids)).toBe(0);
    expect(await named(other.ids)).toBe(1);
  });

  it('[AC5] reset links are swept a day after they were used or expired; a link still usable stays', async () => {
    const db = backend.db;
    const account = await accountsRepository(db).create({ email: `resets-${kind}@example.org`, displayName: 'Fran', passwordHash: 'x' }, T0);
    const resets = passwordResetsRepository(db);
    const used = await resets.issue(account.id, T0);
    expect(await resets.complete(used, 'new hash', T0 + 1000)).toEqual({ ok: true, accountId: account.id });
    await resets.issue(account.id, T0 + 2000); // expires unused
    const keep = await resets.issue(account.id, T0 + 2000, 10 * DAY);
    const rows = () => db.selectFrom('password_resets').select('token_hash').where('account_id', '=', account.id).execute();
    expect((await purgeExpiredRecords(db, T0 + RESET_LINK_LIFETIME_MS)).resetLinks).toBe(0);
    expect(await rows()).toHaveLength(3);
    const swept = await purgeExpiredRecords(db, T0 + 2000 + RESET_LINK_LIFETIME_MS + RESET_LINK_KEPT_MS);
    expect(swept.resetLinks).toBe(2);
    expect(await rows()).toHaveLength(1);
    expect(await resets.complete(keep, 'newer hash', T0 + 3 * DAY)).toMatchObject({ ok: true });
  });

  it('[CF1] facilitator invites are swept a day after they were used, revoked or expired; an open one stays', async () => {
    const db = backend.db;
    const maker = await accountsRepository(db).create({ email: `inviter-${kind}@example.org`, displayName: 'Fran', passwordHash: 'x' }, T0);
    const invites = facilitatorInvitesRepository(db);
    const used = await invites.issue(maker.id, `used-${kind}@example.org`, T0);
    expect(await invites.accept(used.token, { displayName: 'Una', passwordHash: 'x' }, T0 + 1000)).toMatchObject({ ok: true });
    const revoked = await invites.issue(maker.id, `revoked-${kind}@example.org`, T0);
    await invites.revoke(revoked.invite.id, maker.id, T0 + 1000);
    const open = await invites.issue(maker.id, `open-${kind}@example.org`, T0 + 1000);
    const rows = () => db.selectFrom('facilitator_invites').select('id').where('invited_by', '=', maker.id).execute();
    expect((await purgeExpiredRecords(db, T0 + 1000 + RESET_LINK_KEPT_MS - 1)).facilitatorInvites).toBe(0);
    expect((await purgeExpiredRecords(db, T0 + 1000 + RESET_LINK_KEPT_MS)).facilitatorInvites).toBe(2);
    expect((await rows()).map((r) => r.id)).toEqual([open.invite.id]);
    expect((await purgeExpiredRecords(db, open.invite.expiresAt + RESET_LINK_KEPT_MS)).facilitatorInvites).toBe(1);
  });
});

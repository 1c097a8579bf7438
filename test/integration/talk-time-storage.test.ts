// Talk-time storage on both databases: raw intervals while live, totals and samples after, the group setting.
import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../support/databases.js';
import { accountsRepository } from '../../server/src/modules/accounts/accounts.repository.js';
import { groupsRepository } from '../../server/src/modules/groups/groups.repository.js';
import { participantsRepository } from '../../server/src/modules/participants/participants.repository.js';
import { sessionsRepository } from '../../server/src/modules/sessions/sessions.repository.js';
import { purgeExpiredRecords } from '../../server/src/modules/retention/index.js';
import { talkTimeRepository } from '../../server/src/modules/talk-time/talk-time.repository.js';

const T0 = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

describe.each(['sqlite', 'postgres'] as const)('talk-time storage on %s', (kind) => {
  const backend = useMigratedDatabase(kind);

  async function session(email: string) {
    const db = backend.db;
    const account = await accountsRepository(db).create({ email, displayName: 'Fran', passwordHash: 'x' }, T0);
    const group = await groupsRepository(db).create(account.id, { name: 'Circle', purpose: '' }, T0);
    const s = await sessionsRepository(db).start(group.id, 'Tuesday', T0);
    const sam = await participantsRepository(db).create({ sessionId: s.id, role: 'member', displayName: 'Sam', organisation: null, inviteId: null, accountId: null }, T0);
    return { group, session: s, samId: sam.id };
  }

  it('[TT9] keeps raw intervals while live (an open presence closed at the last known time), then only totals', async () => {
    const { session: s, samId } = await session(`a-${kind}@example.org`);
    const repo = talkTimeRepository(backend.db);
    await repo.insertInterval(s.id, samId, 'presence', T0, null);
    const speech = await repo.insertInterval(s.id, samId, 'speech', T0 + 1000, T0 + 2000);
    await repo.setIntervalEnd(speech, T0 + 5000);
    expect(await repo.load(s.id)).toEqual([{ id: samId, displayName: 'Sam', role: 'member', speech: [[T0 + 1000, T0 + 5000]], presence: [[T0, T0 + 5000]] }]);

    await repo.saveSample(s.id, { at: T0 + 3000, balance: null, memberTalkMs: 2000 });
    const total = { participantId: samId, displayName: 'Sam', role: 'member' as const, firstJoinedAt: T0, talkMs: 4000, fairShare: 1, turns: 1 };
    await repo.finish(s.id, [total], { at: T0 + 9000, balance: 0.5, memberTalkMs: 4000 });
    expect(await repo.load(s.id)).toEqual([]);
    expect(await repo.totals(s.id)).toEqual([total]);
    expect(await repo.samples(s.id)).toEqual([{ at: T0 + 3000, balance: null, memberTalkMs: 2000 }, { at: T0 + 9000, balance: 0.5, memberTalkMs: 4000 }]);

    // [DS11] Kept per the group's records retention after the session ends, then purged with the rest.
    await sessionsRepository(backend.db).end(s.id, T0 + DAY);
    await purgeExpiredRecords(backend.db, T0 + DAY + 90 * DAY - 1);
    expect(await repo.totals(s.id)).toHaveLength(1);
    await purgeExpiredRecords(backend.db, T0 + DAY + 90 * DAY);
    expect(await repo.totals(s.id)).toEqual([]);
    expect(await repo.samples(s.id)).toEqual([]);
  });

  it('[TT7] the members-see-their-own-share setting is per group, off by default', async () => {
    const { session: s } = await session(`b-${kind}@example.org`);
    const { session: other } = await session(`c-${kind}@example.org`);
    const repo = talkTimeRepository(backend.db);
    expect(await repo.membersSeeOwnShare(s.id)).toBe(false);
    await repo.setMembersSeeOwnShare(s.id, true);
    expect(await repo.membersSeeOwnShare(s.id)).toBe(true);
    expect(await repo.membersSeeOwnShare(other.id)).toBe(false);
    await repo.setMembersSeeOwnShare(s.id, false);
    expect(await repo.membersSeeOwnShare(s.id)).toBe(false);
  });
});

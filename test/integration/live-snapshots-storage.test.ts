// [RS4] Rooms' live state across a graceful restart, on both databases: saved, taken once, and only for
// sessions still live.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../support/databases.js';
import { accountsRepository } from '../../server/src/modules/accounts/accounts.repository.js';
import { groupsRepository } from '../../server/src/modules/groups/groups.repository.js';
import { liveSnapshotsRepository } from '../../server/src/modules/rooms/live-snapshots.repository.js';
import { sessionsRepository } from '../../server/src/modules/sessions/sessions.repository.js';

const T0 = Date.UTC(2026, 0, 1);

describe.each(['sqlite', 'postgres'] as const)('live snapshots on %s', (kind) => {
  const backend = useMigratedDatabase(kind);

  async function session() {
    const db = backend.db;
    const account = await accountsRepository(db).create({ email: `${randomBytes(4).toString('hex')}@example.org`, displayName: 'Fran', passwordHash: 'x' }, T0);
    const group = await groupsRepository(db).create(account.id, { name: 'Circle', purpose: '' }, T0);
    return sessionsRepository(db).start(group.id, 'Tuesday', T0);
  }

  it('[RS4] a snapshot is taken back once, the latest save wins, and an ended session\'s is dropped', async () => {
    const snapshots = liveSnapshotsRepository(backend.db);
    const live = await session();
    const ended = await session();
    await snapshots.save([{ sessionId: live.id, state: '{"v":0}' }, { sessionId: ended.id, state: '{"v":1}' }], T0);
    await snapshots.save([{ sessionId: live.id, state: '{"v":1}' }], T0 + 5);
    await sessionsRepository(backend.db).end(ended.id, T0 + 6);
    expect(await snapshots.takeAll()).toEqual([{ sessionId: live.id, state: '{"v":1}', savedAt: T0 + 5 }]);
    expect(await snapshots.takeAll()).toEqual([]);
  });
});

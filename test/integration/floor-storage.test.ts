// Floor records on both databases: rounds held and turns given per session (counts for the summary), and
// each group's nudge wording.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DefaultNudgeWording } from '@hearth/shared';
import { useMigratedDatabase } from '../support/databases.js';
import { accountsRepository } from '../../server/src/modules/accounts/accounts.repository.js';
import { floorRepository } from '../../server/src/modules/floor/floor.repository.js';
import { groupsRepository } from '../../server/src/modules/groups/groups.repository.js';
import { sessionsRepository } from '../../server/src/modules/sessions/sessions.repository.js';

const T0 = Date.UTC(2026, 0, 1);

describe.each(['sqlite', 'postgres'] as const)('floor storage on %s', (kind) => {
  const backend = useMigratedDatabase(kind);

  async function session() {
    const db = backend.db;
    const account = await accountsRepository(db).create({ email: `${randomBytes(4).toString('hex')}@example.org`, displayName: 'Fran', passwordHash: 'x' }, T0);
    const group = await groupsRepository(db).create(account.id, { name: 'Circle', purpose: '' }, T0);
    return { group, session: await sessionsRepository(db).start(group.id, 'Tuesday', T0) };
  }

  it('countRoundsHeld and countTurnsGiven count per session, starting at zero', async () => {
    const floor = floorRepository(backend.db);
    const { session: s } = await session();
    const { session: other } = await session();
    expect(await floor.countRoundsHeld(s.id)).toBe(0);
    expect(await floor.countTurnsGiven(s.id)).toBe(0);
    for (const [id, kindOf] of [['r1', 'check_in'], ['r2', 'check_out']] as const) {
      await floor.recordRoundStarted({ id: `${s.id}-${id}`, sessionId: s.id, kind: kindOf, startedAt: T0 });
      await floor.recordTurnGiven(s.id, `${s.id}-${id}`, T0 + 1);
      await floor.recordRoundEnded(`${s.id}-${id}`, T0 + 2);
    }
    await floor.recordTurnGiven(s.id, null, T0 + 3);
    await floor.recordRoundStarted({ id: `${other.id}-r`, sessionId: other.id, kind: 'other', startedAt: T0 });
    expect(await floor.countRoundsHeld(s.id)).toBe(2);
    expect(await floor.countTurnsGiven(s.id)).toBe(3);
    expect(await floor.countRoundsHeld(other.id)).toBe(1);
    expect(await floor.countTurnsGiven(other.id)).toBe(0);
  });

  it('a group\'s nudge wording: the defaults until saved, then replaced on each save', async () => {
    const floor = floorRepository(backend.db);
    const { group } = await session();
    const { group: other } = await session();
    expect(await floor.findWording(group.id)).toEqual(DefaultNudgeWording);
    await floor.saveWording(group.id, { makeSpace: 'Space, please', invite: 'Join in?' }, T0);
    await floor.saveWording(group.id, { makeSpace: 'Let\'s hear from others', invite: 'Would you like a turn?' }, T0 + 1);
    expect(await floor.findWording(group.id)).toEqual({ makeSpace: 'Let\'s hear from others', invite: 'Would you like a turn?' });
    expect(await floor.findWording(other.id)).toEqual(DefaultNudgeWording);
  });
});

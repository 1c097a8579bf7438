// Distress storage on both databases: retention purges and case transitions under concurrency.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../support/databases.js';
import { messagesRepository } from '../../server/src/modules/conversations/messages.repository.js';
import { distressRepository } from '../../server/src/modules/distress/distress.repository.js';
import { purgeExpiredRecords } from '../../server/src/modules/retention/index.js';
import { accountsRepository } from '../../server/src/modules/accounts/accounts.repository.js';
import { groupsRepository } from '../../server/src/modules/groups/groups.repository.js';
import { participantsRepository } from '../../server/src/modules/participants/participants.repository.js';
import { sessionsRepository } from '../../server/src/modules/sessions/sessions.repository.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);


describe.each(['sqlite', 'postgres'] as const)('[DS11] support records retention on %s', (kind) => {
  const backend = useMigratedDatabase(kind);

  /** A session with one case (with a conversation) and one backchannel message; ended at `endedAt` or live. */
  async function sessionWithRecords(retentionDays: number | null, endedAt: number | null) {
    const db = backend.db;
    const account = await accountsRepository(db).create({ email: `${randomBytes(4).toString('hex')}@example.org`, displayName: 'Fran', passwordHash: 'x' }, T0);
    const group = await groupsRepository(db).create(account.id, { name: 'Circle', purpose: '' }, T0);
    if (retentionDays !== null) await groupsRepository(db).updateSupport(group.id, { recordsRetentionDays: retentionDays });
    const session = await sessionsRepository(db).start(group.id, 'Tuesday', T0);
    const people = participantsRepository(db);
    const fran = await people.create({ sessionId: session.id, role: 'facilitator', displayName: 'Fran', organisation: null, inviteId: null, accountId: account.id }, T0);
    const sam = await people.create({ sessionId: session.id, role: 'member', displayName: 'Sam', organisation: null, inviteId: null, accountId: null }, T0);
    const alert = await distressRepository(db).raise({ sessionId: session.id, participantId: sam.id, level: 'struggling', note: 'n' }, T0);
    await messagesRepository(db).add(session.id, { kind: 'case', alertId: alert.id }, fran.id, 'hello', T0);
    await messagesRepository(db).add(session.id, { kind: 'backchannel' }, fran.id, 'between us', T0);
    if (endedAt !== null) await sessionsRepository(db).end(session.id, endedAt);
    return session.id;
  }

  async function remaining(sessionId: string) {
    const cases = await distressRepository(backend.db).listAll(sessionId);
    const messages = await backend.db.selectFrom('private_messages').select('id').where('session_id', '=', sessionId).execute();
    const events = await backend.db.selectFrom('distress_events').select('id').where('alert_id', 'in', cases.length ? cases.map((c) => c.id) : ['none']).execute();
    return { cases: cases.length, messages: messages.length, events: events.length };
  }

  it('keeps records until the group\'s retention has passed since the session ended, then deletes all of them', async () => {
    const week = await sessionWithRecords(7, T0 + DAY);
    const byDefault = await sessionWithRecords(null, T0 + DAY);
    const live = await sessionWithRecords(1, null);

    await purgeExpiredRecords(backend.db, T0 + DAY + 7 * DAY - 1);
    expect(await remaining(week)).toEqual({ cases: 1, messages: 2, events: 1 });

    await purgeExpiredRecords(backend.db, T0 + DAY + 7 * DAY);
    expect(await remaining(week)).toEqual({ cases: 0, messages: 0, events: 0 });
    expect(await remaining(byDefault)).toMatchObject({ cases: 1, messages: 2 });

    await purgeExpiredRecords(backend.db, T0 + DAY + 90 * DAY);
    expect(await remaining(byDefault)).toEqual({ cases: 0, messages: 0, events: 0 });
    // A live session's records are never purged, however old.
    await purgeExpiredRecords(backend.db, T0 + 5000 * DAY);
    expect(await remaining(live)).toMatchObject({ cases: 1, messages: 2 });
  });
});

describe.each(['sqlite', 'postgres'] as const)('[DS5] distress cases on %s', (kind) => {
  const backend = useMigratedDatabase(kind);

  async function liveCase() {
    const db = backend.db;
    const account = await accountsRepository(db).create({ email: `${randomBytes(4).toString('hex')}@example.org`, displayName: 'Fran', passwordHash: 'x' }, T0);
    const group = await groupsRepository(db).create(account.id, { name: 'Circle', purpose: '' }, T0);
    const session = await sessionsRepository(db).start(group.id, 'Tuesday', T0);
    const people = participantsRepository(db);
    const facilitators = await Promise.all(
      ['Fran', 'Kim', 'Lee', 'Max', 'Noa'].map((name) => people.create({ sessionId: session.id, role: 'co_facilitator', displayName: name, organisation: null, inviteId: null, accountId: null }, T0)),
    );
    const sam = await people.create({ sessionId: session.id, role: 'member', displayName: 'Sam', organisation: null, inviteId: null, accountId: null }, T0);
    const alert = await distressRepository(db).raise({ sessionId: session.id, participantId: sam.id, level: 'not_safe', note: 'help' }, T0);
    return { sessionId: session.id, alert, facilitators };
  }

  it('five facilitators acknowledging at once: exactly one wins, and the timeline records only them', async () => {
    const { sessionId, alert, facilitators } = await liveCase();
    const repo = distressRepository(backend.db);
    const wins = await Promise.all(
      facilitators.map((f, i) => repo.transition(sessionId, alert.id, { from: 'raised', to: 'acknowledged', kind: 'acknowledged', by: f.id, acknowledges: true }, T0 + 1000 + i)),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    const stored = await repo.find(sessionId, alert.id);
    const winner = facilitators[wins.indexOf(true)];
    expect(stored).toMatchObject({ status: 'acknowledged', acknowledgedBy: { id: winner?.id } });
    expect(stored?.timeline.map((t) => [t.kind, t.by?.id ?? null])).toEqual([
      ['raised', null],
      ['acknowledged', winner?.id],
    ]);
    expect(typeof stored?.raisedAt).toBe('number');
  });

  it('re-alert bookkeeping and open lists survive a round trip', async () => {
    const { sessionId, alert } = await liveCase();
    const repo = distressRepository(backend.db);
    expect((await repo.dueForReAlert(T0 + 30_000)).map((d) => d.id)).toContain(alert.id);
    await repo.markReAlerted(alert.id, T0 + 30_000);
    expect((await repo.dueForReAlert(T0 + 30_000 - 1)).map((d) => d.id)).not.toContain(alert.id);
    expect(await repo.find(sessionId, alert.id)).toMatchObject({ reAlerts: 1, timeline: [{ kind: 'raised' }, { kind: 're_alerted', at: T0 + 30_000 }] });
    expect((await repo.listOpen(sessionId)).map((a) => a.id)).toEqual([alert.id]);
  });

  it('[ND9] two nodes taking the same due re-alert at once: exactly one takes it, one timeline entry', async () => {
    const { sessionId, alert } = await liveCase();
    // Two repositories over the database, as two nodes' schedulers passing at the same instant.
    const [one, two] = [distressRepository(backend.db), distressRepository(backend.db)];
    const taken = await Promise.all([one.markReAlerted(alert.id, T0 + 30_000, T0), two.markReAlerted(alert.id, T0 + 30_001, T0)]);
    expect(taken.filter(Boolean)).toHaveLength(1);
    const stored = await one.find(sessionId, alert.id);
    expect(stored?.reAlerts).toBe(1);
    expect(stored?.timeline.filter((t) => t.kind === 're_alerted')).toHaveLength(1);
    // Taken already: a late pass with the same threshold finds it moved on.
    expect(await two.markReAlerted(alert.id, T0 + 30_002, T0)).toBe(false);
  });
});

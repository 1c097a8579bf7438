import { beforeEach, describe, expect, it } from 'vitest';
import { ApiRoutes } from '@hearth/shared';
import { createInvite, facilitatorCredential, http, memberCredential, redeem, startLiveSession, type LiveSession } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { connectParticipant, eventsNamed, join, settle } from '../support/sockets.js';

const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));

async function facilitatorAndMember() {
  const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
  const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
  await join(fran);
  await join(sam);
  const raised = await sam.send('distress:raise', { level: 'not_safe' });
  if (!raised.ok) throw new Error('raise failed');
  await settle();
  return { fran, sam, alertId: raised.alertId };
}

describe('moving a case on', () => {
  it('[DS5] escalate then resolve, with a timeline of when and who, seen by facilitators only', async () => {
    const { fran, sam, alertId } = await facilitatorAndMember();
    await fran.send('distress:acknowledge', { alertId });
    const escalated = await fran.send('distress:update', { alertId, action: 'escalate' });
    expect(escalated).toMatchObject({ ok: true, alert: { status: 'escalated' } });
    const resolved = await fran.send('distress:update', { alertId, action: 'resolve' });
    if (!resolved.ok) throw new Error('resolve failed');
    expect(resolved.alert.status).toBe('resolved');
    expect(resolved.alert.timeline.map((t) => [t.kind, t.by?.displayName ?? null])).toEqual([
      ['raised', null],
      ['acknowledged', 'Fran'],
      ['escalated', 'Fran'],
      ['resolved', 'Fran'],
    ]);
    await settle();
    expect(eventsNamed(fran, 'distress:updated')).toHaveLength(2);
    expect(eventsNamed(sam, 'distress:updated')).toEqual([]);
    // [DS13] The member hears only that it was closed: no name, no status words, no notes.
    expect(eventsNamed(sam, 'distress:closed')).toEqual([{ alertId, at: expect.any(Number) }]);
  });

  it('[DS13] escalating does not tell the member anything; only closing does, and only them', async () => {
    const { fran, sam, alertId } = await facilitatorAndMember();
    const alex = await fixture.connect((await memberCredential(hearth, live, 'Alex')).token);
    await join(alex);
    await fran.send('distress:update', { alertId, action: 'escalate' });
    await settle();
    expect(eventsNamed(sam, 'distress:closed')).toEqual([]);
    await fran.send('distress:update', { alertId, action: 'resolve' });
    await settle();
    expect(eventsNamed(sam, 'distress:closed')).toHaveLength(1);
    expect(alex.received.filter((r) => r.event.startsWith('distress:'))).toEqual([]);
    expect(eventsNamed(fran, 'distress:closed')).toEqual([]);
  });

  it('[DS5] a resolved case cannot change again, and is no longer re-delivered', async () => {
    const { fran, alertId } = await facilitatorAndMember();
    await fran.send('distress:update', { alertId, action: 'resolve' });
    expect(await fran.send('distress:update', { alertId, action: 'escalate' })).toMatchObject({ ok: false, error: { code: 'conflict', message: 'This request has already been resolved.' } });
    fran.close();
    const again = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    await join(again);
    await settle(200);
    expect(eventsNamed(again, 'distress:alert')).toEqual([]);
  });

  it('[AU1] a member cannot move a case on', async () => {
    const { sam, alertId } = await facilitatorAndMember();
    expect(await sam.send('distress:update', { alertId, action: 'resolve' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });
});

describe('re-alerting', () => {
  it('[DS6] an unacknowledged request is sent to every facilitator again after 30 s, until one acknowledges', async () => {
    let now = Date.UTC(2026, 10, 23, 19);
    const clocked = await startHearth({ now: () => now });
    try {
      const session = await startLiveSession(clocked);
      const fran = await connectParticipant(clocked.url, (await facilitatorCredential(clocked, session)).token);
      const sam = await connectParticipant(clocked.url, (await memberCredential(clocked, session, 'Sam')).token);
      await join(fran);
      await join(sam);
      const raised = await sam.send('distress:raise', { level: 'struggling' });
      if (!raised.ok) throw new Error('raise failed');
      await settle();

      now += 29_000;
      await clocked.services.reAlerts?.tick();
      await settle();
      expect(eventsNamed(fran, 'distress:alert')).toHaveLength(1);

      now += 1_000;
      await clocked.services.reAlerts?.tick();
      await settle();
      const alerts = eventsNamed(fran, 'distress:alert') as { id: string; reAlerts: number }[];
      expect(alerts.map((a) => [a.id, a.reAlerts])).toEqual([
        [raised.alertId, 0],
        [raised.alertId, 1],
      ]);
      expect(eventsNamed(sam, 'distress:alert')).toEqual([]);

      await fran.send('distress:acknowledge', { alertId: raised.alertId });
      now += 60_000;
      await clocked.services.reAlerts?.tick();
      await settle();
      expect(eventsNamed(fran, 'distress:alert')).toHaveLength(2);
      fran.close();
      sam.close();
    } finally {
      await clocked.close();
    }
  });
});

describe('support details', () => {
  it('[DS7] members see the crisis resources when they ask for support; emergency contacts reach facilitators only', async () => {
    const support = await http(hearth, 'PUT', ApiRoutes.groupSupport(live.group.id), {
      cookie: live.cookie,
      body: { crisisResources: 'Samaritans: 116 123, any time', emergencyContacts: 'On-call lead: Dana, 07700 900123' },
    });
    expect(support.body).toMatchObject({ crisisResources: 'Samaritans: 116 123, any time', emergencyContacts: 'On-call lead: Dana, 07700 900123' });

    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
    expect((await join(fran)).support).toEqual({ crisisResources: 'Samaritans: 116 123, any time', emergencyContacts: 'On-call lead: Dana, 07700 900123' });
    expect((await join(sam)).support).toEqual({ crisisResources: 'Samaritans: 116 123, any time', emergencyContacts: null });
    expect(await sam.send('distress:raise', { level: 'not_safe' })).toMatchObject({ ok: true, crisisResources: 'Samaritans: 116 123, any time' });
    await settle();
    expect(JSON.stringify(sam.received)).not.toContain('Dana');
  });

  it('only the owning facilitator sets them, within limits; an empty text clears a field', async () => {
    expect((await http(hearth, 'PUT', ApiRoutes.groupSupport(live.group.id), { body: { crisisResources: 'x' } })).status).toBe(401);
    const tooLong = await http(hearth, 'PUT', ApiRoutes.groupSupport(live.group.id), { cookie: live.cookie, body: { crisisResources: 'x'.repeat(2001) } });
    expect(tooLong.body).toMatchObject({ error: { code: 'invalid_payload' } });
    await http(hearth, 'PUT', ApiRoutes.groupSupport(live.group.id), { cookie: live.cookie, body: { crisisResources: 'Call 111', emergencyContacts: 'Dana' } });
    const cleared = await http(hearth, 'PUT', ApiRoutes.groupSupport(live.group.id), { cookie: live.cookie, body: { emergencyContacts: '  ' } });
    expect(cleared.body).toMatchObject({ crisisResources: 'Call 111', emergencyContacts: null });
  });
});

describe('records', () => {
  it('[DS8] the group facilitator reads every case with its timeline; nobody else can', async () => {
    const { fran, alertId } = await facilitatorAndMember();
    await fran.send('distress:update', { alertId, action: 'resolve' });
    const records = await http<{ id: string; status: string; timeline: { kind: string }[] }[]>(hearth, 'GET', ApiRoutes.sessionCases(live.session.id), { cookie: live.cookie });
    expect(records.body).toEqual([expect.objectContaining({ id: alertId, status: 'resolved' })]);
    expect(records.body[0]?.timeline.map((t) => t.kind)).toEqual(['raised', 'resolved']);
    expect((await http(hearth, 'GET', ApiRoutes.sessionCases(live.session.id))).status).toBe(401);
    expect((await http(hearth, 'GET', ApiRoutes.sessionCases('someoneelsessession'), { cookie: live.cookie })).status).toBe(404);
  });
});

describe('a facilitator opening a case', () => {
  it('[DS9] records a concern about a member without telling them; other facilitators see it in hand', async () => {
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const kim = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Kim')).body.token);
    const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
    await join(fran);
    await join(kim);
    const samId = (await join(sam)).self.id;
    await settle();
    const kimSees = kim.next('distress:alert');
    const opened = await fran.send('distress:open', { participantId: samId, level: 'struggling', note: 'Quiet and tearful tonight' });
    expect(opened).toMatchObject({ ok: true, alert: { participantId: samId, status: 'acknowledged', openedBy: { displayName: 'Fran' }, acknowledgedBy: { displayName: 'Fran' } } });
    expect(await kimSees).toMatchObject({ participantId: samId, status: 'acknowledged', note: 'Quiet and tearful tonight' });
    // [DS13] Closing a case the member never raised tells them nothing either.
    if (!opened.ok) throw new Error('open failed');
    await fran.send('distress:update', { alertId: opened.alert.id, action: 'resolve' });
    await settle();
    expect(sam.received.filter((r) => r.event.startsWith('distress:'))).toEqual([]);
    expect(eventsNamed(fran, 'distress:alert')).toEqual([]);
  });

  it('[AU1] members cannot open cases about others; a case needs someone in the room', async () => {
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
    const franId = (await join(fran)).self.id;
    await join(sam);
    expect(await sam.send('distress:open', { participantId: franId, level: 'struggling' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await fran.send('distress:open', { participantId: 'nobodyhere', level: 'struggling' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('[DS14] a case opened about a member stays with staff until a facilitator brings them in, and they never see what came before', async () => {
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const kim = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Kim')).body.token);
    const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
    await join(fran);
    await join(kim);
    const samId = (await join(sam)).self.id;
    const opened = await fran.send('distress:open', { participantId: samId, level: 'struggling' });
    if (!opened.ok) throw new Error('open failed');
    const alertId = opened.alert.id;
    expect(opened.alert.memberIncludedAt).toBeNull();

    // Facilitators write about Sam: Kim reads it, Sam receives nothing and cannot read or write into it.
    const kimHears = kim.next('case:message');
    expect(await fran.send('case:message', { alertId, body: 'Noticed Sam went quiet after the check-in' })).toMatchObject({ ok: true });
    expect(await kimHears).toMatchObject({ alertId, message: { body: 'Noticed Sam went quiet after the check-in' } });
    expect(await sam.send('case:history', { alertId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await sam.send('case:message', { alertId, body: 'hello?' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // A pull-aside would tell Sam of it too: refused until Sam is brought in.
    expect(await fran.send('aside:start', { alertId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Members cannot bring anyone in.
    expect(await sam.send('case:bring-in', { alertId })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    await settle();
    expect(sam.received.filter((r) => r.event.startsWith('distress:') || r.event.startsWith('case:') || r.event.startsWith('aside:started'))).toEqual([]);

    // Brought in: Kim sees the change, and from now on Sam hears what facilitators write, not the notes before.
    const kimUpdated = kim.next('distress:updated');
    const broughtIn = await fran.send('case:bring-in', { alertId });
    expect(broughtIn).toMatchObject({ ok: true, alert: { id: alertId, memberIncludedAt: expect.any(Number) } });
    expect(await kimUpdated).toMatchObject({ id: alertId, memberIncludedAt: expect.any(Number) });
    expect(await fran.send('case:bring-in', { alertId })).toMatchObject({ ok: true });
    const samHears = sam.next('case:message');
    await fran.send('case:message', { alertId, body: 'Sam, would you like a word in private?' });
    expect(await samHears).toMatchObject({ alertId, message: { body: 'Sam, would you like a word in private?' } });
    const history = await sam.send('case:history', { alertId });
    if (!history.ok) throw new Error('history refused');
    expect(history.messages.map((m) => m.body)).toEqual(['Sam, would you like a word in private?']);
    const franHistory = await fran.send('case:history', { alertId });
    expect(franHistory.ok && franHistory.messages.map((m) => m.body)).toEqual(['Noticed Sam went quiet after the check-in', 'Sam, would you like a word in private?']);
    expect(await fran.send('aside:start', { alertId })).toMatchObject({ ok: true });
    // Closing a case they are part of tells them, as it does for a request they raised [DS13].
    const closed = sam.next('distress:closed');
    await fran.send('distress:update', { alertId, action: 'resolve' });
    expect(await closed).toEqual({ alertId, at: expect.any(Number) });
  });
});

describe('handover', () => {
  it('[DS10] as the session ends, facilitators receive the open cases; members receive none', async () => {
    const { fran, sam, alertId } = await facilitatorAndMember();
    const handover = fran.next('distress:handover');
    const closed = sam.next('room:closed');
    await http(hearth, 'POST', ApiRoutes.endSession(live.session.id), { cookie: live.cookie });
    expect((await handover).openCases).toEqual([expect.objectContaining({ id: alertId, status: 'raised' })]);
    await closed;
    expect(eventsNamed(sam, 'distress:handover')).toEqual([]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { createInvite, facilitatorCredential, memberCredential, redeem, startLiveSession, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { eventsNamed, join, settle, type TestClient } from '../support/sockets.js';

const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));

/** Fran (facilitator), Kim (co-facilitator), Sam and Alex (members), all joined. */
const room = () => fixture.staffedRoom();

const distressEvents = ['distress:alert', 'distress:acknowledged', 'distress:seen'];
function distressTraffic(client: TestClient) {
  return client.received.filter((r) => distressEvents.includes(r.event));
}

describe('raising a support request', () => {
  it('[DS1] the alert is stored before the member is told it was received', async () => {
    const { sam } = await room();
    const ack = await sam.send('distress:raise', { level: 'struggling', note: 'Finding tonight hard' });
    expect(ack).toMatchObject({ ok: true, alertId: expect.any(String), raisedAt: expect.any(Number) });
    const stored = await hearth.services.distress.listOpen(live.session.id);
    expect(stored).toEqual([expect.objectContaining({ id: ack.ok ? ack.alertId : '', level: 'struggling', note: 'Finding tonight hard', displayName: 'Sam' })]);
  });

  it('[DS2] reaches the facilitator and co-facilitator, and no member, not even the one who raised it', async () => {
    const { fran, kim, sam, alex, ids } = await room();
    const franGets = fran.next('distress:alert');
    const kimGets = kim.next('distress:alert');
    await sam.send('distress:raise', { level: 'not_safe', note: 'Please call me' });
    const expected = { participantId: ids.sam, displayName: 'Sam', level: 'not_safe', note: 'Please call me', acknowledgedAt: null, acknowledgedBy: null };
    expect(await franGets).toMatchObject(expected);
    expect(await kimGets).toMatchObject(expected);
    await settle();
    expect(distressTraffic(alex)).toEqual([]);
    expect(distressTraffic(sam)).toEqual([]);
  });

  it('[DS2] never reaches anyone in another session', async () => {
    const other = await startLiveSession(hearth, live.cookie);
    const otherFacilitator = await fixture.connect((await facilitatorCredential(hearth, other)).token);
    const otherMember = await fixture.connect((await memberCredential(hearth, other, 'Jo')).token);
    await join(otherFacilitator);
    await join(otherMember);
    const { sam, fran } = await room();
    const franGets = fran.next('distress:alert');
    expect(await sam.send('distress:raise', { level: 'struggling' })).toMatchObject({ ok: true });
    await franGets; // delivered where it should be...
    await settle();
    expect(distressTraffic(otherFacilitator)).toEqual([]); // ...and nowhere else
    expect(distressTraffic(otherMember)).toEqual([]);
  });

  it.each([
    ['an unknown level', { level: 'panic' }],
    ['a note that is too long', { level: 'struggling', note: 'x'.repeat(281) }],
    ['an empty note', { level: 'struggling', note: '' }],
    ['a recipient', { level: 'struggling', to: 'someone' }],
  ])('[PV1] refuses %s with invalid_payload and stores nothing', async (_case, payload) => {
    const { sam } = await room();
    expect(await sam.sendRaw('distress:raise', payload)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await hearth.services.distress.listOpen(live.session.id)).toEqual([]);
  });
});

describe('acknowledging', () => {
  it('[DS4] the member hears only that it was seen; other facilitators see who took it; other members hear nothing', async () => {
    const { fran, kim, sam, alex } = await room();
    const raised = await sam.send('distress:raise', { level: 'talk_privately' });
    if (!raised.ok) throw new Error('raise failed');
    await settle();
    const seen = sam.next('distress:seen');
    const kimSees = kim.next('distress:acknowledged');
    const ack = await fran.send('distress:acknowledge', { alertId: raised.alertId });
    expect(ack).toMatchObject({ ok: true, alert: { id: raised.alertId, acknowledgedBy: { displayName: 'Fran' } } });
    expect(await seen).toEqual({ alertId: raised.alertId, at: expect.any(Number) });
    expect(await kimSees).toMatchObject({ id: raised.alertId, acknowledgedBy: { displayName: 'Fran' } });
    await settle();
    expect(distressTraffic(alex)).toEqual([]);
    expect(eventsNamed(sam, 'distress:acknowledged')).toEqual([]);
  });

  it('the first acknowledgement wins; a second is answered with who already has it', async () => {
    const { fran, kim, sam } = await room();
    const raised = await sam.send('distress:raise', { level: 'struggling' });
    if (!raised.ok) throw new Error('raise failed');
    await fran.send('distress:acknowledge', { alertId: raised.alertId });
    expect(await kim.send('distress:acknowledge', { alertId: raised.alertId })).toMatchObject({ ok: true, alert: { acknowledgedBy: { displayName: 'Fran' } } });
    await settle();
    expect(eventsNamed(sam, 'distress:seen')).toHaveLength(1);
  });

  it('[AU1] a member cannot acknowledge, and an alert of another session is not_found', async () => {
    const { fran, sam, alex } = await room();
    const raised = await sam.send('distress:raise', { level: 'struggling' });
    if (!raised.ok) throw new Error('raise failed');
    expect(await alex.send('distress:acknowledge', { alertId: raised.alertId })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });

    const other = await startLiveSession(hearth, live.cookie);
    const jo = await fixture.connect((await memberCredential(hearth, other, 'Jo')).token);
    await join(jo);
    const elsewhere = await jo.send('distress:raise', { level: 'struggling' });
    if (!elsewhere.ok) throw new Error('raise failed');
    expect(await fran.send('distress:acknowledge', { alertId: elsewhere.alertId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('re-delivery', () => {
  it('[DS3] a facilitator who joins later receives every open case; unacknowledged ones as alerts', async () => {
    const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
    await join(sam);
    const raised = await sam.send('distress:raise', { level: 'struggling', note: 'nobody is here yet' });
    if (!raised.ok) throw new Error('raise failed');

    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const delivered = fran.next('distress:alert');
    await join(fran);
    expect(await delivered).toMatchObject({ id: raised.alertId, note: 'nobody is here yet' });

    // Reconnecting before acknowledging: delivered again.
    fran.close();
    const franAgain = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const again = franAgain.next('distress:alert');
    await join(franAgain);
    expect(await again).toMatchObject({ id: raised.alertId });
    await franAgain.send('distress:acknowledge', { alertId: raised.alertId });

    // Once acknowledged, a co-facilitator joining later still sees the open case, marked as in hand (not a new alert).
    const kim = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Kim')).body.token);
    await join(kim);
    await settle(200);
    expect(eventsNamed(kim, 'distress:alert')).toEqual([
      expect.objectContaining({ id: raised.alertId, status: 'acknowledged', acknowledgedBy: expect.objectContaining({ displayName: 'Fran' }) }),
    ]);
  });

  it('[DS2] a member who joins later receives no alerts', async () => {
    const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
    await join(sam);
    expect(await sam.send('distress:raise', { level: 'struggling' })).toMatchObject({ ok: true });
    const alex = await fixture.connect((await memberCredential(hearth, live, 'Alex')).token);
    await join(alex);
    await settle(200);
    expect(distressTraffic(alex)).toEqual([]);
  });
});

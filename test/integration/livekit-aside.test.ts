import { beforeEach, describe, expect, it } from 'vitest';
import { TokenVerifier } from 'livekit-server-sdk';
import type { FactPayload } from '@hearth/shared';
import { facilitatorCredential, memberCredential, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { signedWebhook, useLiveKitRoom, type LiveKitDouble } from '../support/livekit-double.js';
import { eventsNamed, joinAnyMode, settle, type TestClient } from '../support/sockets.js';

/**
 * [LR16] The pull-aside in LiveKit mode against the LiveKit double, for what the real server cannot be
 * made to do on demand: LiveKit down, or refusing halfway. What is asserted is what the double holds
 * afterwards (permissions, tracks, rooms: the state a real SFU would be in) and what each person was
 * told; the real-SFU side (nobody else receives the two) is test/livekit/livekit-aside.test.ts.
 */
const fixture = useLiveKitRoom();
let hearth: TestHearth;
let live: LiveSession;
let livekit: LiveKitDouble;
beforeEach(() => ({ hearth, live, livekit } = fixture));

const room = () => live.session.id;
const JOINED_SOURCES = ['CAMERA', 'MICROPHONE'];

/** Fran (facilitator), Sam (asked to talk privately) and Alex, joined; each publishes to the SFU. */
async function joined() {
  const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
  const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
  const alex = await fixture.connect((await memberCredential(hearth, live, 'Alex')).token);
  const ids = { fran: (await joinAnyMode(fran)).self.id, sam: (await joinAnyMode(sam)).self.id, alex: (await joinAnyMode(alex)).self.id };
  for (const [name, id] of Object.entries(ids)) {
    livekit.seed(room(), id, [{ sid: `TR_${name}_mic`, kind: 'audio' }, { sid: `TR_${name}_cam`, kind: 'video' }], { canPublishSources: JOINED_SOURCES, canPublishData: false });
  }
  const raised = await sam.send('distress:raise', { level: 'talk_privately' });
  if (!raised.ok) throw new Error('raise failed');
  await settle();
  return { fran, sam, alex, ids, alertId: raised.alertId };
}

const publishing = (identity: string) => {
  const p = livekit.participant(room(), identity);
  return p && { canPublish: p.permission.canPublish, sources: p.permission.canPublishSources, canSubscribe: p.permission.canSubscribe, tracks: p.tracks.length };
};
const asOnJoin = { canPublish: true, sources: JOINED_SOURCES, canSubscribe: true, tracks: 2 };
const asideOf = (client: TestClient) => eventsNamed(client, 'aside:started') as FactPayload<'aside:started'>[];

describe('[LR16] starting a pull-aside in LiveKit mode', () => {
  it('the SFU stops taking the two people’s media in the session room; each gets a token for a room of the two alone', async () => {
    const { fran, sam, alex, ids, alertId } = await joined();
    const started = await fran.send('aside:start', { alertId });
    expect(started).toMatchObject({ ok: true });
    await settle();
    for (const id of [ids.fran, ids.sam]) expect(publishing(id)).toEqual({ canPublish: false, sources: [], canSubscribe: true, tracks: 0 });
    // Alex is untouched, and hears of no private conversation.
    expect(publishing(ids.alex)).toEqual(asOnJoin);
    expect(asideOf(alex)).toEqual([]);

    const [toSam] = asideOf(sam);
    const [toFran] = asideOf(fran);
    const asideRoom = `${room()}.aside.${toSam?.asideId}`;
    const verifier = new TokenVerifier(livekit.apiKey, livekit.apiSecret);
    for (const [fact, id] of [[toSam, ids.sam], [toFran, ids.fran]] as const) {
      expect(fact?.media).toEqual({ url: livekit.url, room: asideRoom, token: expect.any(String) });
      const claims = await verifier.verify(fact?.media?.token ?? '');
      // One room only (not the session's), publishing and receiving, no admin, no data.
      expect(claims).toMatchObject({ sub: id, video: { room: asideRoom, roomJoin: true, roomAdmin: false, canPublish: true, canSubscribe: true, canPublishData: false } });
    }
  });

  it('LiveKit down: the facilitator is told media_unavailable, and nothing changed: nobody told, nobody away, the case as it was', async () => {
    const { fran, sam, alex, ids, alertId } = await joined();
    livekit.fail('down');
    expect(await fran.send('aside:start', { alertId })).toMatchObject({ ok: false, error: { code: 'media_unavailable' } });
    livekit.recover();
    await settle();
    for (const client of [fran, sam, alex]) {
      expect(asideOf(client)).toEqual([]);
      expect(eventsNamed(client, 'aside:away')).toEqual([]);
    }
    expect(hearth.services.asides.of(room(), ids.sam)).toBeUndefined();
    expect((await hearth.services.distress.find(room(), alertId))?.status).toBe('raised');
    for (const id of [ids.fran, ids.sam, ids.alex]) expect(publishing(id)).toEqual(asOnJoin);
    // And once LiveKit is back, the same request starts it.
    expect(await fran.send('aside:start', { alertId })).toMatchObject({ ok: true });
  });

  it('LiveKit refusing halfway (the second person): the first gets their permissions back, and nobody is told of an aside', async () => {
    const { fran, sam, ids, alertId } = await joined();
    livekit.fail({ code: 'internal' }, ids.fran);
    expect(await fran.send('aside:start', { alertId })).toMatchObject({ ok: false, error: { code: 'media_unavailable' } });
    livekit.recover();
    await settle();
    expect(asideOf(sam)).toEqual([]);
    expect(asideOf(fran)).toEqual([]);
    // The permission set given back whole; the tracks the SFU took away meanwhile are Sam's to publish again.
    expect(publishing(ids.sam)).toMatchObject({ canPublish: true, sources: JOINED_SOURCES, canSubscribe: true });
    expect(publishing(ids.fran)).toEqual(asOnJoin);
  });
});

describe('[LR16] ending a pull-aside in LiveKit mode', () => {
  async function inAside() {
    const people = await joined();
    await people.fran.send('aside:start', { alertId: people.alertId });
    await settle();
    const asideRoom = asideOf(people.sam)[0]?.media?.room ?? '';
    livekit.seed(asideRoom, people.ids.sam, [{ sid: 'TR_s', kind: 'audio' }]);
    livekit.seed(asideRoom, people.ids.fran, [{ sid: 'TR_f', kind: 'audio' }]);
    return { ...people, asideRoom };
  }

  it('returning gives both their publishing in the session room back and closes the aside’s room, before they are told', async () => {
    const { sam, fran, ids, asideRoom } = await inAside();
    const told = sam.next('aside:ended');
    expect(await sam.send('aside:end', {})).toEqual({ ok: true });
    await told;
    for (const id of [ids.sam, ids.fran]) expect(publishing(id)).toMatchObject({ canPublish: true, sources: JOINED_SOURCES, canSubscribe: true });
    expect(livekit.participant(asideRoom, ids.sam)).toBeUndefined();
    expect(livekit.participant(asideRoom, ids.fran)).toBeUndefined();
    // The permissions were given back before "ended" was sent (a client republishes on hearing it).
    const order = livekit.calls.filter((c) => c.method === 'UpdateParticipant' || c.method === 'DeleteRoom').slice(-3).map((c) => c.method);
    expect(order).toEqual(['UpdateParticipant', 'UpdateParticipant', 'DeleteRoom']);
    await settle();
    expect(eventsNamed(fran, 'aside:ended')).toHaveLength(1);
  });

  it('floor control turned on during the aside does not give Sam publishing back early; the return applies it (camera only)', async () => {
    const { sam, fran, ids } = await inAside();
    expect(await fran.send('floor:control', { on: true })).toMatchObject({ ok: true });
    await settle();
    expect(publishing(ids.sam)).toMatchObject({ canPublish: false, sources: [] });
    const told = sam.next('aside:ended');
    expect(await sam.send('aside:end', {})).toEqual({ ok: true });
    await told;
    expect(publishing(ids.sam)).toMatchObject({ canPublish: true, sources: ['CAMERA'] });
  });

  it('LiveKit down at the return: media_unavailable, and the aside goes on (nobody is sent back half-way)', async () => {
    const { sam, fran, ids } = await inAside();
    livekit.fail('down');
    expect(await sam.send('aside:end', {})).toMatchObject({ ok: false, error: { code: 'media_unavailable' } });
    livekit.recover();
    await settle();
    expect(eventsNamed(sam, 'aside:ended')).toEqual([]);
    expect(eventsNamed(fran, 'aside:ended')).toEqual([]);
    expect(hearth.services.asides.of(room(), ids.sam)).toBeDefined();
    expect(publishing(ids.sam)).toMatchObject({ canPublish: false });
  });

  it('[PA5] Sam leaving ends it even with LiveKit down: Fran is told and is no longer in an aside', async () => {
    const { sam, fran, ids } = await inAside();
    livekit.fail('down');
    const told = fran.next('aside:ended');
    sam.close();
    expect(await told).toMatchObject({ reason: 'left' });
    expect(hearth.services.asides.of(room(), ids.fran)).toBeUndefined();
    livekit.recover();
  });

  it('someone else joining the aside’s LiveKit room (a token from elsewhere) is removed from it at once', async () => {
    const { ids, asideRoom } = await inAside();
    livekit.seed(asideRoom, ids.alex);
    const signed = await signedWebhook({ event: 'participant_joined', id: 'EV_alex_aside', room: { name: asideRoom }, participant: { identity: ids.alex } });
    const response = await fetch(`${hearth.url}/livekit/webhook`, { method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: signed.authorization }, body: signed.body });
    expect(response.status).toBe(200);
    expect(livekit.participant(asideRoom, ids.alex)).toBeUndefined();
    // The two of the aside are left alone.
    const again = await signedWebhook({ event: 'participant_joined', id: 'EV_sam_aside', room: { name: asideRoom }, participant: { identity: ids.sam } });
    await fetch(`${hearth.url}/livekit/webhook`, { method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: again.authorization }, body: again.body });
    expect(livekit.participant(asideRoom, ids.sam)).toBeDefined();
  });
});

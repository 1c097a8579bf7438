import { beforeEach, describe, expect, it } from 'vitest';
import { TokenVerifier } from 'livekit-server-sdk';
import { ApiRoutes, mediaKeySlot, PROTOCOL_VERSION, type Group, type Session } from '@hearth/shared';
import { createInvite, facilitatorCredential, http, memberCredential, redeem, startLiveSession, type LiveSession } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { DOUBLE_API_KEY, DOUBLE_API_SECRET, useLiveKitRoom, type LiveKitDouble } from '../support/livekit-double.js';
import { connectParticipant, eventsNamed, handshakeRefusal, joinAnyMode, settle, type TestClient } from '../support/sockets.js';

/**
 * [LE1]-[LE3] End-to-end media encryption in LiveKit mode, a group setting. The Hearth server draws a key
 * per session and gives it only to people admitted to the room, in room:join's media access; LiveKit (here
 * the double, which records every call) never receives it. That the SFU really cannot decode without it is
 * test/livekit/livekit-e2ee.test.ts, against the real server.
 */
const fixture = useLiveKitRoom();
let hearth: TestHearth;
let livekit: LiveKitDouble;
let first: LiveSession;
beforeEach(() => ({ hearth, livekit, live: first } = fixture));

const setEncryption = (enabled: unknown, cookie: string | undefined = first.cookie, groupId = first.group.id) =>
  http<Group & { error?: { code: string } }>(hearth, 'PUT', ApiRoutes.groupMediaEncryption(groupId), { cookie, body: { enabled } });

/** Turns the setting on and starts a new session of the same group (the setting applies to new sessions). */
async function encryptedSession(): Promise<LiveSession> {
  const on = await setEncryption(true);
  expect([on.status, on.body.mediaEncryption]).toEqual([200, true]);
  const session = await http<Session>(hearth, 'POST', ApiRoutes.groupSessions(first.group.id), { cookie: first.cookie, body: {} });
  expect(session.status).toBe(201);
  return { cookie: first.cookie, group: on.body, session: session.body };
}

async function joined(client: TestClient) {
  const ack = await joinAnyMode(client);
  if (ack.media.mode !== 'livekit') throw new Error('expected LiveKit mode');
  return { ...ack, media: ack.media };
}

const received = (client: TestClient) => JSON.stringify(client.received);

describe('[LE1] the group setting', () => {
  it('is off for a new group: a LiveKit join carries no key', async () => {
    expect(first.group.mediaEncryption).toBe(false);
    const fran = await fixture.connect((await facilitatorCredential(hearth, first)).token);
    expect((await joined(fran)).media).not.toHaveProperty('e2eeKey');
  });

  it('on: everyone admitted to a session started afterwards gets the same key, and another session gets another', async () => {
    const live = await encryptedSession();
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const kim = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Kim')).body.token);
    const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
    const keys = [(await joined(fran)).media.e2eeKey, (await joined(kim)).media.e2eeKey, (await joined(sam)).media.e2eeKey];
    expect(keys[0]).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(keys[0] ?? '', 'base64')).toHaveLength(32);
    expect(new Set(keys)).toEqual(new Set([keys[0]]));

    const next = await encryptedSession();
    const alex = await fixture.connect((await memberCredential(hearth, next, 'Alex')).token);
    const other = (await joined(alex)).media.e2eeKey;
    expect(other).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(other).not.toBe(keys[0]);
  });

  it('a session that was already live keeps the media it began with (everyone in one room holds one key or none)', async () => {
    await encryptedSession();
    const sam = await fixture.connect((await memberCredential(hearth, first, 'Sam')).token);
    expect((await joined(sam)).media).not.toHaveProperty('e2eeKey');
  });

  it('turned off: later sessions are not encrypted; the group says so', async () => {
    await encryptedSession();
    const off = await setEncryption(false);
    expect([off.status, off.body.mediaEncryption]).toEqual([200, false]);
    const later = await startLiveSession(hearth, first.cookie);
    const sam = await fixture.connect((await memberCredential(hearth, { ...later, group: first.group }, 'Sam')).token);
    expect((await joined(sam)).media).not.toHaveProperty('e2eeKey');
    const groups = await http<Group[]>(hearth, 'GET', ApiRoutes.groups, { cookie: first.cookie });
    expect(groups.body.find((g) => g.id === first.group.id)?.mediaEncryption).toBe(false);
  });

  it('refuses a member, a malformed body, an unknown group and anyone not signed in, changing nothing', async () => {
    const sam = (await memberCredential(hearth, first, 'Sam')).token;
    expect((await setEncryption(true, `hearth_session=${sam}`)).status).toBe(401);
    expect((await http(hearth, 'PUT', ApiRoutes.groupMediaEncryption(first.group.id), { body: { enabled: true } })).status).toBe(401);
    expect((await setEncryption('yes')).status).toBe(400);
    expect((await http(hearth, 'PUT', ApiRoutes.groupMediaEncryption(first.group.id), { cookie: first.cookie, body: { enabled: true, key: 'mine' } })).status).toBe(400);
    expect((await http(hearth, 'PUT', ApiRoutes.groupMediaEncryption(first.group.id), { cookie: first.cookie, body: {} })).status).toBe(400);
    expect((await setEncryption(true, first.cookie, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await setEncryption(true, first.cookie, 'not an id')).status).toBe(400);
    const groups = await http<Group[]>(hearth, 'GET', ApiRoutes.groups, { cookie: first.cookie });
    expect(groups.body.find((g) => g.id === first.group.id)?.mediaEncryption).toBe(false);
  });
});

describe('[LE2] only people admitted to the room receive the key, and LiveKit never does', () => {
  it('the key is in no LiveKit token and in no call to LiveKit, and no session answer carries it', async () => {
    const live = await encryptedSession();
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
    const franJoin = await joined(fran);
    const samJoin = await joined(sam);
    const key = samJoin.media.e2eeKey ?? '';
    expect(key).not.toBe('');
    livekit.seed(live.session.id, samJoin.self.id, [{ sid: 'TR_sam_mic', kind: 'audio' }]);
    expect(await fran.send('moderation:mute', { participantId: samJoin.self.id })).toMatchObject({ ok: true });
    for (const { media } of [franJoin, samJoin]) {
      const claims = await new TokenVerifier(DOUBLE_API_KEY, DOUBLE_API_SECRET).verify(media.token);
      expect(JSON.stringify(claims)).not.toContain(key);
      expect(Buffer.from(media.token.split('.')[1] ?? '', 'base64url').toString()).not.toContain(key);
    }
    expect(livekit.calls.length).toBeGreaterThan(0);
    expect(JSON.stringify(livekit.calls)).not.toContain(key);
    const sessions = await http(hearth, 'GET', ApiRoutes.groupSessions(live.group.id), { cookie: live.cookie });
    expect(JSON.stringify(sessions.body)).not.toContain(key);
    expect(JSON.stringify(sessions.body)).not.toMatch(/media_?key/i);
  });

  it('a person in the waiting room has no key until a facilitator admits them', async () => {
    const live = await encryptedSession();
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const key = (await joined(fran)).media.e2eeKey ?? '';
    await fran.send('moderation:waiting-room', { enabled: true });
    const wren = await fixture.connect((await memberCredential(hearth, live, 'Wren')).token);
    const refused = await wren.send('room:join', { audio: true, video: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'admission_required' } });
    const announced = fran.next('waiting:updated');
    const waiting = await wren.send('waiting:enter', {});
    expect(waiting).toMatchObject({ ok: true, status: 'waiting' });
    const wrenId = (await announced).waiting[0]?.participantId ?? '';
    expect(JSON.stringify([refused, waiting])).not.toContain(key);
    await settle();
    expect(received(wren)).not.toContain(key);

    const decided = wren.next('waiting:decided');
    expect(await fran.send('waiting:admit', { participantId: wrenId })).toEqual({ ok: true });
    await decided;
    expect(received(wren)).not.toContain(key);
    expect((await joined(wren)).media.e2eeKey).toBe(key);
  });

  it('a removed person is refused at the door, and a connection opened before the removal is closed without a key', async () => {
    const live = await encryptedSession();
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const samCredential = await memberCredential(hearth, live, 'Sam');
    const sam = await fixture.connect(samCredential.token);
    await joined(fran);
    const samId = (await joined(sam)).self.id;
    livekit.seed(live.session.id, samId, [{ sid: 'TR_sam_mic', kind: 'audio' }]);
    // A second connection with Sam's credential, opened before the removal and never joined.
    const earlier = await fixture.connect(samCredential.token);
    expect(await fran.send('moderation:remove', { participantId: samId })).toEqual({ ok: true });
    expect(await handshakeRefusal(hearth.url, { protocolVersion: PROTOCOL_VERSION, token: samCredential.token })).toMatchObject({ code: 'removed' });
    await settle();
    // [AU6] The connection opened before the removal is closed, having received no key.
    expect(earlier.socket.connected).toBe(false);
    const key = (await hearth.services.sessions.mediaKey(live.session.id)) ?? '';
    expect(key).not.toBe('');
    expect(JSON.stringify(earlier.received)).not.toContain(key);
  });

  it('the hidden supervisor, admitted, gets the key (they see and hear the group); with observation off they get nothing', async () => {
    const live = await encryptedSession();
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const key = (await joined(fran)).media.e2eeKey;
    const veraCredential = (await redeem(hearth, await createInvite(hearth, live, { role: 'supervisor' }), 'Vera')).body;
    const vera = await fixture.connect(veraCredential.token);
    const veraJoin = await joined(vera);
    expect(veraJoin.self.role).toBe('supervisor');
    expect(veraJoin.media.e2eeKey).toBe(key);

    vera.close();
    expect((await http(hearth, 'PUT', ApiRoutes.groupObservation(live.group.id), { cookie: live.cookie, body: { allowed: false } })).status).toBe(200);
    expect(await handshakeRefusal(hearth.url, { protocolVersion: PROTOCOL_VERSION, token: veraCredential.token })).toMatchObject({ code: 'observation_off' });
  });

  it('[LE3] the key goes when the session ends', async () => {
    const live = await encryptedSession();
    expect(await hearth.services.sessions.mediaKey(live.session.id)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect((await http(hearth, 'POST', ApiRoutes.endSession(live.session.id), { cookie: live.cookie })).status).toBe(200);
    const row = await hearth.services.db.selectFrom('sessions').select('media_key').where('id', '=', live.session.id).executeTakeFirstOrThrow();
    expect(row.media_key).toBeNull();
  });
});

describe('[LE1] mesh mode', () => {
  it('the setting changes nothing: browsers already encrypt to each other, and no key is ever sent', async () => {
    const mesh = await startHearth();
    try {
      const live = await startLiveSession(mesh);
      const on = await http<Group>(mesh, 'PUT', ApiRoutes.groupMediaEncryption(live.group.id), { cookie: live.cookie, body: { enabled: true } });
      expect(on.body.mediaEncryption).toBe(true);
      const session = await http<Session>(mesh, 'POST', ApiRoutes.groupSessions(live.group.id), { cookie: live.cookie, body: {} });
      const sam = await connectParticipant(mesh.url, (await memberCredential(mesh, { ...live, session: session.body }, 'Sam')).token);
      const ack = await joinAnyMode(sam);
      expect(ack.media.mode).toBe('mesh');
      expect(ack.media).not.toHaveProperty('e2eeKey');
      sam.close();
    } finally {
      await mesh.close();
    }
  });
});

describe('[LE4] a removal or a ban rotates the key, and only the people still in the room get the new one', () => {
  it.each([['moderation:remove'], ['moderation:ban']] as const)('%s: a new key (another ring slot) to everyone left, not to the person taken out; later joins get it', async (command) => {
    const live = await encryptedSession();
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
    const alex = await fixture.connect((await memberCredential(hearth, live, 'Alex')).token);
    const old = (await joined(fran)).media.e2eeKey ?? '';
    await joined(sam);
    const alexId = (await joined(alex)).self.id;
    await settle();
    const samGets = sam.next('media:key');
    expect(await fran.send(command, { participantId: alexId })).toMatchObject({ ok: true });
    const { e2eeKey } = await samGets;
    await settle();
    expect(e2eeKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(e2eeKey).not.toBe(old);
    expect(mediaKeySlot(e2eeKey)).not.toBe(mediaKeySlot(old));
    expect(eventsNamed(fran, 'media:key')).toEqual([{ e2eeKey }]);
    expect(eventsNamed(alex, 'media:key')).toEqual([]);
    expect(received(alex)).not.toContain(e2eeKey);
    expect(await hearth.services.sessions.mediaKey(live.session.id)).toBe(e2eeKey);
    const lee = await fixture.connect((await memberCredential(hearth, live, 'Lee')).token);
    expect((await joined(lee)).media.e2eeKey).toBe(e2eeKey);
  });

  it('a session without encryption sends no key when someone is removed', async () => {
    const fran = await fixture.connect((await facilitatorCredential(hearth, first)).token);
    const sam = await fixture.connect((await memberCredential(hearth, first, 'Sam')).token);
    await joined(fran);
    const samId = (await joined(sam)).self.id;
    expect(await fran.send('moderation:remove', { participantId: samId })).toMatchObject({ ok: true });
    await settle();
    expect(eventsNamed(fran, 'media:key')).toEqual([]);
  });
});

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { createInvite, facilitatorCredential, memberCredential, redeem, startLiveSession, type LiveSession } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { forwardWebhooksTo, joinLiveKitSignal, realLiveKit, realLiveKitEnv, webhookDeliveries } from '../support/real-livekit.js';
import { connectParticipant, joinAnyMode, type TestClient } from '../support/sockets.js';

/**
 * [LR1]-[LR3], [LK4] Hearth in LiveKit mode against the real livekit-server (scripts/livekit-server.mjs, one
 * per run: test/support/global-livekit.ts). No browser here: LiveKit's signalling WebSocket is enough
 * for it to admit or refuse a token and list the participant. Media (publishing, mute, participant_joined,
 * which LiveKit sends only once media connects) needs Chromium.
 */
const livekit = realLiveKit();
const rooms = new RoomServiceClient(livekit.apiUrl, livekit.apiKey, livekit.apiSecret);
let hearth: TestHearth;
let live: LiveSession;
let stopForwarding: () => Promise<void>;
const clients: TestClient[] = [];
const signals: { close(): void }[] = [];

// One Hearth for the file (starting one is the slow part on a loaded machine); a new session, so a new
// LiveKit room, for each test.
beforeAll(async () => {
  hearth = await startHearth({ env: realLiveKitEnv() });
  stopForwarding = await forwardWebhooksTo(hearth.url);
});
afterAll(async () => {
  await stopForwarding();
  await hearth.close();
});
beforeEach(async () => {
  live = await startLiveSession(hearth, live?.cookie);
});
afterEach(() => {
  signals.splice(0).forEach((s) => s.close());
  clients.splice(0).forEach((c) => c.close());
});

/** Joins Hearth's room with this credential and then LiveKit with the token Hearth gave. */
async function joinBoth(token: string) {
  const client = await connectParticipant(hearth.url, token);
  clients.push(client);
  const ack = await joinAnyMode(client);
  if (ack.media.mode !== 'livekit') throw new Error(`expected LiveKit mode, got ${ack.media.mode}`);
  const signal = await joinLiveKitSignal(ack.media.url, ack.media.token);
  if ('refusedWith' in signal) throw new Error(`LiveKit refused Hearth's token with ${signal.refusedWith}`);
  signals.push(signal.socket);
  return { client, id: ack.self.id, media: ack.media, signal };
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

describe('[LR1] the real LiveKit admits the tokens Hearth issues, and only those', () => {
  it('members who joined Hearth are in the LiveKit room under their Hearth id and name', async () => {
    const fran = await joinBoth((await facilitatorCredential(hearth, live)).token);
    const sam = await joinBoth((await memberCredential(hearth, live, 'Sam')).token);
    expect(fran.media.url).toBe(livekit.url);
    const listed = await eventually(() => rooms.listParticipants(live.session.id), (list) => list.length === 2);
    expect(listed.map((p) => ({ identity: p.identity, name: p.name })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { identity: fran.id, name: 'Fran' },
      { identity: sam.id, name: 'Sam' },
    ]);
  });

  it('a token for the same room signed with another secret is refused by LiveKit', async () => {
    const forged = new AccessToken(livekit.apiKey, `${livekit.apiSecret}-not-ours`, { identity: 'intruder' });
    forged.addGrant({ room: live.session.id, roomJoin: true });
    expect(await joinLiveKitSignal(livekit.url, await forged.toJwt())).toEqual({ refusedWith: 401 });
  });
});

describe('[LR2] moderation reaches the real SFU', () => {
  it('a removed member is taken out of the LiveKit room and their media connection is closed', async () => {
    const fran = await joinBoth((await facilitatorCredential(hearth, live)).token);
    const sam = await joinBoth((await memberCredential(hearth, live, 'Sam')).token);
    await eventually(() => rooms.listParticipants(live.session.id), (list) => list.length === 2);
    expect(await fran.client.send('moderation:remove', { participantId: sam.id })).toEqual({ ok: true });
    await sam.signal.closed;
    const listed = await eventually(() => rooms.listParticipants(live.session.id), (list) => list.length === 1);
    expect(listed.map((p) => p.identity)).toEqual([fran.id]);
  });
});

describe('[LR3] the real server’s webhooks reach Hearth and pass verification', () => {
  it('room_started for the session’s room is accepted and processed', async () => {
    await joinBoth((await facilitatorCredential(hearth, live)).token);
    const deliveries = await eventually(() => webhookDeliveries(hearth.url), (list) => list.some((d) => d.room === live.session.id && d.event === 'room_started'));
    expect(deliveries.filter((d) => d.room === live.session.id && d.event === 'room_started')).toEqual([
      expect.objectContaining({ status: 200, answer: { ok: true, duplicate: false } }),
    ]);
  });

  it('a participant who leaves before media connects is reported, and Hearth accepts the report', async () => {
    const sam = await joinBoth((await memberCredential(hearth, live, 'Sam')).token);
    sam.signal.socket.close();
    const deliveries = await eventually(() => webhookDeliveries(hearth.url), (list) => list.some((d) => d.event === 'participant_connection_aborted' && d.room === live.session.id));
    expect(deliveries.filter((d) => d.event === 'participant_connection_aborted' && d.room === live.session.id)).toEqual([
      expect.objectContaining({ room: live.session.id, status: 200, answer: { ok: true, duplicate: false } }),
    ]);
  });
});

describe('[LK4] nobody may publish LiveKit data, as the real SFU holds it', () => {
  it('facilitator, co-facilitator, member and supervisor are each listed by LiveKit without the data permission', async () => {
    const invite = (role: 'co_facilitator' | 'supervisor') => createInvite(hearth, live, { role });
    await joinBoth((await facilitatorCredential(hearth, live)).token);
    await joinBoth((await redeem(hearth, await invite('co_facilitator'), 'Kim')).body.token);
    await joinBoth((await memberCredential(hearth, live, 'Sam')).token);
    await joinBoth((await redeem(hearth, await invite('supervisor'), 'Vera')).body.token);
    const listed = await eventually(() => rooms.listParticipants(live.session.id), (list) => list.length === 4);
    expect(listed.map((p) => [p.name, p.permission?.canPublishData]).sort()).toEqual([
      ['Fran', false],
      ['Kim', false],
      ['Sam', false],
      ['Vera', false],
    ]);
  });
});

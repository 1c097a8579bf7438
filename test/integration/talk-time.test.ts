import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiRoutes, type TalkStats, type TalkSummary } from '@hearth/shared';
import { createInvite, facilitatorCredential, http, memberCredential, redeem, startLiveSession, type LiveSession } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { connectParticipant, eventsNamed, join, settle, type TestClient } from '../support/sockets.js';
import { hashPassword } from '../../server/src/lib/secrets.js';

/**
 * Talk time through the real server and real sockets, on a clock the test moves by hand, so what is
 * credited is exact. Stats pushes are real (at most one a second), so tests wait for them.
 */
let clock = 0;
let hearth: TestHearth;
let live: LiveSession;
const clients: TestClient[] = [];
beforeEach(async () => {
  clock = Date.now();
  hearth = await startHearth({ now: () => clock });
  live = await startLiveSession(hearth);
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await hearth.close();
});

async function connect(token: string): Promise<TestClient> {
  const client = await connectParticipant(hearth.url, token);
  clients.push(client);
  return client;
}

/** Fran (facilitator), Kim (co-facilitator) and members, all joined; the clock then moves 20 s. */
async function room(memberNames: string[] = ['Sam', 'Alex']) {
  const fran = await connect((await facilitatorCredential(hearth, live)).token);
  const kim = await connect((await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Kim')).body.token);
  await join(fran);
  clock += 1;
  await join(kim);
  clock += 1;
  const members: { client: TestClient; id: string }[] = [];
  for (const name of memberNames) {
    const client = await connect((await memberCredential(hearth, live, name)).token);
    members.push({ client, id: (await join(client)).self.id });
    clock += 1; // join order is by time
  }
  clock += 20_000;
  return { fran, kim, members };
}

/** The next `talk:stats` in which `predicate` holds (pushes come at most every 500 ms). */
async function statsWhere(client: TestClient, predicate: (s: TalkStats) => boolean, timeoutMs = 4000): Promise<TalkStats> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const latest = eventsNamed(client, 'talk:stats').at(-1) as TalkStats | undefined;
    if (latest && predicate(latest)) return latest;
    if (Date.now() > deadline) throw new Error(`no matching talk:stats; last: ${JSON.stringify(latest)}`);
    await settle(50);
  }
}

const talkOf = (stats: TalkStats, id: string) => stats.members.find((m) => m.participantId === id)?.talkMs;

describe('reporting and the facilitators\' live view', () => {
  it('[TT6] a member reports speech and both facilitators see it, within a second; no member or other role sees figures', async () => {
    const { fran, kim, members } = await room();
    const [sam, alex] = members as [{ client: TestClient; id: string }, { client: TestClient; id: string }];
    const ack = await sam.client.send('talk:report', { intervals: [{ startAgoMs: 5000, endAgoMs: 1000 }] });
    expect(ack).toEqual({ ok: true });
    const sent = Date.now();
    const seen = await statsWhere(fran, (s) => talkOf(s, sam.id) === 4000);
    expect(Date.now() - sent).toBeLessThan(1500);
    expect(seen).toMatchObject({ memberTalkMs: 4000, notSpokenYet: [alex.id], membersSeeOwnShare: false });
    expect(seen.members.map((m) => m.displayName)).toEqual(['Sam', 'Alex']);
    expect(seen.members[0]).toMatchObject({ share: 1, present: true });
    expect(seen.members[0]?.fairShare).toBeCloseTo(0.5, 3);
    expect(seen.facilitators.map((f) => f.displayName)).toEqual(['Fran', 'Kim']);
    await statsWhere(kim, (s) => talkOf(s, sam.id) === 4000);
    // [TT7] Members receive no talk-time fact at all by default, whatever happened.
    await settle(300);
    for (const { client } of members) expect(client.received.filter((r) => r.event.startsWith('talk:'))).toEqual([]);
  });

  it('[TT2] overlapping speech is credited to each speaker; the facilitator\'s own talk is kept apart', async () => {
    const { fran, members } = await room();
    const [sam, alex] = members as [{ client: TestClient; id: string }, { client: TestClient; id: string }];
    await sam.client.send('talk:report', { intervals: [{ startAgoMs: 6000, endAgoMs: 0 }] });
    await alex.client.send('talk:report', { intervals: [{ startAgoMs: 3000, endAgoMs: 0 }] });
    await fran.send('talk:report', { intervals: [{ startAgoMs: 10_000, endAgoMs: 0 }] });
    const stats = await statsWhere(fran, (s) => s.facilitators[0]?.talkMs === 10_000 && talkOf(s, alex.id) === 3000);
    expect(stats.members.map((m) => [m.talkMs, m.share])).toEqual([[6000, 6000 / 9000], [3000, 3000 / 9000]]);
    expect(stats.memberTalkMs).toBe(9000);
    expect(stats.notSpokenYet).toEqual([]);
    expect(hearth.services.talkTime.spokenMsByParticipant(live.session.id).get(sam.id)).toBe(6000);
  });

  it('[TT1] nothing is credited while server-muted, and a report covering the mute loses the muted part', async () => {
    const { fran, members } = await room(['Sam']);
    const sam = members[0]!;
    const muted = await fran.send('moderation:mute', { participantId: sam.id });
    expect(muted).toMatchObject({ ok: true });
    clock += 5000;
    await sam.client.send('talk:report', { intervals: [{ startAgoMs: 4000, endAgoMs: 0 }], speakingForMs: 500 });
    expect(hearth.services.talkTime.spokenMsByParticipant(live.session.id).get(sam.id)).toBeUndefined();
    // Reaching back 8 s covers 3 s before the mute: only those are credited.
    await sam.client.send('talk:report', { intervals: [{ startAgoMs: 8000, endAgoMs: 0 }] });
    expect(hearth.services.talkTime.spokenMsByParticipant(live.session.id).get(sam.id)).toBe(3000);
    // A self-muted microphone counts as silent too.
    await sam.client.send('media:state', { audio: true, video: true });
    clock += 2000;
    await sam.client.send('media:state', { audio: false, video: true });
    clock += 2000;
    await sam.client.send('talk:report', { intervals: [{ startAgoMs: 4000, endAgoMs: 0 }] });
    expect(await statsWhere(fran, (s) => talkOf(s, sam.id) === 5000)).toBeTruthy();
  });

  it('[TT1] talk in a pull-aside is private: a report arriving during one credits nothing', async () => {
    const { fran, members } = await room(['Sam']);
    const sam = members[0]!;
    const raised = await sam.client.send('distress:raise', { level: 'talk_privately' });
    if (!raised.ok) throw new Error('raise failed');
    expect(await fran.send('aside:start', { alertId: raised.alertId })).toMatchObject({ ok: true });
    clock += 5000;
    await sam.client.send('talk:report', { intervals: [{ startAgoMs: 4000, endAgoMs: 0 }] });
    expect(hearth.services.talkTime.spokenMsByParticipant(live.session.id).get(sam.id)).toBeUndefined();
    await sam.client.send('aside:end', {});
    clock += 2000;
    await sam.client.send('talk:report', { intervals: [{ startAgoMs: 1000, endAgoMs: 0 }] });
    expect(hearth.services.talkTime.spokenMsByParticipant(live.session.id).get(sam.id)).toBe(1000);
  });

  it('[TT1] a repeated or overlapping report adds nothing; nothing before joining; open intervals grow', async () => {
    const { members } = await room(['Sam']);
    const sam = members[0]!;
    const spoken = () => hearth.services.talkTime.spokenMsByParticipant(live.session.id).get(sam.id);
    await sam.client.send('talk:report', { intervals: [{ startAgoMs: 6000, endAgoMs: 2000 }] });
    await sam.client.send('talk:report', { intervals: [{ startAgoMs: 6000, endAgoMs: 2000 }] });
    await sam.client.send('talk:report', { intervals: [{ startAgoMs: 5000, endAgoMs: 1000 }] });
    expect(spoken()).toBe(5000);
    // Joined 20 s ago: a report reaching back 60 s is credited from the join only.
    await sam.client.send('talk:report', { intervals: [{ startAgoMs: 60_000, endAgoMs: 30_000 }] });
    expect(spoken()).toBe(5000);
    clock += 1000;
    await sam.client.send('talk:report', { intervals: [], speakingForMs: 500 });
    clock += 500;
    await sam.client.send('talk:report', { intervals: [], speakingForMs: 1000 });
    expect(spoken()).toBe(6000);
  });

  it('[PV1] refuses malformed reports with invalid_payload and credits nothing', async () => {
    const { members } = await room(['Sam']);
    const refused = [
      { intervals: [{ startAgoMs: 1000, endAgoMs: -500 }] }, // a time in the future
      { intervals: [{ startAgoMs: 3_600_000, endAgoMs: 0 }] }, // an absurd reach back
      { intervals: [], speakingForMs: 10_000_000 }, // an absurd open interval
      { intervals: [{ start: 1, end: 2 }] }, // clock times instead of offsets
      { intervals: [], participantId: 'someone' }, // an identity in the payload
      { intervals: Array.from({ length: 51 }, () => ({ startAgoMs: 2, endAgoMs: 1 })) },
      undefined,
    ];
    for (const payload of refused) {
      const ack = (await members[0]!.client.sendRaw('talk:report', payload)) as { ok: boolean; error?: { code: string } };
      expect(ack, JSON.stringify(payload)?.slice(0, 80)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    expect(hearth.services.talkTime.spokenMsByParticipant(live.session.id).size).toBe(0);
  });

  it('[AU1] a report before joining is not_in_room; the hidden supervisor may not report and sees no figures', async () => {
    const sam = await connect((await memberCredential(hearth, live, 'Sam')).token);
    expect(await sam.send('talk:report', { intervals: [] })).toMatchObject({ ok: false, error: { code: 'not_in_room' } });
    const { members } = await room(['Alex']);
    const vera = await connect((await redeem(hearth, await createInvite(hearth, live, { role: 'supervisor' }), 'Vera')).body.token);
    await join(vera);
    expect(await vera.send('talk:report', { intervals: [{ startAgoMs: 2000, endAgoMs: 0 }] })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    await members[0]!.client.send('talk:report', { intervals: [{ startAgoMs: 2000, endAgoMs: 0 }] });
    await settle(1200);
    expect(vera.received.filter((r) => r.event.startsWith('talk:'))).toEqual([]);
  });
});

describe('[TT7] members\' own meters', () => {
  it('only facilitators change the setting; then each member receives their own share and never anyone else\'s', async () => {
    const { fran, members } = await room();
    const [sam, alex] = members as [{ client: TestClient; id: string }, { client: TestClient; id: string }];
    expect(await sam.client.send('talk:settings', { membersSeeOwnShare: true })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await fran.send('talk:settings', { membersSeeOwnShare: true })).toEqual({ ok: true, membersSeeOwnShare: true });
    await sam.client.send('talk:report', { intervals: [{ startAgoMs: 3000, endAgoMs: 0 }] });
    await alex.client.send('talk:report', { intervals: [{ startAgoMs: 1000, endAgoMs: 0 }] });
    await statsWhere(fran, (s) => s.membersSeeOwnShare && s.memberTalkMs === 4000);
    await settle(1200);
    const samOwn = eventsNamed(sam.client, 'talk:own-share').at(-1);
    expect(samOwn).toEqual({ own: { talkMs: 3000, share: 0.75, fairShare: expect.closeTo(0.5, 3) } });
    expect(eventsNamed(alex.client, 'talk:own-share').at(-1)).toEqual({ own: { talkMs: 1000, share: 0.25, fairShare: expect.closeTo(0.5, 3) } });
    // Everything a member's socket ever received: no other person's id or name in any talk-time fact.
    for (const [me, other, otherName] of [[sam, alex, 'Alex'], [alex, sam, 'Sam']] as const) {
      const talkFacts = me.client.received.filter((r) => r.event.startsWith('talk:'));
      expect(talkFacts.every((r) => r.event === 'talk:own-share')).toBe(true);
      const text = JSON.stringify(talkFacts);
      expect(text).not.toContain(other.id);
      expect(text).not.toContain(otherName);
    }
    // Turning it off takes the meter away (one `own: null`), and then nothing more arrives.
    await fran.send('talk:settings', { membersSeeOwnShare: false });
    await settle(1200);
    expect(eventsNamed(sam.client, 'talk:own-share').at(-1)).toEqual({ own: null });
    const count = eventsNamed(sam.client, 'talk:own-share').length;
    await sam.client.send('talk:report', { intervals: [], speakingForMs: 500 });
    await settle(1200);
    expect(eventsNamed(sam.client, 'talk:own-share')).toHaveLength(count);
  });
});

describe('[TT9] the after-session summary', () => {
  async function otherAccountCookie(): Promise<string> {
    await hearth.services.accounts.create({ email: 'other@example.org', displayName: 'Other', passwordHash: await hashPassword('another long password') }, clock);
    const login = await http(hearth, 'POST', ApiRoutes.login, { body: { email: 'other@example.org', password: 'another long password' } });
    if (!login.cookie) throw new Error(`login failed ${login.status}`);
    return login.cookie;
  }

  const rawIntervals = async () => (await hearth.services.db.selectFrom('talk_intervals').select('id').where('session_id', '=', live.session.id).execute()).length;

  it('is for the group\'s facilitator only; ending the session deletes raw intervals and keeps the totals', async () => {
    const { fran, members } = await room();
    const [sam, alex] = members as [{ client: TestClient; id: string }, { client: TestClient; id: string }];
    // Sam: two turns (a long pause between); Alex: one; Fran's own talk apart.
    await sam.client.send('talk:report', { intervals: [{ startAgoMs: 15_000, endAgoMs: 12_000 }, { startAgoMs: 6000, endAgoMs: 3000 }] });
    await alex.client.send('talk:report', { intervals: [{ startAgoMs: 10_000, endAgoMs: 8000 }] });
    await fran.send('talk:report', { intervals: [{ startAgoMs: 2000, endAgoMs: 0 }] });
    const path = ApiRoutes.sessionTalkTime(live.session.id);

    expect((await http(hearth, 'GET', path)).status).toBe(401);
    expect((await http(hearth, 'GET', path, { cookie: await otherAccountCookie() })).status).toBe(404);
    const during = await http<TalkSummary>(hearth, 'GET', path, { cookie: live.cookie });
    expect(during.body).toMatchObject({ status: 'live', memberTalkMs: 8000, roundsHeld: 0 });
    expect(await rawIntervals()).toBeGreaterThan(0);

    clock += 60_000;
    expect((await http(hearth, 'POST', ApiRoutes.endSession(live.session.id), { cookie: live.cookie })).status).toBe(200);
    expect(await rawIntervals()).toBe(0);
    const after = await http<TalkSummary>(hearth, 'GET', path, { cookie: live.cookie });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: 'ended', memberTalkMs: 8000, roundsHeld: 0 });
    expect(after.body.members).toEqual([
      { participantId: sam.id, displayName: 'Sam', talkMs: 6000, share: 0.75, fairShare: expect.closeTo(0.5, 3), turns: 2 },
      { participantId: alex.id, displayName: 'Alex', talkMs: 2000, share: 0.25, fairShare: expect.closeTo(0.5, 3), turns: 1 },
    ]);
    expect(after.body.facilitators.map((f) => [f.displayName, f.talkMs, f.turns])).toEqual([['Fran', 2000, 1], ['Kim', 0, 0]]);
    expect(after.body.balance).toBeCloseTo(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(2));
    expect(after.body.balanceOverTime.length).toBeGreaterThan(0);
    expect(after.body.balanceOverTime.at(-1)).toEqual({ at: clock, balance: after.body.balance });
  });
});

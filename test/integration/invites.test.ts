import { afterEach, describe, expect, it } from 'vitest';
import { ApiRoutes, PROTOCOL_VERSION, RulesRoutes, type Invite, type InvitePreview } from '@hearth/shared';
import { createInvite, http, redeem, startLiveSession, tokenOf } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { connectParticipant, handshakeRefusal } from '../support/sockets.js';

let hearth: TestHearth;
afterEach(async () => hearth?.close());

describe('invite links', () => {
  it('[IN1] a member joins with a link and a name of their choosing, no account needed', async () => {
    hearth = await startHearth();
    const live = await startLiveSession(hearth);
    const invite = await createInvite(hearth, live, { role: 'member', label: 'for Sam' });
    expect(invite).toMatchObject({ status: 'active', uses: 0, maxUses: 1, label: 'for Sam', path: expect.stringMatching(/^\/join\/[\w-]{43}$/) });

    const preview = await http<InvitePreview>(hearth, 'GET', ApiRoutes.invitePreview(tokenOf(invite)));
    expect(preview.body).toEqual({ groupName: 'Tuesday circle', groupPurpose: 'Peer support for carers', sessionTitle: live.session.title, role: 'member', asksOrganisation: true, observationAllowed: true, iceServers: [] });

    const credential = await redeem(hearth, invite, 'Sam (pseudonym)');
    expect(credential.status).toBe(201);
    expect(credential.body.sessionId).toBe(live.session.id);
    const listed = await http<Invite[]>(hearth, 'GET', ApiRoutes.sessionInvites(live.session.id), { cookie: live.cookie });
    expect(listed.body[0]).toMatchObject({ id: invite.id, uses: 1, status: 'used_up' });
  });

  it.each([
    ['malformed', 'not a token!', 400, 'invalid_payload'],
    ['unknown', 'A'.repeat(43), 404, 'invite_invalid'],
  ])('[IN2] a %s link is refused', async (_kind, token, status, code) => {
    hearth = await startHearth();
    for (const answer of [
      await http(hearth, 'GET', ApiRoutes.invitePreview(token)),
      await http(hearth, 'POST', ApiRoutes.redeemInvite(token), { body: { displayName: 'Sam' } }),
    ]) {
      expect(answer.status).toBe(status);
      expect(answer.body).toMatchObject({ error: { code } });
    }
  });

  it('[IN3] an expired link is refused with a calm explanation', async () => {
    let now = Date.UTC(2026, 10, 23, 18);
    hearth = await startHearth({ now: () => now });
    const live = await startLiveSession(hearth);
    const invite = await createInvite(hearth, live, { role: 'member', expiresInMinutes: 60 });
    now += 61 * 60_000;
    const answer = await redeem(hearth, invite, 'Sam');
    expect(answer.status).toBe(410);
    expect(answer.body).toMatchObject({ error: { code: 'invite_expired', message: expect.stringContaining('expired') } });
  });

  it('[IN4] a revoked link is refused, and so is the credential it already gave', async () => {
    hearth = await startHearth();
    const live = await startLiveSession(hearth);
    const invite = await createInvite(hearth, live, { role: 'member', maxUses: 2 });
    const credential = await redeem(hearth, invite, 'Sam');
    const revoked = await http<Invite>(hearth, 'POST', ApiRoutes.revokeInvite(invite.id), { cookie: live.cookie });
    expect(revoked.body.status).toBe('revoked');

    expect((await redeem(hearth, invite, 'Alex')).body).toMatchObject({ error: { code: 'invite_revoked' } });
    const refusal = await handshakeRefusal(hearth.url, { protocolVersion: PROTOCOL_VERSION, token: credential.body.token });
    expect(refusal?.code).toBe('invite_revoked');
  });

  it('[IN5] a link admits at most maxUses people, even when they click at the same moment', async () => {
    hearth = await startHearth();
    const live = await startLiveSession(hearth);
    const invite = await createInvite(hearth, live, { role: 'member', maxUses: 2 });
    const answers = await Promise.all(['A', 'B', 'C', 'D', 'E'].map((name) => redeem(hearth, invite, name)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
    expect(answers.filter((a) => a.status === 410).map((a) => a.body)).toEqual(
      Array(3).fill({ error: { code: 'invite_used_up', message: expect.any(String) } }),
    );
  });

  it('[IN6] only the facilitator who owns the session can create, list or revoke its links', async () => {
    hearth = await startHearth();
    const live = await startLiveSession(hearth);
    const invite = await createInvite(hearth, live);
    for (const [method, path] of [
      ['GET', ApiRoutes.sessionInvites(live.session.id)],
      ['POST', ApiRoutes.revokeInvite(invite.id)],
    ] as const) {
      expect((await http(hearth, method, path)).status).toBe(401);
    }
    const unknownSession = await http(hearth, 'POST', ApiRoutes.sessionInvites('nosuchsession'), { cookie: live.cookie, body: { role: 'member' } });
    expect(unknownSession.body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('[IN7] links stop working when the session ends', async () => {
    hearth = await startHearth();
    const live = await startLiveSession(hearth);
    const invite = await createInvite(hearth, live);
    await http(hearth, 'POST', ApiRoutes.endSession(live.session.id), { cookie: live.cookie });
    expect((await redeem(hearth, invite, 'Sam')).body).toMatchObject({ error: { code: 'session_ended' } });
    const late = await http(hearth, 'POST', ApiRoutes.sessionInvites(live.session.id), { cookie: live.cookie, body: { role: 'member' } });
    expect(late.body).toMatchObject({ error: { code: 'session_ended' } });
  });
});

describe("[RM8] a member cannot take a facilitator's name", () => {
  it("is refused the group facilitator's or a co-facilitator's name however it is written, at the link and at room:join, and loses no use of the link", async () => {
    hearth = await startHearth();
    const live = await startLiveSession(hearth); // the group's facilitator is Fran, who has not entered yet
    const kim = await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Kim Ng');
    expect(kim.status).toBe(201);
    const invite = await createInvite(hearth, live, { role: 'member' });
    for (const name of ['Fran', ' fran ', 'FRAN', 'Fr\u200Ban', '\uFF26\uFF52\uFF41\uFF4E', 'kim  ng']) {
      const answer = await redeem(hearth, invite, name);
      expect(answer.status, name).toBe(400);
      expect(answer.body).toMatchObject({ error: { code: 'invalid_payload', message: expect.stringContaining("group's facilitators") } });
    }
    // The single-use link was not spent by the refusals.
    const sam = await redeem(hearth, invite, 'Sam');
    expect(sam.status).toBe(201);

    // Renaming on the way in is the same door.
    const client = await connectParticipant(hearth.url, sam.body.token);
    try {
      const refused = await client.send('room:join', { audio: false, video: false, displayName: 'Kim Ng' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_payload', message: expect.stringContaining("group's facilitators") } });
      const joined = await client.send('room:join', { audio: false, video: false, displayName: 'Sam R' });
      expect(joined).toMatchObject({ ok: true, self: { displayName: 'Sam R' } });
    } finally {
      client.close();
    }
  });

  it("[SV1] a member may take the hidden supervisor's name: refusing it would tell them an observer is there", async () => {
    hearth = await startHearth();
    const live = await startLiveSession(hearth);
    expect((await redeem(hearth, await createInvite(hearth, live, { role: 'supervisor' }), 'Vera')).status).toBe(201);
    expect((await redeem(hearth, await createInvite(hearth, live, { role: 'member' }), 'Vera')).status).toBe(201);
  });

  it('a co-facilitator may share a name (staff invites come from the facilitator)', async () => {
    hearth = await startHearth();
    const live = await startLiveSession(hearth);
    expect((await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Fran')).status).toBe(201);
  });
});

describe('[RL2] budgets for links and room credentials, behind a proxy Hearth does not trust', () => {
  it("one person hammering their link or credential does not use up another person's budget at the same address", async () => {
    // Every request here comes from 127.0.0.1, as every person does behind an untrusted proxy.
    hearth = await startHearth({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1' } }); // 3 a minute for these routes
    const live = await startLiveSession(hearth);
    const first = await createInvite(hearth, live, { role: 'member', maxUses: 5 });
    const second = await createInvite(hearth, live, { role: 'member', maxUses: 5 });
    const previews = [];
    for (let i = 0; i < 4; i++) previews.push((await http(hearth, 'GET', ApiRoutes.invitePreview(tokenOf(first)))).status);
    expect(previews).toEqual([200, 200, 200, 429]);
    expect((await http(hearth, 'GET', ApiRoutes.invitePreview(tokenOf(second)))).status).toBe(200);

    const sam = await redeem(hearth, second, 'Sam');
    const alex = await redeem(hearth, second, 'Alex');
    const asked = [];
    for (let i = 0; i < 4; i++) asked.push((await http(hearth, 'POST', RulesRoutes.roomRules, { body: { token: sam.body.token } })).status);
    expect(asked.at(-1)).toBe(429);
    expect((await http(hearth, 'POST', RulesRoutes.roomRules, { body: { token: alex.body.token } })).status).not.toBe(429);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { facilitatorCredential, memberCredential, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { DOUBLE_API_SECRET, signedWebhook, useLiveKitRoom, type LiveKitDouble } from '../support/livekit-double.js';
import { joinAnyMode, settle } from '../support/sockets.js';

/**
 * [LW1]-[LW4] LiveKit's webhooks, signed with the real SDK (AccessToken with a sha256 claim) and posted
 * to Hearth's real HTTP server as LiveKit posts them (application/webhook+json, Authorization: <JWT>).
 */
const fixture = useLiveKitRoom();
let hearth: TestHearth;
let live: LiveSession;
let livekit: LiveKitDouble;
beforeEach(() => ({ hearth, live, livekit } = fixture));

let eventCount = 0;
function event(kind: string, identity: string, extra: Record<string, unknown> = {}) {
  return {
    event: kind,
    id: `EV_${++eventCount}`,
    createdAt: String(Math.floor(Date.now() / 1000)),
    room: { sid: 'RM_1', name: live.session.id },
    participant: { sid: `PA_${identity}`, identity, name: 'someone' },
    ...extra,
  };
}

async function post(body: string, authorization: string | undefined, contentType = 'application/webhook+json') {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (authorization !== undefined) headers.authorization = authorization;
  const response = await fetch(`${hearth.url}/livekit/webhook`, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function deliver(payload: Record<string, unknown>) {
  const signed = await signedWebhook(payload);
  return post(signed.body, signed.authorization);
}

/** Fran and Sam joined; Sam is then removed by Fran (so Sam's identity is refused from now on). */
async function withRemovedMember() {
  const fac = await fixture.connect((await facilitatorCredential(hearth, live)).token);
  const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
  await joinAnyMode(fac);
  const samId = (await joinAnyMode(sam)).self.id;
  expect(await fac.send('moderation:remove', { participantId: samId })).toEqual({ ok: true });
  livekit.calls.splice(0);
  return { fac, samId };
}

describe('[LW1] only signed events over the exact body are acted on', () => {
  it('a valid event is accepted', async () => {
    expect(await deliver(event('room_started', ''))).toEqual({ status: 200, body: { ok: true, duplicate: false } });
  });

  it.each([
    ['a tampered body', async (e: Record<string, unknown>) => {
      const signed = await signedWebhook(e);
      return { body: signed.body.replace('participant_joined', 'participant_left'), authorization: signed.authorization };
    }],
    ['a wrong secret', (e: Record<string, unknown>) => signedWebhook(e, { apiSecret: `${DOUBLE_API_SECRET}-not` })],
    ['a wrong key', (e: Record<string, unknown>) => signedWebhook(e, { apiKey: 'someone-else' })],
    ['an expired token', (e: Record<string, unknown>) => signedWebhook(e, { ttlSeconds: -120 })],
    ['no Authorization header', async (e: Record<string, unknown>) => ({ body: JSON.stringify(e), authorization: undefined })],
  ])('%s is refused with 401 and nothing is done', async (_label, sign) => {
    const { samId } = await withRemovedMember();
    const signed = await sign(event('participant_joined', samId));
    const answer = await post(signed.body, signed.authorization);
    expect(answer).toEqual({ status: 401, body: { error: { code: 'unauthenticated', message: expect.any(String) } } });
    expect(livekit.calls).toEqual([]);
  });

  it('the expired-token case really carries an exp in the past', async () => {
    const expired = await signedWebhook(event('room_started', ''), { ttlSeconds: -120 });
    const claims = JSON.parse(Buffer.from(expired.authorization.split('.')[1] ?? '', 'base64url').toString()) as { exp: number };
    expect(claims.exp).toBeLessThan(Date.now() / 1000 - 60);
  });

  it('a body sent as application/json is refused (the signature covers the raw webhook body)', async () => {
    const signed = await signedWebhook(event('room_started', ''));
    expect((await post(signed.body, signed.authorization, 'application/json')).status).toBe(400);
  });
});

describe('[LW3] a refused identity joining is removed again', () => {
  it('a removed member seen joining the SFU room is removed at once', async () => {
    const { samId } = await withRemovedMember();
    expect((await deliver(event('participant_joined', samId))).status).toBe(200);
    expect(livekit.calls.map(({ method, room, identity }) => ({ method, room, identity }))).toEqual([
      { method: 'RemoveParticipant', room: live.session.id, identity: samId },
    ]);
  });

  it('someone in good standing joining is left alone', async () => {
    const fac = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const facId = (await joinAnyMode(fac)).self.id;
    expect((await deliver(event('participant_joined', facId))).status).toBe(200);
    expect(livekit.calls).toEqual([]);
  });
});

describe('[LW2] idempotent on event id', () => {
  it('the same event delivered twice is processed once', async () => {
    const { samId } = await withRemovedMember();
    const signed = await signedWebhook(event('participant_joined', samId));
    expect(await post(signed.body, signed.authorization)).toEqual({ status: 200, body: { ok: true, duplicate: false } });
    expect(await post(signed.body, signed.authorization)).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    expect(livekit.callsOf('RemoveParticipant')).toHaveLength(1);
  });

  it('an event that failed half-way (LiveKit down) is processed when LiveKit redelivers it', async () => {
    const { samId } = await withRemovedMember();
    livekit.seed(live.session.id, samId); // back in the SFU with an old token
    const signed = await signedWebhook(event('participant_joined', samId));
    livekit.fail('down');
    expect((await post(signed.body, signed.authorization)).status).toBe(500);
    livekit.recover();
    expect(await post(signed.body, signed.authorization)).toEqual({ status: 200, body: { ok: true, duplicate: false } });
    expect(livekit.callsOf('RemoveParticipant').map((c) => c.status)).toEqual([-1, 200]);
    expect(livekit.participant(live.session.id, samId)).toBeUndefined();
  });
});

describe('[LW4] loss and reordering: the SFU’s list is the truth', () => {
  it('a late participant_left for someone present is checked with listParticipants, and they are left alone', async () => {
    const fac = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
    await joinAnyMode(fac);
    const samId = (await joinAnyMode(sam)).self.id;
    livekit.seed(live.session.id, samId, [{ sid: 'TR_mic', kind: 'audio' }]);
    // Sam's reconnect: LiveKit sent joined (t=2) then left (t=1); they arrive in the wrong order.
    const left = event('participant_left', samId, { createdAt: String(Math.floor(Date.now() / 1000) - 5) });
    expect((await deliver(event('participant_joined', samId))).status).toBe(200);
    expect((await deliver(left)).status).toBe(200);
    expect(livekit.calls.map((c) => c.method)).toEqual(['ListParticipants']);
    await settle();
    expect(hearth.services.rooms.get(live.session.id, samId)).toBeDefined();
    expect(sam.socket.connected).toBe(true);
  });

  it('reconciling removes a refused identity whose participant_joined was lost', async () => {
    const fac = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
    const jo = await fixture.connect((await memberCredential(hearth, live, 'Jo')).token);
    await joinAnyMode(fac);
    const samId = (await joinAnyMode(sam)).self.id;
    const joId = (await joinAnyMode(jo)).self.id;
    expect(await fac.send('moderation:remove', { participantId: joId })).toEqual({ ok: true });
    // Jo came back to the SFU with an old token; that participant_joined never reached Hearth.
    livekit.seed(live.session.id, joId);
    livekit.seed(live.session.id, samId);
    livekit.calls.splice(0);
    expect((await deliver(event('participant_left', samId))).status).toBe(200);
    expect(livekit.calls.map(({ method, identity }) => ({ method, identity }))).toEqual([
      { method: 'ListParticipants', identity: undefined },
      { method: 'RemoveParticipant', identity: joId },
    ]);
  });

  it('participant_left for someone Hearth does not hold present costs no API call', async () => {
    expect((await deliver(event('participant_left', 'nobody-here'))).status).toBe(200);
    expect(livekit.calls).toEqual([]);
  });
});

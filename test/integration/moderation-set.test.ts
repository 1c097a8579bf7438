import { beforeEach, describe, expect, it } from 'vitest';
import { ApiRoutes, PROTOCOL_VERSION, type ClientCommandName } from '@hearth/shared';
import { createInvite, facilitatorCredential, http, memberCredential, redeem, tokenOf, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { eventsNamed, handshakeRefusal, join, settle, type TestClient } from '../support/sockets.js';
import { MediaGatewayError } from '../../server/src/modules/rooms/media-gateway.js';

const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));

/** Fran (facilitator), Sam and Alex (members), all joined. */
async function room() {
  const fac = await fixture.connect((await facilitatorCredential(hearth, live)).token);
  const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
  const alex = await fixture.connect((await memberCredential(hearth, live, 'Alex')).token);
  const facId = (await join(fac)).self.id;
  const samId = (await join(sam)).self.id;
  const alexId = (await join(alex)).self.id;
  return { fac, sam, alex, facId, samId, alexId };
}

async function supervisor(): Promise<TestClient> {
  const answer = await redeem(hearth, await createInvite(hearth, live, { role: 'supervisor' }), 'Vera');
  const vera = await fixture.connect(answer.body.token);
  await join(vera);
  return vera;
}

const NEW_PRIVILEGED: [ClientCommandName, unknown][] = [
  ['moderation:state', {}],
  ['moderation:waiting-room', { enabled: true }],
  ['moderation:lock', { locked: true }],
  ['moderation:mute-all', {}],
  ['moderation:ask-unmute', { participantId: 'x' }],
  ['moderation:stop-video', { participantId: 'x' }],
  ['moderation:ban', { participantId: 'x' }],
  ['waiting:admit', { participantId: 'x' }],
  ['waiting:decline', { participantId: 'x' }],
];

describe('who may moderate', () => {
  it.each(NEW_PRIVILEGED)('[MD5] a member sending %s is refused and nothing happens', async (command, payload) => {
    const { sam, alex, fac, alexId } = await room();
    const body = payload && typeof payload === 'object' && 'participantId' in payload ? { participantId: alexId } : payload;
    expect(await sam.sendRaw(command, body)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    await settle();
    for (const client of [alex, fac]) {
      expect(client.received.map((r) => r.event)).not.toEqual(expect.arrayContaining(['participant:updated', 'participant:left', 'moderation:settings']));
    }
    expect(alex.socket.connected).toBe(true);
  });

  it.each(NEW_PRIVILEGED)('[SV2] the supervisor sending %s is refused', async (command, payload) => {
    const { alexId } = await room();
    const vera = await supervisor();
    const body = payload && typeof payload === 'object' && 'participantId' in payload ? { participantId: alexId } : payload;
    expect(await vera.sendRaw(command, body)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it.each([
    ['moderation:lock', { locked: 'yes' }],
    ['moderation:waiting-room', {}],
    ['moderation:ban', { participantId: 'a b' }],
    ['moderation:ask-unmute', { participantId: 'x', extra: 1 }],
    ['moderation:answer-unmute', { accepted: 'sure' }],
    ['waiting:message', { body: '   ' }],
    ['moderation:mute-all', { everyone: true }],
  ] as [string, unknown][])('malformed %s is refused with invalid_payload', async (command, payload) => {
    const { fac } = await room();
    expect(await fac.sendRaw(command, payload)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('[MD4] a co-facilitator has the same powers but cannot ban the group facilitator', async () => {
    const { fac, facId, samId } = await room();
    const co = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Kim')).body.token);
    await join(co);
    expect(await co.send('moderation:ban', { participantId: facId })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await co.send('moderation:stop-video', { participantId: samId })).toMatchObject({ ok: true, participant: { id: samId, video: false } });
    expect(await co.send('moderation:lock', { locked: true })).toMatchObject({ ok: true, settings: { locked: true } });
    expect(fac.socket.connected).toBe(true);
  });
});

describe('mute everyone', () => {
  it('[MD7] mutes every member whose microphone is on, not the facilitators; each member is told why', async () => {
    const { fac, sam, alex, samId, alexId } = await room();
    const co = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Kim')).body.token);
    await join(co);
    const toSam = sam.next('moderation:muted');
    const ack = await fac.send('moderation:mute-all', {});
    expect(ack.ok && ack.muted.map((p) => p.id).sort()).toEqual([samId, alexId].sort());
    expect(await toSam).toEqual({ by: { id: expect.any(String), displayName: 'Fran' }, everyone: true });
    await settle();
    expect(eventsNamed(alex, 'moderation:muted')).toHaveLength(1);
    expect(eventsNamed(co, 'moderation:muted')).toEqual([]);
    expect(eventsNamed(fac, 'moderation:muted')).toEqual([]);
  });
});

describe('ask to unmute', () => {
  it('[MD13] only the member asked gets the prompt; their answer reaches the facilitators', async () => {
    const { fac, sam, alex, samId } = await room();
    await fac.send('moderation:mute', { participantId: samId });
    const prompt = sam.next('moderation:unmute-requested');
    expect(await fac.send('moderation:ask-unmute', { participantId: samId })).toEqual({ ok: true });
    expect(await prompt).toMatchObject({ by: { displayName: 'Fran' } });
    const answer = fac.next('moderation:unmute-answered');
    expect(await sam.send('moderation:answer-unmute', { accepted: false })).toEqual({ ok: true });
    expect(await answer).toEqual({ participantId: samId, displayName: 'Sam', accepted: false });
    await settle();
    expect(eventsNamed(alex, 'moderation:unmute-requested')).toEqual([]);
    expect(eventsNamed(alex, 'moderation:unmute-answered')).toEqual([]);
  });

  it('[MD1] asking changes nothing: the member stays muted until they unmute themselves', async () => {
    const { fac, sam, samId } = await room();
    await fac.send('moderation:mute', { participantId: samId });
    await fac.send('moderation:ask-unmute', { participantId: samId });
    const answered = fac.next('moderation:unmute-answered');
    await sam.send('moderation:answer-unmute', { accepted: true });
    expect(await answered).toMatchObject({ accepted: true });
    const state = await fac.send('moderation:state', {});
    expect(state.ok).toBe(true);
    const own = await sam.send('media:state', { audio: true, video: true });
    expect(own).toMatchObject({ ok: true, self: { audio: true, mutedBy: null } });
  });

  it('an answer nobody asked for is refused; asking someone already unmuted is a conflict', async () => {
    const { fac, sam, samId } = await room();
    expect(await sam.send('moderation:answer-unmute', { accepted: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await fac.send('moderation:ask-unmute', { participantId: samId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('[MD16] stop video', () => {
  it('the member is told; everyone sees the camera off; only they can turn it back on', async () => {
    const { fac, sam, alex, samId } = await room();
    const told = sam.next('moderation:video-stopped');
    const seen = alex.next('participant:updated');
    expect(await fac.send('moderation:stop-video', { participantId: samId })).toMatchObject({ ok: true, participant: { video: false } });
    expect(await told).toMatchObject({ by: { displayName: 'Fran' } });
    expect(await seen).toMatchObject({ id: samId, video: false });
    await settle();
    expect(eventsNamed(alex, 'moderation:video-stopped')).toEqual([]);
    expect(await sam.send('media:state', { audio: true, video: true })).toMatchObject({ ok: true, self: { video: true } });
  });
});

describe('ban', () => {
  it('[MD15] the banned member is told and dropped; credential and link are refused as banned', async () => {
    const { fac, alex } = await room();
    const invite = await createInvite(hearth, live);
    const token = (await redeem(hearth, invite, 'Bo')).body.token;
    const bo = await fixture.connect(token);
    const boId = (await join(bo)).self.id;
    const closed = bo.next('room:closed');
    const left = alex.next('participant:left');
    expect(await fac.send('moderation:ban', { participantId: boId })).toEqual({ ok: true });
    expect(await closed).toMatchObject({ reason: 'banned' });
    expect(await left).toEqual({ participantId: boId, reason: 'removed' });
    expect(await handshakeRefusal(hearth.url, { protocolVersion: PROTOCOL_VERSION, token })).toMatchObject({ code: 'banned' });
    const preview = await http(hearth, 'GET', ApiRoutes.invitePreview(tokenOf(invite)));
    expect(preview).toMatchObject({ status: 403, body: { error: { code: 'banned' } } });
    const again = await http(hearth, 'POST', ApiRoutes.redeemInvite(tokenOf(invite)), { body: { displayName: 'Bo again' } });
    expect(again).toMatchObject({ status: 403, body: { error: { code: 'banned' } } });
  });

  it('[MD3] a facilitator cannot ban themselves', async () => {
    const { fac, facId } = await room();
    expect(await fac.send('moderation:ban', { participantId: facId })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });
});

describe('lock', () => {
  it('[MD12] a locked session refuses new members at the link and at room:join; unlocking lets them in', async () => {
    const { fac, sam } = await room();
    const invite = await createInvite(hearth, live);
    const redeemed = await memberCredential(hearth, live, 'Late');
    const told = sam.next('moderation:settings');
    expect(await fac.send('moderation:lock', { locked: true })).toMatchObject({ ok: true, settings: { locked: true } });
    expect(await told).toMatchObject({ settings: { locked: true }, by: { displayName: 'Fran' } });
    expect(await http(hearth, 'GET', ApiRoutes.invitePreview(tokenOf(invite)))).toMatchObject({ status: 423, body: { error: { code: 'session_locked' } } });
    const late = await fixture.connect(redeemed.token);
    expect(await late.send('room:join', { audio: true, video: true })).toMatchObject({ ok: false, error: { code: 'session_locked' } });
    await fac.send('moderation:lock', { locked: false });
    expect(await late.send('room:join', { audio: true, video: true })).toMatchObject({ ok: true });
  });

  it('[MD11] someone already in comes back after a dropped connection; staff always join', async () => {
    const { fac } = await room();
    const token = (await memberCredential(hearth, live, 'Rae')).token;
    const rae = await fixture.connect(token);
    await join(rae);
    await fac.send('moderation:lock', { locked: true });
    rae.close();
    const back = await fixture.connect(token);
    expect(await back.send('room:join', { audio: true, video: true })).toMatchObject({ ok: true });
    const co = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Kim')).body.token);
    expect(await co.send('room:join', { audio: true, video: true })).toMatchObject({ ok: true });
  });
});

describe('[MD8] the media layer first: when it does not confirm, nothing changes', () => {
  /** A media layer that refuses everything, as LiveKit down would (the real gateway throws this error). */
  function mediaDown() {
    const refuse = async () => {
      throw new MediaGatewayError('LiveKit unreachable');
    };
    hearth.services.mediaGateway = { mode: 'livekit', muteMicrophone: refuse, stopCamera: refuse, setMayPublishAudio: refuse, withdrawPublishing: refuse, closeRoom: refuse, revokeAll: refuse, remove: refuse };
  }

  it.each([
    ['moderation:mute-all', () => ({})],
    ['moderation:stop-video', (id: string) => ({ participantId: id })],
    ['moderation:ban', (id: string) => ({ participantId: id })],
  ] as [ClientCommandName, (id: string) => unknown][])('%s answers media_unavailable and the room is as before', async (command, payload) => {
    const { fac, sam, alex, samId } = await room();
    mediaDown();
    const ack = await fac.sendRaw(command, payload(samId));
    expect(ack).toMatchObject({ ok: false, error: { code: 'media_unavailable', message: expect.stringContaining('nothing was changed') } });
    await settle();
    for (const client of [sam, alex]) {
      expect(client.received.map((r) => r.event)).not.toEqual(expect.arrayContaining(['participant:updated', 'participant:left', 'moderation:muted', 'room:closed']));
    }
    expect(sam.socket.connected).toBe(true);
    expect(await hearth.services.moderation.isBanned(samId)).toBe(false);
  });
});

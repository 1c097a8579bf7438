import { beforeEach, describe, expect, it } from 'vitest';
import { RoomServiceClient, TokenVerifier } from 'livekit-server-sdk';
import { PROTOCOL_VERSION, type Role } from '@hearth/shared';
import { livekitMediaGateway } from '../../server/src/modules/livekit/livekit-media-gateway.js';
import { livekitAccess } from '../../server/src/modules/livekit/media-access.js';
import { mintJoinToken } from '../../server/src/modules/livekit/livekit-tokens.js';
import { MediaGatewayError } from '../../server/src/modules/rooms/media-gateway.js';
import { createInvite, facilitatorCredential, memberCredential, redeem, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { fullPermission, useLiveKitRoom, type LiveKitDouble } from '../support/livekit-double.js';
import { eventsNamed, handshakeRefusal, joinAnyMode, settle, type TestClient } from '../support/sockets.js';

/**
 * Hearth in LiveKit mode against the LiveKit double, driven through its real socket API: every
 * moderation action must reach the SFU through RoomServiceClient with exactly these calls, and when
 * LiveKit does not confirm, the facilitator is told and nothing in Hearth changes.
 */
const fixture = useLiveKitRoom();
let hearth: TestHearth;
let live: LiveSession;
let livekit: LiveKitDouble;
beforeEach(() => ({ hearth, live, livekit } = fixture));

const room = () => live.session.id;

/** Fran (facilitator) and Sam and Alex (members), joined; Sam and Alex publish to the SFU. */
async function joined() {
  const fac = await fixture.connect((await facilitatorCredential(hearth, live)).token);
  const samCredential = await memberCredential(hearth, live, 'Sam');
  const sam = await fixture.connect(samCredential.token);
  const alex = await fixture.connect((await memberCredential(hearth, live, 'Alex')).token);
  const facJoin = await joinAnyMode(fac);
  const samJoin = await joinAnyMode(sam);
  const alexJoin = await joinAnyMode(alex);
  const ids = { fac: facJoin.self.id, sam: samJoin.self.id, alex: alexJoin.self.id };
  livekit.seed(room(), ids.sam, [{ sid: 'TR_sam_mic', kind: 'audio' }, { sid: 'TR_sam_cam', kind: 'video' }]);
  livekit.seed(room(), ids.alex, [{ sid: 'TR_alex_mic', kind: 'audio' }]);
  await settle();
  return { fac, sam, alex, ids, samCredential, joins: { fac: facJoin, sam: samJoin } };
}

function expectNothingSeenBy(clients: TestClient[]) {
  for (const client of clients) {
    expect(eventsNamed(client, 'participant:updated')).toEqual([]);
    expect(eventsNamed(client, 'participant:left')).toEqual([]);
    expect(eventsNamed(client, 'moderation:muted')).toEqual([]);
  }
}

describe('[LK6] room:join in LiveKit mode', () => {
  it('gives the SFU address and a token for this session and participant, and no signalling ticket', async () => {
    const { joins, ids } = await joined();
    const media = joins.sam.media;
    expect(media).toEqual({ mode: 'livekit', url: livekit.url, token: expect.any(String), expiresAt: expect.any(Number) });
    const claims = await new TokenVerifier(livekit.apiKey, livekit.apiSecret).verify(media.mode === 'livekit' ? media.token : '');
    expect(claims).toMatchObject({ sub: ids.sam, name: 'Sam', video: { room: room(), roomJoin: true, roomAdmin: false, canPublishSources: ['camera', 'microphone'] } });
  });

  it.each([
    ['facilitator', { roomAdmin: true, hidden: false }],
    ['supervisor', { roomAdmin: false, hidden: true, canPublish: false, canPublishSources: [] }],
  ] as const)('the %s gets their role’s grants', async (role, expected) => {
    const token =
      role === 'facilitator'
        ? (await facilitatorCredential(hearth, live)).token
        : (await redeem(hearth, await createInvite(hearth, live, { role: 'supervisor' }), 'Vera')).body.token;
    const ack = await joinAnyMode(await fixture.connect(token));
    const claims = await new TokenVerifier(livekit.apiKey, livekit.apiSecret).verify(ack.media.mode === 'livekit' ? ack.media.token : '');
    expect(claims.video).toMatchObject({ room: room(), ...expected });
  });

  it('a removed participant is refused at the door and no token is ever minted for them', async () => {
    const { fac, ids, samCredential } = await joined();
    expect(await fac.send('moderation:remove', { participantId: ids.sam })).toEqual({ ok: true });
    expect(await handshakeRefusal(hearth.url, { protocolVersion: PROTOCOL_VERSION, token: samCredential.token })).toMatchObject({ code: 'removed' });
    const access = await livekitAccess(hearth.services, { sessionId: room(), participantId: ids.sam, displayName: 'Sam', role: 'member' });
    expect(access).toMatchObject({ ok: false, error: { code: 'removed' } });
  });
});

describe('[MD8] mute through the SFU', () => {
  it('finds the microphone track and mutes it (never unmutes), then tells the member and the room', async () => {
    const { fac, sam, alex, ids } = await joined();
    const notice = sam.next('moderation:muted');
    const seen = alex.next('participant:updated');
    const ack = await fac.send('moderation:mute', { participantId: ids.sam });
    expect(ack).toMatchObject({ ok: true, participant: { id: ids.sam, audio: false, mutedBy: { displayName: 'Fran' } } });
    expect(livekit.calls.map(({ method, room, identity, trackSid, muted }) => ({ method, room, identity, trackSid, muted }))).toEqual([
      { method: 'GetParticipant', room: room(), identity: ids.sam, trackSid: undefined, muted: undefined },
      { method: 'MutePublishedTrack', room: room(), identity: ids.sam, trackSid: 'TR_sam_mic', muted: true },
    ]);
    expect(livekit.participant(room(), ids.sam)?.tracks.find((t) => t.sid === 'TR_sam_mic')?.muted).toBe(true);
    expect(await notice).toMatchObject({ by: { displayName: 'Fran' } });
    expect(await seen).toMatchObject({ id: ids.sam, mutedBy: { displayName: 'Fran' } });
  });

  it('someone not connected to the SFU publishes nothing: the mute holds without a track call', async () => {
    const { fac, ids } = await joined();
    const jo = await fixture.connect((await memberCredential(hearth, live, 'Jo')).token);
    const joId = (await joinAnyMode(jo)).self.id;
    expect(await fac.send('moderation:mute', { participantId: joId })).toMatchObject({ ok: true });
    expect(livekit.calls.map((c) => [c.method, c.identity, c.status])).toEqual([['GetParticipant', joId, 404]]);
    expect(ids.sam).not.toBe(joId);
  });

  it.each([
    ['down', 'down' as const],
    ['answering 500', { code: 'internal', status: 500 }],
    ['refusing our key', { code: 'permission_denied' }],
  ])('LiveKit %s: the facilitator is told it was not done, and nothing changed in Hearth', async (_label, failure) => {
    const { fac, sam, alex, ids } = await joined();
    livekit.fail(failure);
    const ack = await fac.send('moderation:mute', { participantId: ids.sam });
    expect(ack).toMatchObject({ ok: false, error: { code: 'media_unavailable', message: expect.stringContaining('nothing was changed') } });
    await settle();
    expectNothingSeenBy([sam, alex, fac]);
    expect(hearth.services.rooms.get(room(), ids.sam)?.participant.mutedBy).toBeNull();
    expect(livekit.callsOf('MutePublishedTrack').filter((c) => c.status === 200)).toEqual([]);
  });

  it('[AU1] a member cannot mute anyone, and nothing reaches the SFU', async () => {
    const { sam, ids } = await joined();
    expect(await sam.send('moderation:mute', { participantId: ids.alex })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(livekit.calls).toEqual([]);
  });
});

describe('[MD8] remove through the SFU', () => {
  it('removes them from the SFU room (revoking earlier tokens) before Hearth lets them go', async () => {
    const { fac, sam, alex, ids, samCredential } = await joined();
    const left = alex.next('participant:left');
    expect(await fac.send('moderation:remove', { participantId: ids.sam })).toEqual({ ok: true });
    const calls = livekit.calls.map(({ method, room, identity }) => ({ method, room, identity }));
    expect(calls).toEqual([{ method: 'RemoveParticipant', room: room(), identity: ids.sam }]);
    expect(Number(livekit.calls[0]?.body.revokeTokenTs)).toBeGreaterThan(0);
    expect(livekit.participant(room(), ids.sam)).toBeUndefined();
    expect(await left).toEqual({ participantId: ids.sam, reason: 'removed' });
    await settle();
    expect(sam.socket.connected).toBe(false);
    expect(await handshakeRefusal(hearth.url, { protocolVersion: PROTOCOL_VERSION, token: samCredential.token })).toMatchObject({ code: 'removed' });
  });

  it('someone already gone from the SFU (not_found) is still removed from Hearth', async () => {
    const { fac, ids } = await joined();
    const jo = await fixture.connect((await memberCredential(hearth, live, 'Jo')).token);
    const joId = (await joinAnyMode(jo)).self.id;
    expect(await fac.send('moderation:remove', { participantId: joId })).toEqual({ ok: true });
    expect(livekit.calls.map((c) => [c.method, c.identity, c.status])).toEqual([['RemoveParticipant', joId, 404]]);
    expect(hearth.services.rooms.get(room(), joId)).toBeUndefined();
    expect(ids.sam).not.toBe(joId);
  });

  it('LiveKit down: not removed anywhere; they stay, their credential still works, nobody is told', async () => {
    const { fac, sam, alex, ids, samCredential } = await joined();
    livekit.fail('down');
    expect(await fac.send('moderation:remove', { participantId: ids.sam })).toMatchObject({ ok: false, error: { code: 'media_unavailable' } });
    await settle();
    expectNothingSeenBy([sam, alex]);
    expect(eventsNamed(sam, 'room:closed')).toEqual([]);
    expect(sam.socket.connected).toBe(true);
    expect(hearth.services.rooms.get(room(), ids.sam)).toBeDefined();
    livekit.recover();
    expect(await handshakeRefusal(hearth.url, { protocolVersion: PROTOCOL_VERSION, token: samCredential.token })).toBeUndefined();
  });
});

describe('ban through the SFU', () => {
  it('revokes every permission (all flags false), then removes', async () => {
    const { fac, ids } = await joined();
    expect(await fac.send('moderation:ban', { participantId: ids.sam })).toEqual({ ok: true });
    expect(livekit.calls.map(({ method, identity, permission }) => ({ method, identity, permission }))).toEqual([
      { method: 'UpdateParticipant', identity: ids.sam, permission: fullPermission({}) },
      { method: 'RemoveParticipant', identity: ids.sam, permission: undefined },
    ]);
    // proto3 JSON: an all-false permission travels as an empty object.
    expect(livekit.calls[0]?.body.permission).toEqual({});
  });

  it('LiveKit down: not banned', async () => {
    const { fac, sam, ids } = await joined();
    livekit.fail({ code: 'unavailable' });
    expect(await fac.send('moderation:ban', { participantId: ids.sam })).toMatchObject({ ok: false, error: { code: 'media_unavailable' } });
    await settle();
    expect(sam.socket.connected).toBe(true);
    expect(eventsNamed(sam, 'room:closed')).toEqual([]);
  });
});

describe('floor control through the SFU', () => {
  it('members in the SFU lose the microphone source (full permission set); a member joining meanwhile gets a token without it', async () => {
    const { fac, ids } = await joined();
    const ack = await fac.send('floor:control', { on: true });
    expect(ack).toMatchObject({ ok: true });
    const updates = livekit.callsOf('UpdateParticipant');
    expect(updates.map((c) => c.identity).sort()).toEqual([ids.alex, ids.sam].sort());
    for (const call of updates) {
      expect(call.permission).toEqual({ ...fullPermission({ canSubscribe: true, canPublish: true }), canPublishSources: ['CAMERA'] });
    }
    const jo = await fixture.connect((await memberCredential(hearth, live, 'Jo')).token);
    const joJoin = await joinAnyMode(jo);
    const claims = await new TokenVerifier(livekit.apiKey, livekit.apiSecret).verify(joJoin.media.mode === 'livekit' ? joJoin.media.token : '');
    expect(claims.video?.canPublishSources).toEqual(['camera']);
  });
});

describe('[LK5] permission sets the gateway writes (real RoomServiceClient against the double)', () => {
  const member = (role: Role) => ({ id: 'p1', role });
  const gateway = () => livekitMediaGateway({ url: livekit.url, apiUrl: livekit.url.replace('ws', 'http'), apiKey: livekit.apiKey, apiSecret: livekit.apiSecret });
  const everyFlag = { canSubscribe: true, canPublish: true, canPublishData: false, hidden: false, recorder: false, canUpdateMetadata: false, agent: false };

  it.each([
    ['member', false, { ...everyFlag, canPublishSources: ['CAMERA'] }],
    ['member', true, { ...everyFlag, canPublishSources: ['CAMERA', 'MICROPHONE'] }],
    ['co_facilitator', true, { ...everyFlag, canPublishSources: ['CAMERA', 'MICROPHONE'] }],
    ['supervisor', false, { ...fullPermission({}), canSubscribe: true, hidden: true }],
  ] as const)('floor control: a %s allowed audio=%s gets the full set %j', async (role, allowed, expected) => {
    livekit.seed('room-1', 'p1', [{ sid: 'TR_mic', kind: 'audio' }]);
    await gateway().setMayPublishAudio('room-1', member(role), allowed);
    const [call] = livekit.calls;
    expect(call).toMatchObject({ method: 'UpdateParticipant', room: 'room-1', identity: 'p1', status: 200 });
    expect(call?.permission).toEqual(expected);
    expect(livekit.participant('room-1', 'p1')?.permission).toEqual(expected);
  });

  it('floor control for someone not in the SFU room is not an error (their next token carries it)', async () => {
    await expect(gateway().setMayPublishAudio('room-1', member('member'), false)).resolves.toBeUndefined();
  });

  it('stopCamera mutes the video track only', async () => {
    livekit.seed('room-1', 'p1', [{ sid: 'TR_mic', kind: 'audio' }, { sid: 'TR_cam', kind: 'video' }]);
    await gateway().stopCamera('room-1', 'p1');
    expect(livekit.callsOf('MutePublishedTrack').map((c) => [c.trackSid, c.muted])).toEqual([['TR_cam', true]]);
  });

  it('every failure is a MediaGatewayError with no names in its message', async () => {
    livekit.seed('room-1', 'p1', [{ sid: 'TR_mic', kind: 'audio' }]);
    livekit.fail({ code: 'internal' });
    const err: unknown = await gateway().muteMicrophone('room-1', 'p1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MediaGatewayError);
    expect((err as Error).message).toBe('The media server did not mute the microphone (internal).');
  });

  it('the double refuses a bad signature (401) and a token without roomAdmin for that room (403), as LiveKit does', async () => {
    livekit.seed('room-1', 'p1');
    const client = new RoomServiceClient(livekit.url.replace('ws', 'http'), livekit.apiKey, 'not-the-secret-but-32-characters-long');
    await expect(client.listParticipants('room-1')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    // A member's join token, signed correctly, is no admin token.
    const joinToken = await mintJoinToken(
      { url: livekit.url, apiUrl: livekit.url.replace('ws', 'http'), apiKey: livekit.apiKey, apiSecret: livekit.apiSecret },
      { sessionId: 'room-1', participantId: 'p1', displayName: 'Sam', role: 'member' },
    );
    const answer = await fetch(`${livekit.url.replace('ws', 'http')}/twirp/livekit.RoomService/ListParticipants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${joinToken}` },
      body: JSON.stringify({ room: 'room-1' }),
    });
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({ code: 'permission_denied' });
  });
});

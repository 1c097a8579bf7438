import { beforeEach, describe, expect, it } from 'vitest';
import { ApiRoutes, PROTOCOL_VERSION, type Participant } from '@hearth/shared';
import { facilitatorCredential, http, memberCredential, startLiveSession, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { eventsNamed, handshakeRefusal, join, settle, type TestClient } from '../support/sockets.js';

const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));

async function member(name: string): Promise<TestClient> {
  const client = await fixture.connect((await memberCredential(hearth, live, name)).token);
  return client;
}

describe('handshake', () => {
  it.each([
    ['no credential', {}, 'unauthenticated'],
    ['a malformed credential', { protocolVersion: PROTOCOL_VERSION, token: 42 }, 'unauthenticated'],
    ['an unknown credential', { protocolVersion: PROTOCOL_VERSION, token: 'x'.repeat(43) }, 'unauthenticated'],
    ['another protocol version', { protocolVersion: PROTOCOL_VERSION + 1, token: 'x'.repeat(43) }, 'protocol_mismatch'],
  ])('[HS1] refuses %s with a clear code', async (_case, auth, code) => {
    const refusal = await handshakeRefusal(hearth.url, auth);
    expect(refusal).toMatchObject({ code, message: expect.any(String) });
  });
});

describe('joining a room', () => {
  it('[RM1] everyone already in the room learns who joined; the joiner gets the room and media access', async () => {
    const fac = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    await join(fac);
    const sam = await member('Sam');
    const joinedSeen = fac.next('participant:joined');
    const result = await join(sam);
    expect(result.self).toMatchObject({ displayName: 'Sam', role: 'member', audio: true, video: true, mutedBy: null });
    expect(result.participants.map((p: Participant) => p.displayName)).toEqual(['Fran']);
    expect(result.session).toEqual({ id: live.session.id, title: live.session.title, groupName: 'Tuesday circle' });
    expect(result.media).toMatchObject({ mode: 'mesh', capacity: 8, iceServers: [], signallingTicket: expect.any(String) });
    expect(await joinedSeen).toMatchObject({ id: result.self.id, displayName: 'Sam' });
  });

  it('[RM1] room facts never reach a participant of another session', async () => {
    const outsider = await fixture.connect((await memberCredential(hearth, await startLiveSession(hearth, live.cookie), 'Out')).token);
    await join(outsider);
    await settle();
    // What the outsider's own join brought it (e.g. its group's reactions setting) is not the other room's.
    const ownJoin = outsider.received.length;
    const sam = await member('Sam');
    await join(sam);
    await sam.send('media:state', { audio: false, video: true });
    await settle();
    expect(outsider.received.slice(ownJoin)).toEqual([]);
  });

  it('[RM2] a participant cannot choose their identity or role through a payload', async () => {
    const sam = await member('Sam');
    const ack = await sam.sendRaw('room:join', { audio: true, video: true, role: 'facilitator', id: 'someone' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const joined = await join(sam);
    expect(joined.self.role).toBe('member');
  });

  it('[RM3] the ninth person in a mesh room is told this size needs LiveKit mode', async () => {
    for (let i = 1; i <= 8; i++) await join(await member(`M${i}`));
    const ninth = await member('Nine');
    const ack = await ninth.send('room:join', { audio: true, video: true });
    expect(ack).toMatchObject({ ok: false, error: { code: 'room_full', message: expect.stringContaining('LiveKit') } });
  });

  it('[RM4] media state changes reach everyone; only the sender sets their own', async () => {
    const sam = await member('Sam');
    const alex = await member('Alex');
    await join(sam);
    await join(alex);
    const seen = alex.next('participant:updated');
    const ack = await sam.send('media:state', { audio: false, video: false });
    expect(ack).toMatchObject({ ok: true, self: { displayName: 'Sam', audio: false, video: false } });
    expect(await seen).toMatchObject({ displayName: 'Sam', audio: false, video: false });
  });

  it('[RM5] leaving and disconnecting are announced to the others', async () => {
    const sam = await member('Sam');
    const alex = await member('Alex');
    const samJoin = await join(sam);
    await join(alex);
    const left = alex.next('participant:left');
    expect(await sam.send('room:leave', {})).toEqual({ ok: true });
    expect(await left).toEqual({ participantId: samJoin.self.id, reason: 'left' });

    const jo = await member('Jo');
    const joJoin = await join(jo);
    const gone = alex.next('participant:left');
    jo.close();
    expect(await gone).toEqual({ participantId: joJoin.self.id, reason: 'disconnected' });
  });

  it('[RM6] joining again from a second tab replaces the first, which is told why', async () => {
    const credential = await memberCredential(hearth, live, 'Sam');
    const first = await fixture.connect(credential.token);
    const second = await fixture.connect(credential.token);
    await join(first);
    const closed = first.next('room:closed');
    await join(second);
    expect(await closed).toMatchObject({ reason: 'replaced' });
  });

  it('[RM7] ending the session closes the room for everyone and refuses their credentials afterwards', async () => {
    const sam = await member('Sam');
    await join(sam);
    const closed = sam.next('room:closed');
    await http(hearth, 'POST', ApiRoutes.endSession(live.session.id), { cookie: live.cookie });
    expect(await closed).toMatchObject({ reason: 'session_ended' });
    const credential = await facilitatorCredential(hearth, live).catch((e: Error) => e.message);
    expect(credential).toContain('session_ended');
  });

  it('[RM6] joining twice on the same connection is refused and leaves no ghost behind', async () => {
    const sam = await member('Sam');
    await join(sam);
    expect(await sam.send('room:join', { audio: true, video: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(sam.socket.connected).toBe(true);
    sam.close();
    await settle();
    expect(hearth.services.rooms.list(live.session.id)).toEqual([]);
  });

  it('commands before joining are refused with not_in_room', async () => {
    const sam = await member('Sam');
    expect(await sam.send('media:state', { audio: true, video: true })).toMatchObject({ ok: false, error: { code: 'not_in_room' } });
    expect(eventsNamed(sam, 'participant:updated')).toEqual([]);
  });
});

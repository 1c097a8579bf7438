import { beforeEach, describe, expect, it } from 'vitest';
import { createInvite, facilitatorCredential, http, memberCredential, redeem, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { eventsNamed, join, settle } from '../support/sockets.js';
import { ModerationRoutes } from '@hearth/shared';

const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));

/** Fran (facilitator) and Sam (member) in the room with the waiting room on; Wren waiting. */
async function waiting() {
  const fac = await fixture.connect((await facilitatorCredential(hearth, live)).token);
  await join(fac);
  const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
  await join(sam);
  await fac.send('moderation:waiting-room', { enabled: true });
  const wrenToken = (await memberCredential(hearth, live, 'Wren')).token;
  const wren = await fixture.connect(wrenToken);
  expect(await wren.send('room:join', { audio: true, video: true })).toMatchObject({ ok: false, error: { code: 'admission_required' } });
  const announced = fac.next('waiting:updated');
  const welcome = await wren.send('waiting:enter', {});
  const { waiting: list } = await announced;
  return { fac, sam, wren, wrenToken, welcome, wrenId: list[0]?.participantId ?? '' };
}

describe('[MD9] the waiting room', () => {
  it('a waiting member sees the welcome text; facilitators see who waits; only Admit lets them in', async () => {
    const saved = await http(hearth, 'PUT', ModerationRoutes.groupWelcome(live.group.id), { cookie: live.cookie, body: { welcomeText: 'Welcome, make a cup of tea.' } });
    expect(saved).toMatchObject({ status: 200, body: { welcomeText: 'Welcome, make a cup of tea.' } });
    const { fac, wren, welcome, wrenId } = await waiting();
    expect(welcome).toMatchObject({ ok: true, status: 'waiting', welcomeText: 'Welcome, make a cup of tea.', groupName: 'Tuesday circle' });
    expect(await fac.send('moderation:state', {})).toMatchObject({ ok: true, settings: { waitingRoom: true }, waiting: [{ displayName: 'Wren', organisation: null }] });
    expect(await wren.send('room:join', { audio: true, video: true })).toMatchObject({ ok: false, error: { code: 'admission_required' } });
    const decided = wren.next('waiting:decided');
    expect(await fac.send('waiting:admit', { participantId: wrenId })).toEqual({ ok: true });
    expect(await decided).toMatchObject({ decision: 'admitted' });
    expect(await wren.send('room:join', { audio: true, video: true })).toMatchObject({ ok: true });
  });

  it('a declined member is told kindly and stays out; they may wait again', async () => {
    const { fac, wren, wrenId, wrenToken } = await waiting();
    const decided = wren.next('waiting:decided');
    expect(await fac.send('waiting:decline', { participantId: wrenId })).toEqual({ ok: true });
    expect(await decided).toMatchObject({ decision: 'declined', message: expect.stringContaining('Thank you') });
    expect(await wren.send('room:join', { audio: true, video: true })).toMatchObject({ ok: false, error: { code: 'admission_required' } });
    wren.close();
    const again = await fixture.connect(wrenToken);
    expect(await again.send('waiting:enter', {})).toMatchObject({ ok: true, status: 'waiting' });
  });

  it('[MD14] waiting-room text reaches the facilitators and that waiting member only', async () => {
    const { fac, sam, wren, wrenId } = await waiting();
    const vera = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'supervisor' }), 'Vera')).body.token);
    await join(vera);
    const toFac = fac.next('waiting:message');
    expect(await wren.send('waiting:message', { body: 'Is this the right group?' })).toMatchObject({ ok: true, message: { body: 'Is this the right group?' } });
    expect(await toFac).toMatchObject({ waitingParticipantId: wrenId, from: { displayName: 'Wren' } });
    const toWren = wren.next('waiting:message');
    expect(await fac.send('waiting:message', { participantId: wrenId, body: 'Yes, welcome.' })).toMatchObject({ ok: true });
    expect(await toWren).toMatchObject({ body: 'Yes, welcome.', from: { displayName: 'Fran', role: 'facilitator' } });
    await settle();
    for (const outsider of [sam, vera]) {
      expect(eventsNamed(outsider, 'waiting:message')).toEqual([]);
      expect(eventsNamed(outsider, 'waiting:updated')).toEqual([]);
    }
    expect(await sam.send('waiting:message', { participantId: wrenId, body: 'hi' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await vera.send('waiting:message', { participantId: wrenId, body: 'hi' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('[MD10] facilitators, co-facilitators and the supervisor never wait; switching it off lets everyone in', async () => {
    const { fac, wren } = await waiting();
    const co = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Kim')).body.token);
    await join(co);
    const vera = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'supervisor' }), 'Vera')).body.token);
    await join(vera);
    const decided = wren.next('waiting:decided');
    await fac.send('moderation:waiting-room', { enabled: false });
    expect(await decided).toMatchObject({ decision: 'admitted' });
    expect(await wren.send('room:join', { audio: true, video: true })).toMatchObject({ ok: true });
  });

  it('leaving the waiting room takes them off the list', async () => {
    const { fac, wren } = await waiting();
    const updated = fac.next('waiting:updated');
    wren.close();
    expect(await updated).toEqual({ waiting: [] });
  });

  it('the welcome text belongs to the group owner only', async () => {
    expect(await http(hearth, 'GET', ModerationRoutes.groupWelcome(live.group.id))).toMatchObject({ status: 401 });
    expect(await http(hearth, 'PUT', ModerationRoutes.groupWelcome(live.group.id), { cookie: live.cookie, body: { welcomeText: 5 } })).toMatchObject({ status: 400 });
  });
});

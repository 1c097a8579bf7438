import { beforeEach, describe, expect, it } from 'vitest';
import { ApiRoutes, RulesRoutes, SignalCloseCode } from '@hearth/shared';
import WebSocket from 'ws';
import { createInvite, facilitatorCredential, http, redeem, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { join, settle } from '../support/sockets.js';

// [AU6] Every state that shuts someone out is checked on every path that admits or serves them, not
// only at the socket handshake: a connection opened before the change cannot be used afterwards.

const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));

async function memberWithInvite(name: string) {
  const invite = await createInvite(hearth, live, { role: 'member' });
  const credential = (await redeem(hearth, invite, name)).body;
  return { invite, token: credential.token };
}

/** Opens the mesh's signalling socket with a ticket and resolves with how it closed (or 'open' after a while). */
function signalling(ticket: string): { closed: Promise<number>; ready: Promise<void> } {
  const ws = new WebSocket(`${hearth.url.replace(/^http/, 'ws')}${ApiRoutes.signal}?ticket=${encodeURIComponent(ticket)}`);
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  const ready = new Promise<void>((resolve) => ws.once('message', () => resolve()));
  return { closed, ready };
}

describe('standing on every path', () => {
  it('[AU6] signalling: a ticket issued before the removal is refused after it, and an open signalling socket is closed', async () => {
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    await join(fran);
    const sam = await fixture.connect((await memberWithInvite('Sam')).token);
    const samJoin = await join(sam);
    const alex = await fixture.connect((await memberWithInvite('Alex')).token);
    const alexJoin = await join(alex);
    const samTicket = samJoin.media.signallingTicket as string;
    const alexSignal = signalling(alexJoin.media.signallingTicket as string);
    await alexSignal.ready;

    expect(await fran.send('moderation:remove', { participantId: samJoin.self.id })).toEqual({ ok: true });
    expect(await fran.send('moderation:remove', { participantId: alexJoin.self.id })).toEqual({ ok: true });
    expect(await signalling(samTicket).closed).toBe(SignalCloseCode.badTicket);
    expect(await alexSignal.closed).toBe(SignalCloseCode.removed);
  });

  it('[AU6] a removed member loses every connection, including one that had not joined, and cannot join from it', async () => {
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    await join(fran);
    const { token } = await memberWithInvite('Sam');
    const inRoom = await fixture.connect(token);
    const samId = (await join(inRoom)).self.id;
    // A second tab, connected but not yet joined: before this fix it could join again after the removal.
    const spare = await fixture.connect(token);
    const spareClosed = spare.next('room:closed');
    expect(await fran.send('moderation:remove', { participantId: samId })).toEqual({ ok: true });
    expect(await spareClosed).toMatchObject({ reason: 'removed' });
    await settle();
    expect(inRoom.socket.connected).toBe(false);
    expect(spare.socket.connected).toBe(false);
    // And the consent routes refuse the credential too.
    const rules = await http(hearth, 'POST', RulesRoutes.roomRules, { body: { token } });
    expect(rules).toMatchObject({ status: 403, body: { error: { code: 'removed' } } });
  });

  it('[AU6] a withdrawn link: the holder cannot join from a connection opened before, nor read or agree to the rules', async () => {
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    await join(fran);
    const { invite, token } = await memberWithInvite('Alex');
    const early = await fixture.connect(token);
    expect((await http(hearth, 'POST', ApiRoutes.revokeInvite(invite.id), { cookie: live.cookie })).status).toBe(200);
    expect(await early.send('room:join', { audio: false, video: false })).toMatchObject({ ok: false, error: { code: 'invite_revoked' } });
    const rules = await http<{ error: { code: string } }>(hearth, 'POST', RulesRoutes.roomRules, { body: { token } });
    expect(rules.body.error.code).toBe('invite_revoked');
    const consent = await http<{ error: { code: string } }>(hearth, 'POST', RulesRoutes.roomConsent, { body: { token, version: 1 } });
    expect(consent.body.error.code).toBe('invite_revoked');
  });

  it('[AU6] a banned member on a spare connection is told banned and closed', async () => {
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    await join(fran);
    const { token } = await memberWithInvite('Ruth');
    const inRoom = await fixture.connect(token);
    const ruthId = (await join(inRoom)).self.id;
    const spare = await fixture.connect(token);
    const closed = spare.next('room:closed');
    expect(await fran.send('moderation:ban', { participantId: ruthId })).toMatchObject({ ok: true });
    expect(await closed).toMatchObject({ reason: 'banned' });
    await settle();
    expect(spare.socket.connected).toBe(false);
    expect((await http<{ error: { code: string } }>(hearth, 'POST', RulesRoutes.roomRules, { body: { token } })).body.error.code).toBe('banned');
  });

  it('[AU6] ending the session closes connections that never joined too: a waiting person and a second tab, each told why', async () => {
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    await join(fran);
    expect(await fran.send('moderation:waiting-room', { enabled: true })).toMatchObject({ ok: true });
    const wren = await fixture.connect((await memberWithInvite('Wren')).token);
    expect(await wren.send('room:join', { audio: false, video: false })).toMatchObject({ ok: false, error: { code: 'admission_required' } });
    expect(await wren.send('waiting:enter', {})).toMatchObject({ ok: true });
    const spare = await fixture.connect((await memberWithInvite('Sam')).token);
    const told = [wren.next('room:closed'), spare.next('room:closed')];
    expect((await http(hearth, 'POST', ApiRoutes.endSession(live.session.id), { cookie: live.cookie })).status).toBe(200);
    for (const closed of await Promise.all(told)) expect(closed).toMatchObject({ reason: 'session_ended' });
    await settle();
    expect([wren.socket.connected, spare.socket.connected]).toEqual([false, false]);
  });
});

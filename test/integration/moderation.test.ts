import { beforeEach, describe, expect, it } from 'vitest';
import { ApiRoutes, PROTOCOL_VERSION, type ClientCommandName } from '@hearth/shared';
import { commandPolicy } from '../../server/src/realtime/command-policy.js';
import { createInvite, facilitatorCredential, http, memberCredential, redeem, tokenOf, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { eventsNamed, handshakeRefusal, join, settle, type TestClient } from '../support/sockets.js';

const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));

async function connect(token: string): Promise<TestClient> {
  const client = await fixture.connect(token);
  return client;
}

/** A facilitator and two members, all joined. */
async function room() {
  const fac = await connect((await facilitatorCredential(hearth, live)).token);
  const sam = await connect((await memberCredential(hearth, live, 'Sam')).token);
  const alex = await connect((await memberCredential(hearth, live, 'Alex')).token);
  const facJoin = await join(fac);
  const samJoin = await join(sam);
  const alexJoin = await join(alex);
  return { fac, sam, alex, facId: facJoin.self.id, samId: samJoin.self.id, alexId: alexJoin.self.id };
}

const facilitatorOnly = (Object.keys(commandPolicy) as ClientCommandName[]).filter((name) => commandPolicy[name].roles === 'facilitators');

describe('authorisation', () => {
  it('has facilitator-only commands to test', () => {
    expect(facilitatorOnly).toEqual(expect.arrayContaining(['moderation:mute', 'moderation:remove']));
  });

  it.each(facilitatorOnly)('[AU1] a member sending %s is refused with not_allowed and nothing happens', async (command) => {
    const { sam, alex, fac, alexId } = await room();
    const ack = await sam.sendRaw(command, { participantId: alexId });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    await settle();
    for (const client of [alex, fac]) {
      expect(eventsNamed(client, 'participant:updated')).toEqual([]);
      expect(eventsNamed(client, 'participant:left')).toEqual([]);
    }
    expect(alex.socket.connected).toBe(true);
  });

  it('[MD1] there is no unmute command: it is an unknown event', async () => {
    const { fac, samId } = await room();
    expect(await fac.sendRaw('moderation:unmute', { participantId: samId })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('[MD3] a facilitator cannot mute or remove themselves', async () => {
    const { fac, facId } = await room();
    expect(await fac.send('moderation:mute', { participantId: facId })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await fac.send('moderation:remove', { participantId: facId })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('[MD4] a co-facilitator can mute, but cannot remove the group facilitator', async () => {
    const { fac, facId, samId } = await room();
    const invite = await createInvite(hearth, live, { role: 'co_facilitator' });
    const co = await connect((await redeem(hearth, invite, 'Kim')).body.token);
    await join(co);
    expect(await co.send('moderation:mute', { participantId: samId })).toMatchObject({ ok: true, participant: { mutedBy: { displayName: 'Kim' } } });
    expect(await co.send('moderation:remove', { participantId: facId })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(fac.socket.connected).toBe(true);
  });

  it('[MD17] a co-facilitator cannot remove or ban another co-facilitator or the supervisor; the group facilitator can', async () => {
    const { fac } = await room();
    const staff = async (role: 'co_facilitator' | 'supervisor', name: string) => {
      const client = await connect((await redeem(hearth, await createInvite(hearth, live, { role }), name)).body.token);
      return { client, id: (await join(client)).self.id };
    };
    const kim = await staff('co_facilitator', 'Kim');
    const lee = await staff('co_facilitator', 'Lee');
    const vera = await staff('supervisor', 'Vera');
    for (const target of [lee, vera]) {
      for (const command of ['moderation:remove', 'moderation:ban'] as const) {
        const ack = await kim.client.send(command, { participantId: target.id });
        expect(ack, `${command} on ${target.id}`).toMatchObject({ ok: false, error: { code: 'not_allowed', message: expect.stringContaining("group's facilitator") } });
      }
    }
    await settle();
    expect(lee.client.socket.connected).toBe(true);
    expect(vera.client.socket.connected).toBe(true);
    expect(eventsNamed(fac, 'participant:left')).toEqual([]);
    expect(await fac.send('moderation:remove', { participantId: lee.id })).toMatchObject({ ok: true });
    expect(await fac.send('moderation:remove', { participantId: vera.id })).toMatchObject({ ok: true });
  });
});

describe('mute', () => {
  it('[MD2] the muted member is told who muted them; everyone sees them muted; only they receive the notice', async () => {
    const { fac, sam, alex, samId } = await room();
    const notice = sam.next('moderation:muted');
    const seenByAlex = alex.next('participant:updated');
    const ack = await fac.send('moderation:mute', { participantId: samId });
    expect(ack).toMatchObject({ ok: true, participant: { id: samId, audio: false, mutedBy: { displayName: 'Fran' } } });
    expect(await notice).toMatchObject({ by: { displayName: 'Fran' } });
    expect(await seenByAlex).toMatchObject({ id: samId, audio: false, mutedBy: { displayName: 'Fran' } });
    await settle();
    expect(eventsNamed(alex, 'moderation:muted')).toEqual([]);
    expect(eventsNamed(fac, 'moderation:muted')).toEqual([]);
  });

  it('[MD1] only the member can unmute themselves, which clears who muted them', async () => {
    const { fac, sam, alex, samId } = await room();
    await fac.send('moderation:mute', { participantId: samId });
    await settle(); // let the mute's own broadcast arrive first
    const seen = alex.next('participant:updated');
    expect(await sam.send('media:state', { audio: true, video: true })).toMatchObject({ ok: true, self: { audio: true, mutedBy: null } });
    expect(await seen).toMatchObject({ id: samId, audio: true, mutedBy: null });
  });

  it('muting someone not in the room is not_found', async () => {
    const { fac } = await room();
    expect(await fac.send('moderation:mute', { participantId: 'nobodyhere' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('remove', () => {
  it('[MD6] the removed member leaves, everyone else is told, and they cannot come back', async () => {
    const { fac, alex } = await room();
    const invite = await createInvite(hearth, live, { role: 'member', label: 'for Jo' });
    const credential = (await redeem(hearth, invite, 'Jo')).body;
    const jo = await connect(credential.token);
    const joJoin = await join(jo);
    const closed = jo.next('room:closed');
    const left = alex.next('participant:left');
    expect(await fac.send('moderation:remove', { participantId: joJoin.self.id })).toEqual({ ok: true });
    expect(await closed).toMatchObject({ reason: 'removed', message: expect.stringContaining('removed') });
    expect(await left).toEqual({ participantId: joJoin.self.id, reason: 'removed' });
    await settle();
    expect(jo.socket.connected).toBe(false);

    // Their credential is refused, and the link that admitted them no longer works for this session.
    expect(await handshakeRefusal(hearth.url, { protocolVersion: PROTOCOL_VERSION, token: credential.token })).toMatchObject({ code: 'removed' });
    const again = await http(hearth, 'POST', ApiRoutes.redeemInvite(tokenOf(invite)), { body: { displayName: 'Jo again' } });
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ error: { code: 'invite_revoked' } });
  });

  it('[MD6] a multi-use link that admitted a removed member is withdrawn for everyone', async () => {
    const fac = await connect((await facilitatorCredential(hearth, live)).token);
    await join(fac);
    const invite = await createInvite(hearth, live, { role: 'member', maxUses: 5 });
    const sam = await connect((await redeem(hearth, invite, 'Sam')).body.token);
    const samJoin = await join(sam);
    await fac.send('moderation:remove', { participantId: samJoin.self.id });
    const again = await http(hearth, 'POST', ApiRoutes.redeemInvite(tokenOf(invite)), { body: { displayName: 'Sam in disguise' } });
    expect(again.body).toMatchObject({ error: { code: 'invite_revoked' } });
  });
});

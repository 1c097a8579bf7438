import { ApiRoutes, type Session } from '@hearth/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { createInvite, facilitatorCredential, http, memberCredential, redeem, startLiveSession, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { eventsNamed, join, settle } from '../support/sockets.js';

const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));

describe('[RX1] [RX2] quiet reactions', () => {
  it('a member\'s reaction reaches everyone in the room, the sender included, under the sender\'s own id', async () => {
    const { fran, kim, sam, alex, ids } = await fixture.staffedRoom();
    const arrivals = [fran, kim, sam, alex].map((c) => c.next('reaction:shown'));
    expect(await sam.send('reaction:send', { kind: 'me-too' })).toEqual({ ok: true });
    for (const got of await Promise.all(arrivals)) expect(got).toEqual({ participantId: ids.sam, kind: 'me-too' });
  });

  it('nobody outside the room receives it: another session, a member waiting to be admitted', async () => {
    const { fran, sam } = await fixture.staffedRoom();
    const other = await startLiveSession(hearth, live.cookie);
    const outsider = await fixture.connect((await facilitatorCredential(hearth, other)).token);
    await join(outsider);
    await fran.send('moderation:waiting-room', { enabled: true });
    const wren = await fixture.connect((await memberCredential(hearth, live, 'Wren')).token);
    expect(await wren.send('room:join', { audio: true, video: true })).toMatchObject({ ok: false, error: { code: 'admission_required' } });
    expect(await wren.send('waiting:enter', {})).toMatchObject({ ok: true });
    // Not joined: refused, like every room command.
    expect(await wren.send('reaction:send', { kind: 'thanks' })).toMatchObject({ ok: false, error: { code: 'not_in_room' } });

    expect(await sam.send('reaction:send', { kind: 'support' })).toEqual({ ok: true });
    await settle();
    expect(eventsNamed(outsider, 'reaction:shown')).toEqual([]);
    expect(eventsNamed(wren, 'reaction:shown')).toEqual([]);
  });

  it('refuses a payload naming someone else, an unknown kind or free text; nothing is shown', async () => {
    const { fran, sam, ids } = await fixture.staffedRoom();
    for (const payload of [{ kind: 'thanks', participantId: ids.fran }, { kind: 'hooray' }, { kind: 'thanks', text: 'hello' }, {}, 'thanks']) {
      expect(await sam.sendRaw('reaction:send', payload)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    await settle();
    expect(eventsNamed(fran, 'reaction:shown')).toEqual([]);
  });

  it('[SV2] the hidden supervisor cannot react (members would see someone they cannot see)', async () => {
    const { sam } = await fixture.staffedRoom();
    const vera = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'supervisor' }), 'Vera')).body.token);
    await join(vera);
    expect(await vera.send('reaction:send', { kind: 'thanks' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    await settle();
    expect(eventsNamed(sam, 'reaction:shown')).toEqual([]);
  });

  it('[RX4] a member sending reactions without pause is stopped after a handful a minute', async () => {
    const { fran, sam } = await fixture.staffedRoom();
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await sam.send('reaction:send', { kind: 'thanks' }));
    expect(answers.filter((a) => a.ok)).toHaveLength(10);
    expect(answers.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    await settle();
    expect(eventsNamed(fran, 'reaction:shown')).toHaveLength(10);
  });
});

describe('[RX3] the group turns reactions off', () => {
  it('everyone learns the setting on joining; a facilitator turns it off for everyone; reactions are then refused and reach nobody', async () => {
    const { fran, kim, sam, alex } = await fixture.staffedRoom();
    for (const client of [fran, sam]) expect(eventsNamed(client, 'reactions:settings')).toEqual([{ enabled: true }]);

    const told = [kim, sam, alex].map((c) => c.next('reactions:settings'));
    expect(await fran.send('reactions:settings', { enabled: false })).toEqual({ ok: true, enabled: false });
    for (const got of await Promise.all(told)) expect(got).toEqual({ enabled: false });

    expect(await sam.send('reaction:send', { kind: 'me-too' })).toMatchObject({ ok: false, error: { code: 'not_allowed', message: 'Reactions are off for this group.' } });
    await settle();
    for (const client of [fran, kim, alex]) expect(eventsNamed(client, 'reaction:shown')).toEqual([]);
  });

  it('the setting belongs to the group: the next session starts with reactions off, until turned on again', async () => {
    const { fran } = await fixture.staffedRoom();
    await fran.send('reactions:settings', { enabled: false });
    const session = await http<Session>(hearth, 'POST', ApiRoutes.groupSessions(live.group.id), { cookie: live.cookie, body: {} });
    const next: LiveSession = { ...live, session: session.body };
    const joe = await fixture.connect((await memberCredential(hearth, next, 'Joe')).token);
    const told = joe.next('reactions:settings');
    await join(joe);
    expect(await told).toEqual({ enabled: false });
    expect(await joe.send('reaction:send', { kind: 'thanks' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    await fran.send('reactions:settings', { enabled: true });
    expect(await joe.send('reaction:send', { kind: 'thanks' })).toEqual({ ok: true });
  });

  it('members cannot change the setting; malformed settings are refused', async () => {
    const { fran, sam } = await fixture.staffedRoom();
    expect(await sam.send('reactions:settings', { enabled: false })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await fran.sendRaw('reactions:settings', { enabled: 'no' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await sam.send('reaction:send', { kind: 'thanks' })).toEqual({ ok: true });
  });
});

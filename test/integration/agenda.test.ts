import { AgendaRoutes, type GroupAgenda, type SaveAgendaBody, type SessionAgenda } from '@hearth/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { createInvite, facilitatorCredential, http, memberCredential, redeem, startLiveSession, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { eventsNamed, join, settle } from '../support/sockets.js';

const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));

const defaultNames = ['Welcome and check-in', 'Ground rules', 'Main discussion or activity', 'Sharing and feedback', 'Closing'];

const readAgenda = (cookie = live.cookie, groupId = live.group.id) => http<GroupAgenda>(hearth, 'GET', AgendaRoutes.groupAgenda(groupId), { cookie });
const saveAgenda = (body: SaveAgendaBody, cookie = live.cookie, groupId = live.group.id) =>
  http<GroupAgenda>(hearth, 'PUT', AgendaRoutes.groupAgenda(groupId), { cookie, body });

async function room() {
  const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
  const kim = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Kim')).body.token);
  const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
  const alex = await fixture.connect((await memberCredential(hearth, live, 'Alex')).token);
  for (const c of [fran, kim, sam, alex]) await join(c);
  await settle();
  return { fran, kim, sam, alex };
}

describe('[AG1] a group\'s agenda', () => {
  it('starts as the five phases the practice uses, with the ground-rules phase opening the rules', async () => {
    const answer = await readAgenda();
    expect(answer.status).toBe(200);
    expect(answer.body.saved).toBe(false);
    expect(answer.body.phases.map((p) => p.name)).toEqual(defaultNames);
    expect(answer.body.phases.filter((p) => p.opensRules).map((p) => p.name)).toEqual(['Ground rules']);
  });

  it('the facilitator renames, reorders, adds and removes phases; a kept phase keeps its id', async () => {
    const [welcome, rules] = (await readAgenda()).body.phases;
    const saved = await saveAgenda({
      phases: [
        { id: rules!.id, name: 'Our agreements', opensRules: true },
        { id: welcome!.id, name: 'Arriving', opensRules: false },
        { name: 'Quiet reflection', opensRules: false },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.phases.map((p) => p.name)).toEqual(['Our agreements', 'Arriving', 'Quiet reflection']);
    expect(saved.body.phases[0]!.id).toBe(rules!.id);
    expect((await readAgenda()).body).toEqual(saved.body);
  });

  it.each([
    ['no phases', { phases: [] }],
    ['an empty name', { phases: [{ name: '  ', opensRules: false }] }],
    ['a missing flag', { phases: [{ name: 'Welcome' }] }],
    ['an extra field', { phases: [{ name: 'Welcome', opensRules: false }], extra: 1 }],
  ])('refuses %s (invalid_payload)', async (_name, body) => {
    expect(await saveAgenda(body as SaveAgendaBody)).toMatchObject({ status: 400, body: { error: { code: 'invalid_payload' } } });
  });

  it('[AG2] nobody but the group\'s facilitator can read or change it', async () => {
    expect((await readAgenda('')).status).toBe(401);
    expect((await saveAgenda({ phases: [{ name: 'Mine', opensRules: false }] }, '')).status).toBe(401);
    const member = await memberCredential(hearth, live, 'Sam');
    const withToken = await http(hearth, 'PUT', AgendaRoutes.groupAgenda(live.group.id), { body: { phases: [{ name: 'x', opensRules: false }], token: member.token } });
    expect(withToken.status).toBe(401);
    // A group that is not theirs is simply not found (Hearth holds one facilitator account per install).
    expect((await readAgenda(live.cookie, 'no-such-group')).status).toBe(404);
    expect((await saveAgenda({ phases: [{ name: 'Mine', opensRules: false }] }, live.cookie, 'no-such-group')).status).toBe(404);
    expect((await readAgenda()).body.saved).toBe(false);
  });
});

describe('the agenda in the room', () => {
  it('[AG4] a facilitator\'s move reaches everyone in the room, and nobody in another session', async () => {
    const { fran, kim, sam, alex } = await room();
    const other = await startLiveSession(hearth, live.cookie);
    const outsider = await fixture.connect((await facilitatorCredential(hearth, other)).token);
    await join(outsider);
    const arrivals = [fran, kim, sam, alex].map((c) => c.next('agenda:phase'));
    const ack = await fran.send('agenda:move', { step: 'next' });
    expect(ack).toMatchObject({ ok: true, agenda: { currentPhaseId: 'welcome' } });
    for (const got of await Promise.all(arrivals)) {
      const agenda = got as SessionAgenda;
      expect(agenda.currentPhaseId).toBe('welcome');
      expect(agenda.phases.map((p) => p.name)).toEqual(defaultNames);
      // The fact names nobody: not who moved, not who is in the room.
      expect(JSON.stringify(agenda)).not.toContain('Fran');
    }
    await settle();
    expect(eventsNamed(outsider, 'agenda:phase')).toEqual([]);
  });

  it('[AG3] facilitators move next, previous and to any phase; the ends are refused', async () => {
    const { fran, kim } = await room();
    expect(await fran.send('agenda:move', { step: 'previous' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await kim.send('agenda:move', { phaseId: 'closing' })).toMatchObject({ ok: true, agenda: { currentPhaseId: 'closing' } });
    expect(await fran.send('agenda:move', { step: 'next' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await fran.send('agenda:move', { step: 'previous' })).toMatchObject({ ok: true, agenda: { currentPhaseId: 'sharing' } });
    expect(await fran.send('agenda:move', { phaseId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('[AG3] two facilitators pressing "next" together move one phase each', async () => {
    const { fran, kim } = await room();
    const [a, b] = await Promise.all([fran.send('agenda:move', { step: 'next' }), kim.send('agenda:move', { step: 'next' })]);
    const landed = [a, b].map((ack) => (ack as { agenda: SessionAgenda }).agenda.currentPhaseId).sort();
    expect(landed).toEqual(['ground-rules', 'welcome']);
  });

  it('[AG3] members cannot move phases, and nothing reaches the room', async () => {
    const { fran, sam } = await room();
    for (const payload of [{ step: 'next' }, { phaseId: 'ground-rules' }] as const) {
      expect(await sam.send('agenda:move', payload)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    }
    await settle();
    expect(eventsNamed(fran, 'agenda:phase')).toEqual([]);
    expect(await sam.send('agenda:get', {})).toMatchObject({ ok: true, agenda: { currentPhaseId: null } });
  });

  it.each([
    ['no payload', undefined],
    ['an unknown step', { step: 'skip' }],
    ['both a step and a phase', { step: 'next', phaseId: 'closing' }],
    ['a malformed phase id', { phaseId: 'not an id' }],
    ['an extra field', { phaseId: 'closing', extra: true }],
  ])('refuses %s (invalid_payload)', async (_name, payload) => {
    const { fran } = await room();
    expect(await fran.sendRaw('agenda:move', payload)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await fran.sendRaw('agenda:get', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('refuses anyone not admitted to the room', async () => {
    const stranger = await fixture.connect((await memberCredential(hearth, live, 'Jo')).token);
    expect(await stranger.send('agenda:get', {})).toMatchObject({ ok: false, error: { code: 'not_in_room' } });
  });

  it('[AG5] someone joining later gets the current phase', async () => {
    const { fran } = await room();
    await fran.send('agenda:move', { phaseId: 'ground-rules' });
    const late = await fixture.connect((await memberCredential(hearth, live, 'Lee')).token);
    await join(late);
    const ack = await late.send('agenda:get', {});
    expect(ack).toMatchObject({ ok: true, agenda: { currentPhaseId: 'ground-rules', changedAt: expect.any(Number) } });
    expect((ack as { agenda: SessionAgenda }).agenda.phases.find((p) => p.id === 'ground-rules')).toEqual({ id: 'ground-rules', name: 'Ground rules', opensRules: true });
  });

  it('the room follows the group\'s edited agenda', async () => {
    const { fran } = await room();
    await saveAgenda({ phases: [{ name: 'Arriving', opensRules: false }, { id: 'ground-rules', name: 'Our agreements', opensRules: true }] });
    const ack = await fran.send('agenda:move', { step: 'next' });
    expect(ack).toMatchObject({ ok: true, agenda: { phases: [{ name: 'Arriving' }, { id: 'ground-rules', name: 'Our agreements' }] } });
  });
});

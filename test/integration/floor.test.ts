import { beforeEach, describe, expect, it } from 'vitest';
import type { ClientCommandName, HandQueue, MyHand, NudgeReceived } from '@hearth/shared';
import { commandPolicy } from '../../server/src/realtime/command-policy.js';
import { createInvite, facilitatorCredential, http, memberCredential, redeem, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { eventsNamed, join, settle, type TestClient } from '../support/sockets.js';

const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));

/** Fran (facilitator), Kim (co-facilitator), Sam and Alex (members), joined in that order. */
async function room() {
  const { fran, kim, sam, alex, ids } = await fixture.staffedRoom();
  return { fran, kim, sam, alex, franId: ids.fran, kimId: ids.kim, samId: ids.sam, alexId: ids.alex };
}

const floorOnly = ['hand:', 'hands:', 'floor:', 'round:', 'nudge:'];
const facilitatorOnly = (Object.keys(commandPolicy) as ClientCommandName[])
  .filter((name) => commandPolicy[name].roles === 'facilitators' && floorOnly.some((p) => name.startsWith(p)));
const lastOf = <T>(client: TestClient, event: string) => eventsNamed(client, event).at(-1) as T | undefined;

describe('authorisation', () => {
  it('has the floor\'s facilitator-only commands to test', () => {
    expect(facilitatorOnly).toEqual(expect.arrayContaining(['hands:lower', 'hands:order', 'floor:give', 'floor:control', 'round:start', 'round:skip',
      'round:reorder', 'round:end', 'nudge:send', 'nudge:wording', 'nudge:set-wording']));
  });

  const validPayload = (command: ClientCommandName, targetId: string): unknown => ({
    'hands:order': { order: 'fair' },
    'floor:control': { on: true },
    'round:start': { kind: 'check_in', order: 'join', floorControl: true },
    'round:reorder': { participantIds: [targetId] },
    'nudge:send': { participantId: targetId, kind: 'make_space' },
    'nudge:set-wording': { makeSpace: 'Mine', invite: 'Mine too' },
    'floor:give': { participantId: targetId },
    'hands:lower': { participantId: targetId },
  } as Record<string, unknown>)[command] ?? {};

  it.each(facilitatorOnly)('[AU1] a member sending %s (well formed) is refused with not_allowed and nothing reaches anyone', async (command) => {
    const { fran, kim, sam, alex, alexId } = await room();
    await alex.send('hand:raise', {});
    await settle();
    const before = [fran, kim, alex].map((c) => c.received.length);
    expect(await sam.sendRaw(command, validPayload(command, alexId))).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    await settle();
    // talk:stats is the facilitators' periodic talk-time tick, sent whatever anyone does.
    const extra = [fran, kim, alex].map((c, i) => c.received.slice(before[i]).map((r) => r.event).filter((event) => event !== 'talk:stats'));
    expect(extra).toEqual([[], [], []]);
  });

  it('[FL6] a member cannot pass or finish someone else\'s turn; [FL10] nor answer someone else\'s nudge', async () => {
    const { fran, sam, alex, alexId } = await room();
    expect(await fran.send('round:start', { kind: 'check_in', order: 'join', floorControl: false })).toMatchObject({ ok: true, floor: { round: { currentId: expect.any(String) } } });
    // Sam joined first, so it is Sam's turn: Alex may not end it.
    expect(await alex.send('round:pass', {})).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await alex.send('round:done', {})).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const sent = await fran.send('nudge:send', { participantId: alexId, kind: 'invite' });
    if (!sent.ok) throw new Error(sent.error.message);
    expect(await sam.send('nudge:answer', { nudgeId: sent.nudgeId, answer: 'decline' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await alex.send('floor:release', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('[SV2] the hidden supervisor cannot raise a hand or take a turn', async () => {
    await room();
    const vera = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'supervisor' }), 'Vera')).body.token);
    await join(vera);
    for (const command of ['hand:raise', 'round:pass', 'nudge:answer'] as const) {
      expect(await vera.sendRaw(command, {})).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    }
  });
});

describe('hands and the queue', () => {
  it('[FL2] facilitators see the whole queue; each member hears only of their own hand and place', async () => {
    const { fran, kim, sam, alex, samId, alexId } = await room();
    expect(await sam.send('hand:raise', {})).toMatchObject({ ok: true, hand: { raised: true, place: 1 } });
    expect(await alex.send('hand:raise', {})).toMatchObject({ ok: true, hand: { raised: true, place: 2 } });
    await settle();
    for (const facilitator of [fran, kim]) {
      const queue = lastOf<HandQueue>(facilitator, 'floor:queue')!;
      expect(queue.order).toBe('first_come');
      expect(queue.hands.map((h) => [h.displayName, h.spokenMs])).toEqual([['Sam', 0], ['Alex', 0]]);
    }
    for (const member of [sam, alex]) expect(eventsNamed(member, 'floor:queue')).toEqual([]);
    const raised = (c: TestClient) => eventsNamed(c, 'hand:mine').filter((h) => (h as MyHand).raised);
    expect(raised(sam)).toEqual([{ raised: true, place: 1 }]);
    // Alex's raise reaches Sam as nothing at all: not even Sam's unchanged place names anyone.
    expect(raised(alex)).toEqual([{ raised: true, place: 2 }]);
    const floorFacts = (c: TestClient) => JSON.stringify(c.received.filter((r) => /^(hand|hands|floor|round|nudge):/.test(r.event)));
    expect(floorFacts(sam)).not.toContain(alexId);
    expect(floorFacts(alex)).not.toContain(samId);
  });

  it('[FL1] facilitators choose the order and lower one hand or all; the owner is told why', async () => {
    const { fran, sam, alex, samId } = await room();
    await sam.send('hand:raise', {});
    await alex.send('hand:raise', {});
    expect(await fran.send('hands:order', { order: 'fair' })).toMatchObject({ ok: true, queue: { order: 'fair' } });
    await settle();
    const samLowered = sam.next('hand:mine');
    expect(await fran.send('hands:lower', { participantId: samId })).toMatchObject({ ok: true, queue: { hands: [{ displayName: 'Alex' }] } });
    expect(await samLowered).toEqual({ raised: false, place: null, lowered: 'facilitator' });
    expect(await fran.send('hands:lower', { participantId: samId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const alexLowered = alex.next('hand:mine');
    expect(await fran.send('hands:lower', {})).toMatchObject({ ok: true, queue: { hands: [] } });
    expect(await alexLowered).toEqual({ raised: false, place: null, lowered: 'facilitator' });
    expect(await sam.send('hand:lower', {})).toMatchObject({ ok: true, hand: { raised: false } });
  });

  it('[FL3] giving the floor tells everyone who holds it; the holder hands it back', async () => {
    const { fran, sam, alex, samId } = await room();
    await sam.send('hand:raise', {});
    const seen = alex.next('floor:state');
    expect(await fran.send('floor:give', { participantId: samId })).toMatchObject({ ok: true, floor: { holderId: samId, floorControl: false } });
    expect(await seen).toEqual({ holderId: samId, floorControl: false, round: null });
    expect(await alex.send('floor:release', {})).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await sam.send('floor:release', {})).toMatchObject({ ok: true, floor: { holderId: null } });
    expect(await hearth.services.floorRecords.countTurnsGiven(live.session.id)).toBe(1);
  });

  it('[FL4] a hand lowers itself when its owner starts speaking with the floor', async () => {
    const { fran, sam, samId } = await room();
    await sam.send('hand:raise', {});
    await fran.send('floor:give', { participantId: samId });
    const lowered = sam.next('hand:mine', 5000);
    await sam.send('talk:report', { intervals: [], speakingForMs: 400 });
    expect(await lowered).toEqual({ raised: false, place: null, lowered: 'spoke' });
    await settle();
    expect(lastOf<HandQueue>(fran, 'floor:queue')?.hands).toEqual([]);
  });

  it('[FL12] a hand goes down when its owner leaves, and the floor is free again', async () => {
    const { fran, sam, samId } = await room();
    await sam.send('hand:raise', {});
    await fran.send('floor:give', { participantId: samId });
    const queue = fran.next('floor:queue');
    const state = fran.next('floor:state');
    sam.close();
    expect((await queue).hands).toEqual([]);
    expect((await state).holderId).toBeNull();
  });
});

describe('floor control', () => {
  it('[FL5] others are muted during a turn; a non-holder\'s unmute is refused; the next speaker unmutes themselves', async () => {
    const { fran, kim, sam, alex, samId, alexId } = await room();
    const alexMuted = alex.next('moderation:muted');
    expect(await fran.send('round:start', { kind: 'check_in', order: 'join', floorControl: true })).toMatchObject({ ok: true, floor: { holderId: samId, floorControl: true } });
    expect(await alexMuted).toEqual({ by: { id: expect.any(String), displayName: 'Fran' }, floor: true });
    await settle();
    // Sam holds the floor and is not muted; facilitators are never muted by floor control.
    expect(eventsNamed(sam, 'moderation:muted')).toEqual([]);
    expect(eventsNamed(kim, 'moderation:muted')).toEqual([]);
    expect(await alex.send('media:state', { audio: true, video: true })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    // Turning the camera off (microphone still off) is fine.
    expect(await alex.send('media:state', { audio: false, video: false })).toMatchObject({ ok: true });
    expect(await kim.send('media:state', { audio: true, video: true })).toMatchObject({ ok: true });

    expect(await sam.send('round:done', {})).toMatchObject({ ok: true, floor: { holderId: alexId } });
    // Nobody is unmuted by the server [MD1]: Alex is offered the floor and turns the microphone on.
    expect(await alex.send('media:state', { audio: true, video: false })).toMatchObject({ ok: true, self: { audio: true, mutedBy: null } });
    await settle();
    expect(await sam.send('media:state', { audio: true, video: true })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await alex.send('round:done', {})).toMatchObject({ ok: true, floor: { holderId: null, floorControl: false, round: null } });
    expect(await sam.send('media:state', { audio: true, video: true })).toMatchObject({ ok: true });
  });

  it('[FL5] a member joining during a controlled turn with their microphone on is muted', async () => {
    const { fran } = await room();
    await fran.send('round:start', { kind: 'check_out', order: 'join', floorControl: true });
    const lee = await fixture.connect((await memberCredential(hearth, live, 'Lee')).token);
    const muted = lee.next('moderation:muted');
    await join(lee);
    expect(await muted).toMatchObject({ by: { displayName: 'Fran' }, floor: true });
  });

  it('[FL8] without floor control, nobody is muted by a round, and the timer never mutes', async () => {
    const { fran, sam, alex } = await room();
    expect(await fran.send('round:start', { kind: 'check_in', order: 'join', floorControl: false, turnSeconds: 15 })).toMatchObject({
      ok: true, floor: { floorControl: false, round: { turnSeconds: 15, turnLeftMs: expect.any(Number) } },
    });
    await settle();
    expect([...eventsNamed(sam, 'moderation:muted'), ...eventsNamed(alex, 'moderation:muted')]).toEqual([]);
    expect(await alex.send('media:state', { audio: true, video: true })).toMatchObject({ ok: true });
  });
});

describe('go-rounds', () => {
  it('[FL6][FL7] pass and return, skip, reorder and end; rounds held are counted', async () => {
    const { fran, sam, alex, samId, alexId } = await room();
    const lee = await fixture.connect((await memberCredential(hearth, live, 'Lee')).token);
    const leeId = (await join(lee)).self.id;
    const start = await fran.send('round:start', { kind: 'check_in', prompt: 'One word for today', order: 'join', floorControl: false });
    expect(start).toMatchObject({ ok: true, floor: { round: { kind: 'check_in', prompt: 'One word for today', currentId: samId, upcoming: [alexId, leeId] } } });
    expect(await fran.send('round:start', { kind: 'other', order: 'join', floorControl: false })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await fran.send('round:reorder', { participantIds: [leeId, alexId] })).toMatchObject({ ok: true, floor: { round: { upcoming: [leeId, alexId] } } });
    expect(await fran.send('round:reorder', { participantIds: [leeId] })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const seenByAlex = alex.next('floor:state');
    expect(await sam.send('round:pass', {})).toMatchObject({ ok: true, floor: { round: { currentId: leeId, returning: [samId] } } });
    expect((await seenByAlex).round?.currentId).toBe(leeId);
    expect(await fran.send('round:skip', {})).toMatchObject({ ok: true, floor: { round: { currentId: alexId } } });
    expect(await alex.send('round:done', {})).toMatchObject({ ok: true, floor: { round: { currentId: samId, again: true } } });
    expect(await fran.send('round:end', {})).toMatchObject({ ok: true, floor: { round: null, holderId: null } });
    expect(await fran.send('round:end', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await hearth.services.floorRecords.countRoundsHeld(live.session.id)).toBe(1);
    // The facilitator's summary reads the same count.
    expect((await http<{ roundsHeld: number }>(hearth, 'GET', `/api/sessions/${live.session.id}/talk-time`, { cookie: live.cookie })).body.roundsHeld).toBe(1);
    // Sam, Lee, Alex and Sam again.
    expect(await hearth.services.floorRecords.countTurnsGiven(live.session.id)).toBe(4);
  });

  it('[FL7] the speaker leaving hands the turn on; [FL12] the session ending clears the floor', async () => {
    const { fran, sam, alexId } = await room();
    await fran.send('round:start', { kind: 'check_in', order: 'join', floorControl: true });
    const next = fran.next('floor:state');
    sam.close();
    expect((await next).round?.currentId).toBe(alexId);
    await hearth.services.roomControl.endSession(live.session.id);
    await settle();
    expect(hearth.services.floor.peek(live.session.id)).toBeUndefined();
  });

  it('a round with nobody to go round is refused', async () => {
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    await join(fran);
    expect(await fran.send('round:start', { kind: 'check_in', order: 'shuffled', floorControl: false })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('private nudges', () => {
  it('[FL9] a nudge reaches only its recipient; [FL10] the answer only the facilitator who sent it', async () => {
    const { fran, kim, sam, alex, samId } = await room();
    const received = sam.next('nudge:received');
    const sent = await fran.send('nudge:send', { participantId: samId, kind: 'make_space' });
    expect(sent).toMatchObject({ ok: true, nudgeId: expect.any(String) });
    const nudge: NudgeReceived = await received;
    expect(nudge).toMatchObject({ kind: 'make_space', from: { displayName: 'Fran' }, text: "We've heard a lot from you today — thank you. I'd like to make some space for others now." });
    const answered = fran.next('nudge:answered');
    expect(await sam.send('nudge:answer', { nudgeId: nudge.nudgeId, answer: 'accept' })).toMatchObject({ ok: true });
    expect(await answered).toEqual({ nudgeId: nudge.nudgeId, participantId: samId, kind: 'make_space', answer: 'accept' });
    expect(await sam.send('nudge:answer', { nudgeId: nudge.nudgeId, answer: 'decline' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await settle();
    for (const other of [kim, alex]) {
      expect(other.received.filter((r) => r.event.startsWith('nudge:'))).toEqual([]);
      expect(JSON.stringify(other.received)).not.toContain(nudge.nudgeId);
    }
    expect(eventsNamed(sam, 'nudge:answered')).toEqual([]);
  });

  it('[FL10] accepting an invitation raises the member\'s hand; declining changes nothing', async () => {
    const { fran, sam, alex, samId, alexId } = await room();
    const toSam = sam.next('nudge:received');
    await fran.send('nudge:send', { participantId: samId, kind: 'invite', text: 'Sam, would you like to add anything?' });
    const invite = await toSam;
    expect(invite.text).toBe('Sam, would you like to add anything?');
    const mine = sam.next('hand:mine');
    await sam.send('nudge:answer', { nudgeId: invite.nudgeId, answer: 'accept' });
    expect(await mine).toEqual<MyHand>({ raised: true, place: 1 });
    await settle();
    expect(lastOf<HandQueue>(fran, 'floor:queue')?.hands.map((h) => h.participantId)).toEqual([samId]);
    const toAlex = alex.next('nudge:received');
    await fran.send('nudge:send', { participantId: alexId, kind: 'invite' });
    const declined = fran.next('nudge:answered');
    await alex.send('nudge:answer', { nudgeId: (await toAlex).nudgeId, answer: 'decline' });
    expect(await declined).toMatchObject({ participantId: alexId, answer: 'decline' });
    expect(eventsNamed(alex, 'hand:mine').filter((h) => (h as MyHand).raised)).toEqual([]);
  });

  it('[FL11] the group\'s wording: defaults, edited by a facilitator, used for the next nudge', async () => {
    const { fran, kim, sam, samId } = await room();
    expect(await kim.send('nudge:wording', {})).toMatchObject({ ok: true, wording: { invite: "We'd love to hear from you if you'd like to share. No pressure — you can pass." } });
    const wording = { makeSpace: 'Thank you — let\'s hear from a few others now.', invite: 'Would you like a turn? You can pass.' };
    expect(await fran.send('nudge:set-wording', wording)).toMatchObject({ ok: true, wording });
    expect(await kim.send('nudge:wording', {})).toMatchObject({ ok: true, wording });
    const received = sam.next('nudge:received');
    await kim.send('nudge:send', { participantId: samId, kind: 'invite' });
    expect((await received).text).toBe('Would you like a turn? You can pass.');
  });

  it('[FL9] nobody is nudged who is not in the room, nor oneself', async () => {
    const { fran, franId } = await room();
    expect(await fran.send('nudge:send', { participantId: 'nobody-here', kind: 'invite' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await fran.send('nudge:send', { participantId: franId, kind: 'invite' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });
});

describe('malformed payloads', () => {
  it.each([
    ['hand:raise', { participantId: 'x' }],
    ['hands:order', { order: 'loudest' }],
    ['hands:lower', { participantId: 5 }],
    ['floor:give', {}],
    ['floor:control', { on: 'yes' }],
    ['round:start', { kind: 'check_in', order: 'join' }],
    ['round:start', { kind: 'gossip', order: 'join', floorControl: false }],
    ['round:start', { kind: 'check_in', order: 'join', floorControl: false, turnSeconds: 5 }],
    ['round:start', { kind: 'check_in', order: 'join', floorControl: false, prompt: '   ' }],
    ['round:start', { kind: 'check_in', order: 'join', floorControl: false, extra: 1 }],
    ['round:reorder', { participantIds: [] }],
    ['nudge:send', { participantId: 'x', kind: 'shame' }],
    ['nudge:send', { participantId: 'x', kind: 'invite', text: 'x'.repeat(301) }],
    ['nudge:answer', { nudgeId: 'x', answer: 'maybe' }],
    ['nudge:set-wording', { makeSpace: '', invite: 'x' }],
  ] as [ClientCommandName, unknown][])('[PV1] %s with %j is answered invalid_payload', async (command, payload) => {
    const { fran } = await room();
    expect(await fran.sendRaw(command, payload)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });
});



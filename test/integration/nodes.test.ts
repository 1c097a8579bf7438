import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRoutes } from '@hearth/shared';
import { createInvite, facilitatorCredential, http, memberCredential, redeem, startLiveSession, type LiveSession } from '../support/api.js';
import { newPostgresDatabase } from '../support/databases.js';
import { startNodes, type HearthNodes } from '../support/nodes.js';
import { connectParticipant, join, settle, type TestClient } from '../support/sockets.js';

/**
 * [ND1] [ND2] [ND4] Two real Hearth processes sharing one Postgres and one Redis, with one room whose
 * people are split across them: what the room hears crosses nodes, what only staff may hear reaches staff
 * on any node and no member on any node, and a budget is one budget whichever node counts it.
 */
let cluster: HearthNodes;
let live: LiveSession;
const clients: TestClient[] = [];

beforeAll(async () => {
  // A tight sign-in budget, so the shared HTTP limit shows within a few attempts.
  cluster = await startNodes(2, await newPostgresDatabase(), { AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  live = await startLiveSession(cluster.nodes[0]!);
}, 60_000);

afterAll(async () => {
  clients.splice(0).forEach((client) => client.close());
  await cluster?.stop();
});

async function on(node: number, token: string): Promise<TestClient> {
  const client = await connectParticipant(cluster.nodes[node]!.url, token);
  clients.push(client);
  return client;
}

/** A fresh session with its facilitator Fran joined on A and co-facilitator Kim joined on B. */
async function staffOnBothNodes() {
  const [a, b] = cluster.nodes as [NonNullable<(typeof cluster.nodes)[0]>, NonNullable<(typeof cluster.nodes)[0]>];
  const room = await startLiveSession(a, live.cookie);
  const fran = await on(0, (await facilitatorCredential(a, room)).token);
  await join(fran);
  const kim = await on(1, (await redeem(b, await createInvite(b, room, { role: 'co_facilitator' }), 'Kim')).body.token);
  await join(kim);
  return { a, b, room, fran, kim };
}

function eventsOf(client: TestClient, event: string): unknown[] {
  return client.received.filter((r) => r.event === event).map((r) => r.payload);
}

describe('one room on two nodes', () => {
  it('[ND4] a room broadcast reaches members on the other node; staff-only facts reach staff on any node and no member', async () => {
    const [a, b] = cluster.nodes as [NonNullable<(typeof cluster.nodes)[0]>, NonNullable<(typeof cluster.nodes)[0]>];
    const fran = await on(0, (await facilitatorCredential(a, live)).token);
    const alex = await on(0, (await memberCredential(a, live, 'Alex')).token);
    const sam = await on(1, (await memberCredential(b, live, 'Sam')).token);
    const jo = await on(1, (await memberCredential(b, live, 'Jo')).token);
    await join(fran);
    await join(sam);
    await join(jo);
    await settle(300);
    // Alex joins on A: Sam and Jo, on B, hear it through the shared adapter.
    const samHears = sam.next('participant:joined', 3000);
    const alexId = (await join(alex)).self.id;
    expect(await samHears).toMatchObject({ id: alexId, displayName: 'Alex' });
    await settle(300);
    expect(eventsOf(jo, 'participant:joined')).toContainEqual(expect.objectContaining({ id: alexId }));

    // Sam (on B) asks for support: Fran (on A) is alerted; no member on either node hears of it.
    const franAlerted = fran.next('distress:alert', 3000);
    const raised = await sam.send('distress:raise', { level: 'not_safe', note: 'please check on me' });
    expect(raised).toMatchObject({ ok: true });
    expect(await franAlerted).toMatchObject({ level: 'not_safe', note: 'please check on me', displayName: 'Sam' });
    await settle(500);
    for (const member of [alex, sam, jo]) expect(eventsOf(member, 'distress:alert')).toEqual([]);

    // Fran (on A) takes it: the staff hear who has it, the members still hear nothing of it.
    const acknowledged = await fran.send('distress:acknowledge', { alertId: raised.ok ? raised.alertId : '' });
    expect(acknowledged).toMatchObject({ ok: true });
    await settle(500);
    for (const member of [alex, jo]) expect(eventsOf(member, 'distress:acknowledged')).toEqual([]);
  });

  it('[ND2] a socket command budget is one budget across nodes', async () => {
    const a = cluster.nodes[0]!;
    const credential = await memberCredential(a, live, 'Robin');
    // rules:revisit allows 3 a minute per person ([RL1]); two spent on A, then two on B.
    const onA = await on(0, credential.token);
    await join(onA);
    const codes: string[] = [];
    const code = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? 'ok' : (ack.error?.code ?? '?'));
    for (let i = 0; i < 2; i++) codes.push(code(await onA.send('rules:revisit', { ruleId: 'no-such-rule' })));
    onA.close();
    const onB = await on(1, credential.token);
    await join(onB);
    for (let i = 0; i < 2; i++) codes.push(code(await onB.send('rules:revisit', { ruleId: 'no-such-rule' })));
    expect(codes.slice(0, 3)).not.toContain('rate_limited');
    expect(codes[3]).toBe('rate_limited');
  });

  it('[ND2] the sign-in budget is one budget across nodes', async () => {
    const statuses: number[] = [];
    for (const node of [0, 1, 0, 1]) {
      const answer = await http<{ error?: { code: string } }>(cluster.nodes[node]!, 'POST', ApiRoutes.login, {
        body: { email: 'fran@example.org', password: 'not the password at all' },
      });
      statuses.push(answer.status);
    }
    // Three wrong passwords are refused as such; the fourth, on the other node than the third, is over the budget.
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('[ND7] one presence across nodes', () => {
  it('the list at join holds people on both nodes; moderation from A reaches a member on B; facilitator-only facts reach no member', async () => {
    const [a, b] = cluster.nodes as [NonNullable<(typeof cluster.nodes)[0]>, NonNullable<(typeof cluster.nodes)[0]>];
    const room = await startLiveSession(a, live.cookie);
    const fran = await on(0, (await facilitatorCredential(a, room)).token);
    const franId = (await join(fran)).self.id;
    const alex = await on(0, (await memberCredential(a, room, 'Alex')).token);
    const alexId = (await join(alex)).self.id;
    await settle(200);
    // Sam joins on B and is told who is already there, on A.
    const sam = await on(1, (await memberCredential(b, room, 'Sam')).token);
    const samJoin = await join(sam);
    expect(samJoin.participants.map((p) => [p.id, p.role])).toEqual(expect.arrayContaining([[franId, 'facilitator'], [alexId, 'member']]));
    const jo = await on(1, (await memberCredential(b, room, 'Jo')).token);
    const joId = (await join(jo)).self.id;
    await settle(300);

    // Fran (A) mutes Sam (B): the mute is Sam's, the room sees it, no not_in_room.
    const samMuted = sam.next('moderation:muted', 3000);
    const alexSees = alex.next('participant:updated', 3000);
    const muted = await fran.send('moderation:mute', { participantId: samJoin.self.id });
    expect(muted).toMatchObject({ ok: true, participant: { id: samJoin.self.id, audio: false, mutedBy: { id: franId } } });
    expect(await samMuted).toMatchObject({ by: { id: franId } });
    expect(await alexSees).toMatchObject({ id: samJoin.self.id, audio: false });

    // Fran asks Sam to unmute; Sam's answer goes to the facilitators only, on any node.
    expect(await fran.send('moderation:ask-unmute', { participantId: samJoin.self.id })).toMatchObject({ ok: true });
    const franHears = fran.next('moderation:unmute-answered', 3000);
    expect(await sam.send('moderation:answer-unmute', { accepted: false })).toMatchObject({ ok: true });
    expect(await franHears).toMatchObject({ participantId: samJoin.self.id, accepted: false });
    await settle(300);
    for (const member of [alex, sam, jo]) expect(eventsOf(member, 'moderation:unmute-answered')).toEqual([]);

    // Fran (A) removes Jo (B): Jo is told and closed; everyone left sees Jo go; Jo is no longer in the room for B.
    const joClosed = jo.next('room:closed', 3000);
    const samSeesLeft = sam.next('participant:left', 3000);
    expect(await fran.send('moderation:remove', { participantId: joId })).toMatchObject({ ok: true });
    expect(await joClosed).toMatchObject({ reason: 'removed' });
    expect(await samSeesLeft).toMatchObject({ participantId: joId, reason: 'removed' });
    await settle(300);
    expect(await fran.send('moderation:mute', { participantId: joId })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // Alex (A) leaves; a newcomer on B no longer sees Alex.
    expect(await alex.send('room:leave', {})).toMatchObject({ ok: true });
    await settle(300);
    const robin = await on(1, (await memberCredential(b, room, 'Robin')).token);
    const listed = (await join(robin)).participants.map((p) => p.id);
    expect(listed).toEqual(expect.arrayContaining([franId, samJoin.self.id]));
    expect(listed).not.toContain(alexId);
    expect(listed).not.toContain(joId);
  });
});

describe('[ND8] one floor across nodes', () => {
  it('hands raised on either node reach facilitators on both; concurrent changes from two nodes have one outcome', async () => {
    const { a, b, room, fran, kim } = await staffOnBothNodes();
    const sam = await on(0, (await memberCredential(a, room, 'Sam')).token);
    const samId = (await join(sam)).self.id;
    const jo = await on(1, (await memberCredential(b, room, 'Jo')).token);
    const joId = (await join(jo)).self.id;
    await settle(300);

    // Sam (A) and Jo (B) raise their hands: each facilitator, on either node, sees both, in the order raised.
    expect(await sam.send('hand:raise', {})).toMatchObject({ ok: true, hand: { raised: true, place: 1 } });
    expect(await jo.send('hand:raise', {})).toMatchObject({ ok: true, hand: { raised: true, place: 2 } });
    await settle(300);
    const lastQueue = (client: TestClient) => eventsOf(client, 'floor:queue').at(-1) as { hands: { participantId: string }[] } | undefined;
    for (const staff of [fran, kim]) expect(lastQueue(staff)?.hands.map((h) => h.participantId)).toEqual([samId, joId]);
    // [FL2] still: no member is sent the queue, on either node.
    for (const member of [sam, jo]) expect(eventsOf(member, 'floor:queue')).toEqual([]);

    // Both facilitators lower Sam's hand at the same instant: one lowers it, the other finds it already down.
    const lowered = await Promise.all([fran.send('hands:lower', { participantId: samId }), kim.send('hands:lower', { participantId: samId })]);
    expect(lowered.filter((ack) => ack.ok)).toHaveLength(1);
    expect(lowered.filter((ack) => !ack.ok)).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'not_found' }) })]);

    // Both give the floor at the same instant, to different people: the changes run one after the other, and
    // both nodes, and everyone's last floor:state, name the same holder.
    const given = await Promise.all([fran.send('floor:give', { participantId: samId }), kim.send('floor:give', { participantId: joId })]);
    expect(given.every((ack) => ack.ok)).toBe(true);
    await settle(400);
    const holderOn = async (client: TestClient) => {
      const ack = await client.send('floor:control', { on: false });
      return ack.ok ? ack.floor.holderId : 'refused';
    };
    const holder = await holderOn(fran);
    expect([samId, joId]).toContain(holder);
    expect(await holderOn(kim)).toBe(holder);
    for (const client of [fran, kim, sam, jo]) {
      expect((eventsOf(client, 'floor:state').at(-1) as { holderId: string | null }).holderId).toBe(holder);
    }
  });
});

describe('[ND10] one agenda phase across nodes', () => {
  it('two facilitators on two nodes pressing Next at once move two steps, and both nodes say where the room is; the end closes every node\'s connections', async () => {
    const { a, b, room, fran, kim } = await staffOnBothNodes();
    const sam = await on(1, (await memberCredential(b, room, 'Sam')).token);
    await join(sam);
    const moved = await Promise.all([fran.send('agenda:move', { step: 'next' }), kim.send('agenda:move', { step: 'next' })]);
    expect(moved.every((ack) => ack.ok)).toBe(true);
    const onA = await fran.send('agenda:get', {});
    const onB = await sam.send('agenda:get', {});
    if (!onA.ok || !onB.ok) throw new Error('agenda:get refused');
    // From "not started", two steps: the second phase.
    expect(onA.agenda.currentPhaseId).toBe(onA.agenda.phases[1]?.id);
    expect(onB.agenda).toEqual(onA.agenda);

    // [ND7] The session ends through A: every connection on B, in the room (Sam) or not yet (Lee), is told and closed.
    const lee = await on(1, (await memberCredential(b, room, 'Lee')).token);
    const told = [sam, lee].map((client) => client.next('room:closed', 3000));
    const closed = [sam, lee].map((client) => new Promise<void>((resolve) => client.socket.once('disconnect', () => resolve())));
    expect((await http(a, 'POST', ApiRoutes.endSession(room.session.id), { cookie: room.cookie })).status).toBe(200);
    for (const fact of await Promise.all(told)) expect(fact).toMatchObject({ reason: 'session_ended' });
    await Promise.all(closed);
  });
});

describe('[ND11] one set of rule proposals across nodes', () => {
  it('responses landing at once on two nodes are all counted; one decision wins', async () => {
    const { a, b, room, fran, kim } = await staffOnBothNodes();
    const sam = await on(1, (await memberCredential(b, room, 'Sam')).token);
    await join(sam);
    const alex = await on(0, (await memberCredential(a, room, 'Alex')).token);
    await join(alex);
    const proposed = await sam.send('rules:propose', { text: 'Cameras are optional' });
    if (!proposed.ok) throw new Error('propose refused');
    const proposalId = proposed.proposal.id;
    // Alex (A) and Sam (B) respond at the same instant: both are counted, whichever node each is on.
    const answers = await Promise.all([alex.send('rules:respond', { proposalId, response: 'agree' }), sam.send('rules:respond', { proposalId, response: 'concern' })]);
    expect(answers.every((ack) => ack.ok)).toBe(true);
    const seen = await fran.send('rules:get', {});
    expect(seen).toMatchObject({ ok: true, proposals: [{ id: proposalId, agree: 1, concern: 1, status: 'open' }] });
    // Fran (A) and Kim (B) set it aside at the same instant: one decision lands.
    const decisions = await Promise.all([fran.send('rules:decide', { proposalId, decision: 'set_aside' }), kim.send('rules:decide', { proposalId, decision: 'set_aside' })]);
    expect(decisions.filter((ack) => ack.ok)).toHaveLength(1);
    expect(decisions.filter((ack) => !ack.ok)).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'conflict' }) })]);
    expect(await kim.send('rules:get', {})).toMatchObject({ ok: true, proposals: [{ id: proposalId, status: 'set_aside' }] });
  });
});

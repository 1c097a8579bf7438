import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ClientCommandName, Participant } from '@hearth/shared';
import { commandPolicy } from '../../server/src/realtime/command-policy.js';
import { createInvite, facilitatorCredential, memberCredential, redeem, startLiveSession, type LiveSession } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { openRecordingSignal } from '../support/recording-signal.js';
import { connectParticipant, eventsNamed, join, settle, type TestClient } from '../support/sockets.js';

const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));
const sockets: WebSocket[] = [];
afterEach(() => sockets.splice(0).forEach((ws) => ws.close()));

const SUPERVISOR = 'Dr Vera Okafor';

async function supervisorToken(on: TestHearth = hearth, session: LiveSession = live, name = SUPERVISOR): Promise<string> {
  const answer = await redeem(on, await createInvite(on, session, { role: 'supervisor' }), name);
  if (answer.status !== 201) throw new Error(`redeem failed: ${answer.status}`);
  return answer.body.token;
}

/** Fran (facilitator), Kim (co-facilitator), Sam (member), joined; then the supervisor joins. */
async function room() {
  const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
  const kim = await fixture.connect((await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Kim')).body.token);
  const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
  const samJoin = await join(sam);
  const ids = { fran: (await join(fran)).self.id, kim: (await join(kim)).self.id, sam: samJoin.self.id };
  const vera = await fixture.connect(await supervisorToken());
  const veraJoin = await join(vera); // asks for microphone and camera on, as a careless client would
  await settle();
  return { fran, kim, sam, vera, veraJoin, samTicket: samJoin.media.signallingTicket, ids: { ...ids, vera: veraJoin.self.id } };
}

/** [SV1] Nothing a member's socket received may name the supervisor or say there is one. */
function expectNothingRevealed(member: TestClient, supervisorId: string) {
  for (const { event, payload } of member.received) {
    const text = JSON.stringify(payload);
    expect(text, event).not.toContain(SUPERVISOR);
    expect(text, event).not.toContain('supervisor');
    // The bare id travels only as a media peer, never in a presence fact.
    if (event !== 'media:hidden-peers') expect(text, event).not.toContain(supervisorId);
  }
}

describe('[SV1] the supervisor is hidden from members', () => {
  it('joins through a supervisor invite, with microphone and camera forced off', async () => {
    const { veraJoin } = await room();
    expect(veraJoin.self).toMatchObject({ displayName: SUPERVISOR, role: 'supervisor', audio: false, video: false });
    expect(veraJoin.participants.map((p) => p.displayName).sort()).toEqual(['Fran', 'Kim', 'Sam']);
    expect(veraJoin.hiddenMediaPeers).toEqual([]);
  });

  it('members already in the room, and members joining later, never learn of them', async () => {
    const { sam, ids } = await room();
    const alex = await fixture.connect((await memberCredential(hearth, live, 'Alex')).token);
    const alexJoin = await join(alex);
    expect(alexJoin.participants.map((p) => p.displayName).sort()).toEqual(['Fran', 'Kim', 'Sam']);
    expect(alexJoin.hiddenMediaPeers).toEqual([ids.vera]);
    await settle();
    expectNothingRevealed(sam, ids.vera);
    expectNothingRevealed(alex, ids.vera);
    // Sam joined first: told of everyone after them except the supervisor.
    expect((eventsNamed(sam, 'participant:joined') as Participant[]).map((p) => p.displayName)).toEqual(['Fran', 'Kim', 'Alex']);
  });

  it('facilitators and co-facilitators do see them, labelled as the supervisor', async () => {
    const { fran, kim, ids } = await room();
    const supervisorFact = expect.objectContaining({ id: ids.vera, displayName: SUPERVISOR, role: 'supervisor' });
    expect(eventsNamed(fran, 'participant:joined')).toContainEqual(supervisorFact);
    expect(eventsNamed(kim, 'participant:joined')).toContainEqual(supervisorFact);
    const again = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const rejoined = await join(again);
    expect(rejoined.participants).toContainEqual(supervisorFact);
    expect(rejoined.hiddenMediaPeers).toEqual([]);
  });

  it('[SV5] members get only the bare media-peer id, and lose it when the supervisor leaves', async () => {
    const { fran, sam, vera, ids } = await room();
    expect(eventsNamed(sam, 'media:hidden-peers')).toEqual([{ participantIds: [ids.vera] }]);
    expect(eventsNamed(fran, 'media:hidden-peers')).toEqual([]);
    const franSees = fran.next('participant:left');
    expect(await vera.send('room:leave', {})).toEqual({ ok: true });
    expect(await franSees).toEqual({ participantId: ids.vera, reason: 'left' });
    await settle();
    expect(eventsNamed(sam, 'media:hidden-peers')).toEqual([{ participantIds: [ids.vera] }, { participantIds: [] }]);
    expect(eventsNamed(sam, 'participant:left')).toEqual([]);
    expectNothingRevealed(sam, ids.vera);
  });

  it('a disconnecting or removed supervisor is not announced to members either', async () => {
    const { fran, sam, vera, ids } = await room();
    expect(await fran.send('moderation:remove', { participantId: ids.vera })).toEqual({ ok: true });
    await settle();
    expect(eventsNamed(fran, 'participant:left')).toEqual([{ participantId: ids.vera, reason: 'removed' }]);
    expect(eventsNamed(sam, 'participant:left')).toEqual([]);
    expectNothingRevealed(sam, ids.vera);
    vera.close();
  });

  it('[SV5][RM3] the supervisor counts toward the mesh capacity', async () => {
    const { veraJoin } = await room(); // four people so far
    expect(veraJoin.media.capacity).toBe(8);
    for (const name of ['Ana', 'Bo', 'Cy', 'Di']) await join(await fixture.connect((await memberCredential(hearth, live, name)).token));
    const ninth = await fixture.connect((await memberCredential(hearth, live, 'Eve')).token);
    expect(await ninth.send('room:join', { audio: true, video: true })).toMatchObject({ ok: false, error: { code: 'room_full' } });
  });

  it('[SV5] the signalling relay carries media between a member and the supervisor', async () => {
    const { samTicket, veraJoin, ids } = await room();
    const [samSig, veraSig] = await Promise.all([signalling(samTicket), signalling(veraJoin.media.signallingTicket)]);
    samSig.send({ type: 'signal', to: ids.vera, description: { type: 'offer', sdp: 'v=0' } });
    expect(await veraSig.waitFor((m) => m.type === 'signal')).toMatchObject({ type: 'signal', from: ids.sam, description: { type: 'offer' } });
    veraSig.send({ type: 'signal', to: ids.sam, description: { type: 'answer', sdp: 'v=0' } });
    expect(await samSig.waitFor((m) => m.type === 'signal')).toMatchObject({ type: 'signal', from: ids.vera, description: { type: 'answer' } });
  });
});

describe('[SV2][SV3] what the supervisor may not do', () => {
  const refusedToObserver = (Object.keys(commandPolicy) as ClientCommandName[]).filter((name) => {
    const policy = commandPolicy[name];
    return policy.roles === 'facilitators' || (policy.roles === 'anyone' && !policy.observer);
  });

  it.each(refusedToObserver)('%s is refused with not_allowed', async (command) => {
    const { vera } = await room();
    expect(await vera.sendRaw(command, {})).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('never asks for support: distress:raise is refused and nothing is stored', async () => {
    const { vera } = await room();
    expect(await vera.send('distress:raise', { level: 'struggling' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await hearth.services.distress.listOpen(live.session.id)).toEqual([]);
  });

  it.each([
    ['microphone', { audio: true, video: false }],
    ['camera', { audio: false, video: true }],
  ])('[SV3] cannot turn their %s on; the room hears nothing of it', async (_device, state) => {
    const { sam, fran, vera, ids } = await room();
    expect(await vera.send('media:state', state)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await vera.send('media:state', { audio: false, video: false })).toMatchObject({ ok: true, self: { audio: false, video: false } });
    await settle();
    expect(eventsNamed(fran, 'participant:updated')).toEqual([expect.objectContaining({ id: ids.vera, audio: false, video: false })]);
    expect(eventsNamed(sam, 'participant:updated')).toEqual([]);
  });

  it('cannot be muted (there is nothing to mute) or have a case opened about them', async () => {
    const { fran, sam, ids } = await room();
    expect(await fran.send('moderation:mute', { participantId: ids.vera })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await fran.send('distress:open', { participantId: ids.vera, level: 'struggling' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await settle();
    expectNothingRevealed(sam, ids.vera);
  });

  it('a malformed backchannel message is refused with invalid_payload', async () => {
    const { vera } = await room();
    expect(await vera.sendRaw('backchannel:message', { body: '' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });
});

describe('[SV4] the supervisor follows support requests read-only', () => {
  it('receives the alert, who acknowledged it and its state changes, but not the private conversation', async () => {
    const { fran, sam, vera, ids } = await room();
    const veraAlerted = vera.next('distress:alert');
    const raised = await sam.send('distress:raise', { level: 'not_safe', note: 'Please call me' });
    if (!raised.ok) throw new Error('raise failed');
    expect(await veraAlerted).toMatchObject({ id: raised.alertId, participantId: ids.sam, displayName: 'Sam', note: 'Please call me' });
    expect(await vera.send('distress:acknowledge', { alertId: raised.alertId })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const veraAck = vera.next('distress:acknowledged');
    await fran.send('distress:acknowledge', { alertId: raised.alertId });
    expect(await veraAck).toMatchObject({ id: raised.alertId, acknowledgedBy: { id: ids.fran } });
    await fran.send('case:message', { alertId: raised.alertId, body: 'I am here, Sam' });
    await sam.send('case:message', { alertId: raised.alertId, body: 'Thank you' });
    const veraUpdated = vera.next('distress:updated');
    await fran.send('distress:update', { alertId: raised.alertId, action: 'resolve' });
    expect(await veraUpdated).toMatchObject({ id: raised.alertId, status: 'resolved' });
    expect(await vera.send('case:history', { alertId: raised.alertId })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    await settle();
    expect(eventsNamed(vera, 'case:message')).toEqual([]);
    // Sam was never told the supervisor saw anything.
    expectNothingRevealed(sam, ids.vera);
  });

  it('[DS3] open requests are delivered when the supervisor joins', async () => {
    const fran = await fixture.connect((await facilitatorCredential(hearth, live)).token);
    const sam = await fixture.connect((await memberCredential(hearth, live, 'Sam')).token);
    await join(fran);
    await join(sam);
    const raised = await sam.send('distress:raise', { level: 'struggling' });
    if (!raised.ok) throw new Error('raise failed');
    const vera = await fixture.connect(await supervisorToken());
    const alerted = vera.next('distress:alert');
    await join(vera);
    expect(await alerted).toMatchObject({ id: raised.alertId, status: 'raised' });
  });

  it('[DS6] gets re-alerts of unacknowledged requests, as the facilitators do', async () => {
    let now = Date.UTC(2026, 10, 23, 19);
    const clocked = await startHearth({ now: () => now });
    const clients: TestClient[] = [];
    try {
      const session = await startLiveSession(clocked);
      const fran = await connectParticipant(clocked.url, (await facilitatorCredential(clocked, session)).token);
      const sam = await connectParticipant(clocked.url, (await memberCredential(clocked, session, 'Sam')).token);
      const vera = await connectParticipant(clocked.url, await supervisorToken(clocked, session));
      clients.push(fran, sam, vera);
      await join(fran);
      await join(sam);
      await join(vera);
      const raised = await sam.send('distress:raise', { level: 'struggling' });
      if (!raised.ok) throw new Error('raise failed');
      await settle();
      now += 30_000;
      await clocked.services.reAlerts?.tick();
      await settle();
      const alerts = eventsNamed(vera, 'distress:alert') as { id: string; reAlerts: number }[];
      expect(alerts.map((a) => [a.id, a.reAlerts])).toEqual([
        [raised.alertId, 0],
        [raised.alertId, 1],
      ]);
      expect(eventsNamed(sam, 'distress:alert')).toEqual([]);
    } finally {
      clients.forEach((c) => c.close());
      await clocked.close();
    }
  });
});

describe("[SV4][PC2] the facilitators' backchannel includes the supervisor", () => {
  it('the supervisor reads and writes it; members receive none of it', async () => {
    const { fran, kim, sam, vera, ids } = await room();
    const franGets = fran.next('backchannel:message');
    const kimGets = kim.next('backchannel:message');
    const sent = await vera.send('backchannel:message', { body: 'Sam seems quiet tonight' });
    expect(sent).toMatchObject({ ok: true, message: { from: { id: ids.vera, displayName: SUPERVISOR }, body: 'Sam seems quiet tonight' } });
    expect(await franGets).toMatchObject({ body: 'Sam seems quiet tonight' });
    expect(await kimGets).toMatchObject({ body: 'Sam seems quiet tonight' });
    const veraGets = vera.next('backchannel:message');
    await fran.send('backchannel:message', { body: 'Noted, I will check in' });
    expect(await veraGets).toMatchObject({ body: 'Noted, I will check in', from: { id: ids.fran } });
    const history = await vera.send('backchannel:history', {});
    expect(history.ok && history.messages.map((m) => m.body)).toEqual(['Sam seems quiet tonight', 'Noted, I will check in']);
    expect(await sam.send('backchannel:history', {})).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    await settle();
    expect(eventsNamed(sam, 'backchannel:message')).toEqual([]);
    expectNothingRevealed(sam, ids.vera);
  });
});

/** A signalling socket bound to a participant, recording what it receives. */
const signalling = (ticket: string) => openRecordingSignal(hearth.url, ticket, sockets);

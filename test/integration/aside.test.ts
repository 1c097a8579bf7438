import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createInvite, facilitatorCredential, memberCredential, redeem, type LiveSession } from '../support/api.js';
import type { TestHearth } from '../support/hearth.js';
import { useLiveRoom } from '../support/live-room.js';
import { openRecordingSignal } from '../support/recording-signal.js';
import { eventsNamed, join, settle, type TestClient } from '../support/sockets.js';

/**
 * The pull-aside against a real server with raw socket clients, named after the rules in
 * server/src/modules/aside/aside.handlers.ts ([PA1]-[PA5]). Each test also checks who must NOT learn.
 */
const fixture = useLiveRoom();
let hearth: TestHearth;
let live: LiveSession;
beforeEach(() => ({ hearth, live } = fixture));

const offer = { type: 'offer', sdp: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n' } as const;
const sockets: WebSocket[] = [];
afterEach(() => sockets.splice(0).forEach((ws) => ws.close()));

interface Person {
  client: TestClient;
  id: string;
  ticket: string;
}

async function enter(token: string, name?: string): Promise<Person> {
  const client = await fixture.connect(token);
  const ack = await join(client, name);
  return { client, id: ack.self.id, ticket: ack.media.signallingTicket };
}

/** Fran (facilitator), Kim (co-facilitator), Sam (asked for support) and Alex (another member). */
async function room() {
  const fran = await enter((await facilitatorCredential(hearth, live)).token);
  const kim = await enter((await redeem(hearth, await createInvite(hearth, live, { role: 'co_facilitator' }), 'Kim')).body.token);
  const sam = await enter((await memberCredential(hearth, live, 'Sam')).token);
  const alex = await enter((await memberCredential(hearth, live, 'Alex')).token);
  const raised = await sam.client.send('distress:raise', { level: 'talk_privately' });
  if (!raised.ok) throw new Error('raise failed');
  await settle();
  return { fran, kim, sam, alex, alertId: raised.alertId };
}

const asideEvents = ['aside:started', 'aside:ended'];
const privateAside = (client: TestClient) => client.received.filter((r) => asideEvents.includes(r.event));

/** A signalling socket bound to a participant, recording what it receives. */
const signalling = (ticket: string) => openRecordingSignal(hearth.url, ticket, sockets);

describe('[PA1] starting a pull-aside', () => {
  it('[PA1][PA2] a facilitator starts it; the two learn of it, everyone else only that they are away', async () => {
    const { fran, kim, sam, alex, alertId } = await room();
    const samGets = sam.client.next('aside:started');
    const alexAway = alex.client.next('aside:away');
    const started = await fran.client.send('aside:start', { alertId });
    expect(started).toMatchObject({ ok: true, alertId, aside: { with: { id: sam.id, displayName: 'Sam', role: 'member' } } });
    const toSam = await samGets;
    expect(toSam).toMatchObject({ with: { id: fran.id, displayName: 'Fran', role: 'facilitator' } });
    // The member is not told which case (a facilitator may have opened it without telling them).
    expect(JSON.stringify(toSam)).not.toContain(alertId);
    expect(await alexAway).toEqual({ participantIds: [fran.id, sam.id].sort() });
    await settle();
    expect(eventsNamed(fran.client, 'aside:started')).toHaveLength(1);
    for (const other of [kim, alex]) {
      expect(privateAside(other.client)).toEqual([]);
      expect(eventsNamed(other.client, 'aside:away')).toEqual([{ participantIds: [fran.id, sam.id].sort() }]);
    }
    // Alex hears nothing about support at all.
    expect(alex.client.received.filter((r) => r.event.startsWith('distress:') || r.event.startsWith('case:'))).toEqual([]);
    // Talking face to face is a conversation on the request.
    expect((await hearth.services.distress.find(live.session.id, alertId))?.status).toBe('in_conversation');
  });

  it('[PA1] a member cannot start one, not even about their own request', async () => {
    const { sam, alex, alertId } = await room();
    for (const member of [sam, alex]) {
      expect(await member.client.send('aside:start', { alertId })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    }
    await settle();
    for (const member of [sam, alex]) expect(eventsNamed(member.client, 'aside:away')).toEqual([]);
    expect(hearth.services.asides.away(live.session.id)).toEqual([]);
  });

  it('[PA1] the member is taken from the case, never from the payload', async () => {
    const { fran, sam, alex, alertId } = await room();
    expect(await fran.client.sendRaw('aside:start', { alertId, participantId: alex.id })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await fran.client.sendRaw('aside:start', {})).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await fran.client.send('aside:start', { alertId: 'no-such-case' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await fran.client.send('aside:start', { alertId })).toMatchObject({ ok: true, aside: { with: { id: sam.id } } });
    await settle();
    expect(privateAside(alex.client)).toEqual([]);
  });

  it('[PA1] a resolved request, or a member who is not in the room, cannot be taken aside', async () => {
    const { fran, sam, alertId } = await room();
    sam.client.close();
    await settle();
    expect(await fran.client.send('aside:start', { alertId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await fran.client.send('distress:update', { alertId, action: 'resolve' });
    expect(await fran.client.send('aside:start', { alertId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('[PA3] nobody is in two asides at once', async () => {
    const { fran, kim, alertId } = await room();
    expect(await fran.client.send('aside:start', { alertId })).toMatchObject({ ok: true });
    expect(await kim.client.send('aside:start', { alertId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await fran.client.send('aside:start', { alertId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('[PA5] ending a pull-aside', () => {
  it('[PA5] either person ends it; the two hear it ended, everyone hears nobody is away', async () => {
    const { fran, kim, sam, alex, alertId } = await room();
    const started = await fran.client.send('aside:start', { alertId });
    if (!started.ok) throw new Error('start failed');
    await settle();
    const franEnded = fran.client.next('aside:ended');
    expect(await sam.client.send('aside:end', {})).toEqual({ ok: true });
    expect(await franEnded).toEqual({ asideId: started.aside.asideId, reason: 'ended' });
    await settle();
    expect(eventsNamed(sam.client, 'aside:ended')).toEqual([{ asideId: started.aside.asideId, reason: 'ended' }]);
    for (const other of [kim, alex]) {
      expect(privateAside(other.client)).toEqual([]);
      expect(eventsNamed(other.client, 'aside:away').at(-1)).toEqual({ participantIds: [] });
    }
    expect(await sam.client.send('aside:end', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('[PA5] another facilitator may bring them back; another member may not', async () => {
    const { fran, kim, sam, alex, alertId } = await room();
    await fran.client.send('aside:start', { alertId });
    expect(await alex.client.send('aside:end', { participantId: sam.id })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await alex.client.send('aside:end', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(hearth.services.asides.away(live.session.id)).toEqual([fran.id, sam.id].sort());
    const samEnded = sam.client.next('aside:ended');
    expect(await kim.client.send('aside:end', { participantId: sam.id })).toEqual({ ok: true });
    expect(await samEnded).toMatchObject({ reason: 'ended' });
    expect(hearth.services.asides.away(live.session.id)).toEqual([]);
  });

  it('[PA5] a disconnect ends it, and the other person is told', async () => {
    const { fran, sam, alex, alertId } = await room();
    await fran.client.send('aside:start', { alertId });
    await settle();
    const franEnded = fran.client.next('aside:ended');
    const alexAway = alex.client.next('aside:away');
    sam.client.close();
    expect(await franEnded).toMatchObject({ reason: 'left' });
    expect(await alexAway).toEqual({ participantIds: [] });
    expect(hearth.services.asides.away(live.session.id)).toEqual([]);
  });

  it('[PA5] removing one of them ends it for the other', async () => {
    const { fran, kim, sam, alertId } = await room();
    await kim.client.send('aside:start', { alertId });
    await settle();
    const kimEnded = kim.client.next('aside:ended');
    await fran.client.send('moderation:remove', { participantId: sam.id });
    expect(await kimEnded).toMatchObject({ reason: 'left' });
    expect(hearth.services.asides.away(live.session.id)).toEqual([]);
  });

  it('[PA5] whoever joins later hears who is away, and nothing else about it', async () => {
    const { fran, sam, alertId } = await room();
    await fran.client.send('aside:start', { alertId });
    const late = await fixture.connect((await memberCredential(hearth, live, 'Lee')).token);
    const away = late.next('aside:away');
    await join(late);
    expect(await away).toEqual({ participantIds: [fran.id, sam.id].sort() });
    await settle();
    expect(privateAside(late)).toEqual([]);
  });
});

describe('[PA4] the aside signalling channel', () => {
  it('[PA4] is relayed between the two people of an active aside only', async () => {
    const { fran, sam, alex, alertId } = await room();
    const [franSig, samSig, alexSig] = await Promise.all([signalling(fran.ticket), signalling(sam.ticket), signalling(alex.ticket)]);

    // Before the aside starts, nobody may use the channel.
    franSig.send({ type: 'signal', to: sam.id, channel: 'aside', description: offer });
    expect(await franSig.waitFor((m) => m.type === 'error')).toMatchObject({ error: { code: 'not_allowed' } });

    await fran.client.send('aside:start', { alertId });
    franSig.send({ type: 'signal', to: sam.id, channel: 'aside', description: offer });
    expect(await samSig.waitFor((m) => m.type === 'signal')).toEqual({ type: 'signal', from: fran.id, channel: 'aside', description: offer });
    samSig.send({ type: 'signal', to: fran.id, channel: 'aside', description: offer });
    await franSig.waitFor((m) => m.type === 'signal' && m.from === sam.id);

    // Someone outside the pair can neither send on it nor be sent to on it.
    alexSig.send({ type: 'signal', to: sam.id, channel: 'aside', description: offer });
    expect(await alexSig.waitFor((m) => m.type === 'error')).toMatchObject({ error: { code: 'not_allowed' } });
    samSig.send({ type: 'signal', to: alex.id, channel: 'aside', description: offer });
    await samSig.waitFor((m) => m.type === 'error');
    // The group's channel is unaffected.
    alexSig.send({ type: 'signal', to: sam.id, description: offer });
    await samSig.waitFor((m) => m.type === 'signal' && m.from === alex.id);
    await settle();
    expect(alexSig.received.filter((m) => m.type === 'signal')).toEqual([]);
    expect(samSig.received.filter((m) => m.type === 'signal' && m.channel === 'aside')).toHaveLength(1);

    // Once it ends, the channel closes again.
    await sam.client.send('aside:end', {});
    const errorsBefore = franSig.received.filter((m) => m.type === 'error').length;
    franSig.send({ type: 'signal', to: sam.id, channel: 'aside', description: offer });
    await franSig.waitFor((m) => m.type === 'error' && franSig.received.filter((x) => x.type === 'error').length > errorsBefore);
  });

  it('[PA4] a message on an unknown channel is refused', async () => {
    const { fran, sam } = await room();
    const franSig = await signalling(fran.ticket);
    franSig.send({ type: 'signal', to: sam.id, channel: 'secret', description: offer });
    expect(await franSig.waitFor((m) => m.type === 'error')).toMatchObject({ error: { code: 'invalid_payload' } });
  });
});

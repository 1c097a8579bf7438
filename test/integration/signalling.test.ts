import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ApiRoutes, SignalCloseCode, type SignalIn } from '@hearth/shared';
import { facilitatorCredential, memberCredential, startLiveSession, type LiveSession } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { connectParticipant, join, settle, type TestClient } from '../support/sockets.js';

/**
 * The mesh signalling WebSocket against a real server, named after the rules in
 * server/src/modules/signalling/signalling-hub.ts ([SG1]-[SG3]). Each test also checks who must NOT
 * receive a message.
 */
const TICKET_TTL_MS = 60_000;
const offer = { type: 'offer', sdp: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n' } as const;
const candidate = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 };

interface SignalSocket {
  received: SignalIn[];
  closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
  waitFor(match: (m: SignalIn) => boolean, timeoutMs?: number): Promise<SignalIn>;
  close(): void;
}

interface Admitted {
  client: TestClient;
  id: string;
  ticket: string;
}

let hearth: TestHearth;
let live: LiveSession;
let clock: number;
const opened: { close(): void }[] = [];

function openSignalling(ticket: string): SignalSocket {
  const ws = new WebSocket(`${hearth.url.replace(/^http/, 'ws')}${ApiRoutes.signal}?ticket=${encodeURIComponent(ticket)}`);
  const received: SignalIn[] = [];
  ws.on('message', (data) => received.push(JSON.parse(data.toString()) as SignalIn));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on('error', () => undefined);
  const socket: SignalSocket = {
    received,
    closed,
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    async waitFor(match, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(received)}`);
        await settle(10);
      }
    },
    close: () => ws.close(),
  };
  opened.push(socket);
  return socket;
}

async function closeCode(socket: SignalSocket, timeoutMs = 3000): Promise<number> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('socket stayed open')), timeoutMs));
  return (await Promise.race([socket.closed, timeout])).code;
}

/** Opens a signalling socket and waits until the server has bound it ('ready'). */
async function bound(ticket: string): Promise<SignalSocket> {
  const socket = openSignalling(ticket);
  await socket.waitFor((m) => m.type === 'ready');
  return socket;
}

async function admit(name: string, session: LiveSession = live): Promise<Admitted> {
  const client = await connectParticipant(hearth.url, (await memberCredential(hearth, session, name)).token);
  opened.push(client);
  const ack = await join(client, name);
  return { client, id: ack.self.id, ticket: ack.media.signallingTicket };
}

const signalsIn = (socket: SignalSocket) => socket.received.filter((m) => m.type === 'signal');

beforeEach(async () => {
  clock = Date.now();
  hearth = await startHearth({ now: () => clock });
  live = await startLiveSession(hearth);
});

afterEach(async () => {
  for (const socket of opened.splice(0)) socket.close();
  await hearth.close();
});

describe('[SG3] tickets', () => {
  it.each([
    { case: 'malformed', ticket: 'not a ticket!' },
    { case: 'too short', ticket: 'abc' },
    { case: 'well-formed but never issued', ticket: 'A'.repeat(43) },
  ])('[SG3] a $case ticket closes with 4401', async ({ ticket }) => {
    expect(await closeCode(openSignalling(ticket))).toBe(SignalCloseCode.badTicket);
  });

  it("[SG3] 'ready' with the participant's own id is sent on bind", async () => {
    const a = await admit('Ana');
    const socket = await bound(a.ticket);
    expect(socket.received[0]).toEqual({ type: 'ready', participantId: a.id });
  });

  it('[SG3] a reused ticket closes with 4401 and the first socket stays bound', async () => {
    const a = await admit('Ana');
    const b = await admit('Ben');
    const first = await bound(a.ticket);
    const second = openSignalling(a.ticket);
    expect(await closeCode(second)).toBe(SignalCloseCode.badTicket);
    expect(second.received).toEqual([]);
    const toB = await bound(b.ticket);
    first.send({ type: 'signal', to: b.id, description: offer });
    expect(await toB.waitFor((m) => m.type === 'signal')).toEqual({ type: 'signal', from: a.id, description: offer });
  });

  it('[SG3] an expired ticket closes with 4401; one used just in time works', async () => {
    const a = await admit('Ana');
    const b = await admit('Ben');
    clock += TICKET_TTL_MS - 1;
    await bound(b.ticket);
    clock += 1;
    const late = openSignalling(a.ticket);
    expect(await closeCode(late)).toBe(SignalCloseCode.badTicket);
    expect(late.received).toEqual([]);
  });

  it('[SG1] the ticket of someone who has left the room closes with 4401', async () => {
    const a = await admit('Ana');
    expect((await a.client.send('room:leave', {})).ok).toBe(true);
    expect(await closeCode(openSignalling(a.ticket))).toBe(SignalCloseCode.badTicket);
  });
});

describe('[SG1] [SG2] relaying', () => {
  it('[SG1] [SG2] a message from A to B arrives at B with from = A; C receives nothing', async () => {
    const [a, b, c] = [await admit('Ana'), await admit('Ben'), await admit('Cal')];
    const [sa, sb, sc] = [await bound(a.ticket), await bound(b.ticket), await bound(c.ticket)];
    sa.send({ type: 'signal', to: b.id, description: offer });
    sa.send({ type: 'signal', to: b.id, candidate });
    sa.send({ type: 'signal', to: b.id, candidate: null });
    await sb.waitFor((m) => m.type === 'signal' && m.candidate === null);
    expect(signalsIn(sb)).toEqual([
      { type: 'signal', from: a.id, description: offer },
      { type: 'signal', from: a.id, candidate },
      { type: 'signal', from: a.id, candidate: null },
    ]);
    await settle();
    expect(sc.received).toEqual([{ type: 'ready', participantId: c.id }]);
    expect(sa.received).toEqual([{ type: 'ready', participantId: a.id }]);
  });

  it.each([
    { case: 'tries to set from', payload: (to: string, self: string) => ({ type: 'signal', to, from: self, description: offer }) },
    { case: 'tries to set from to someone else', payload: (to: string) => ({ type: 'signal', to, from: to, description: offer }) },
    { case: 'has an extra field', payload: (to: string) => ({ type: 'signal', to, description: offer, admin: true }) },
    { case: 'has no recipient', payload: () => ({ type: 'signal', description: offer }) },
    { case: 'has an unknown type', payload: (to: string) => ({ type: 'ready', to }) },
    { case: 'has a bad description type', payload: (to: string) => ({ type: 'signal', to, description: { type: 'hello', sdp: '' } }) },
    { case: 'is not JSON', payload: () => '{"type":"signal",' },
  ])('[SG2] a payload that $case gets invalid_payload, is not relayed, and the socket stays open', async ({ payload }) => {
    const [a, b] = [await admit('Ana'), await admit('Ben')];
    const [sa, sb] = [await bound(a.ticket), await bound(b.ticket)];
    sa.send(payload(b.id, a.id));
    const error = await sa.waitFor((m) => m.type === 'error');
    expect(error).toMatchObject({ type: 'error', error: { code: 'invalid_payload' } });
    sa.send({ type: 'signal', to: b.id, candidate });
    await sb.waitFor((m) => m.type === 'signal');
    expect(signalsIn(sb)).toEqual([{ type: 'signal', from: a.id, candidate }]);
  });

  it('[SG1] a message addressed to a participant of another session is not delivered; the sender gets not_in_room', async () => {
    const other = await startLiveSession(hearth, live.cookie);
    const [a, x] = [await admit('Ana'), await admit('Xan', other)];
    const [sa, sx] = [await bound(a.ticket), await bound(x.ticket)];
    sa.send({ type: 'signal', to: x.id, description: offer });
    expect(await sa.waitFor((m) => m.type === 'error')).toMatchObject({ error: { code: 'not_in_room' } });
    await settle();
    expect(sx.received).toEqual([{ type: 'ready', participantId: x.id }]);
  });

  it('[SG1] messages to yourself or to someone not in the room get not_in_room', async () => {
    const a = await admit('Ana');
    const sa = await bound(a.ticket);
    sa.send({ type: 'signal', to: a.id, description: offer });
    sa.send({ type: 'signal', to: 'nobody-here', description: offer });
    await sa.waitFor((m) => m.type === 'error' && sa.received.filter((r) => r.type === 'error').length === 2);
    expect(sa.received.slice(1).map((m) => (m.type === 'error' ? m.error.code : m.type))).toEqual(['not_in_room', 'not_in_room']);
  });

  it('messages to an admitted participant whose socket is not open yet are delivered, in order, when it connects', async () => {
    const [a, b, c] = [await admit('Ana'), await admit('Ben'), await admit('Cal')];
    const [sa, sc] = [await bound(a.ticket), await bound(c.ticket)];
    sa.send({ type: 'signal', to: b.id, description: offer });
    sa.send({ type: 'signal', to: b.id, candidate });
    await settle();
    expect(sa.received).toEqual([{ type: 'ready', participantId: a.id }]);
    const sb = openSignalling(b.ticket);
    await sb.waitFor((m) => m.type === 'signal' && m.candidate !== undefined);
    expect(sb.received).toEqual([
      { type: 'ready', participantId: b.id },
      { type: 'signal', from: a.id, description: offer },
      { type: 'signal', from: a.id, candidate },
    ]);
    expect(sc.received).toEqual([{ type: 'ready', participantId: c.id }]);
  });

  it('held messages from a peer who left before the recipient connected are dropped', async () => {
    const [a, b] = [await admit('Ana'), await admit('Ben')];
    const sa = await bound(a.ticket);
    sa.send({ type: 'signal', to: b.id, description: offer });
    await settle();
    expect((await a.client.send('room:leave', {})).ok).toBe(true);
    const sb = await bound(b.ticket);
    await settle();
    expect(sb.received).toEqual([{ type: 'ready', participantId: b.id }]);
  });
});

describe('closing', () => {
  it('after a facilitator removes a member, their signalling socket closes with 4403 and others are unaffected', async () => {
    const facilitator = await connectParticipant(hearth.url, (await facilitatorCredential(hearth, live)).token);
    opened.push(facilitator);
    const fac = await join(facilitator);
    const [a, b] = [await admit('Ana'), await admit('Ben')];
    const [sf, sa, sb] = [await bound(fac.media.signallingTicket), await bound(a.ticket), await bound(b.ticket)];
    expect(await facilitator.send('moderation:remove', { participantId: b.id })).toEqual({ ok: true });
    expect(await closeCode(sb)).toBe(SignalCloseCode.removed);
    sa.send({ type: 'signal', to: b.id, description: offer });
    expect(await sa.waitFor((m) => m.type === 'error')).toMatchObject({ error: { code: 'not_in_room' } });
    sa.send({ type: 'signal', to: fac.self.id, candidate });
    expect(await sf.waitFor((m) => m.type === 'signal')).toEqual({ type: 'signal', from: a.id, candidate });
  });

  it('joining again from another tab closes the old signalling socket with 4409 (replaced)', async () => {
    const credential = await memberCredential(hearth, live, 'Ana');
    const firstTab = await connectParticipant(hearth.url, credential.token);
    opened.push(firstTab);
    const old = await bound((await join(firstTab)).media.signallingTicket);
    const secondTab = await connectParticipant(hearth.url, credential.token);
    opened.push(secondTab);
    const again = await join(secondTab);
    expect(await closeCode(old)).toBe(SignalCloseCode.replaced);
    await bound(again.media.signallingTicket);
  });
});

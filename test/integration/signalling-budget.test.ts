import type { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignalCloseCode, SignalLimits, type SignalIn } from '@hearth/shared';
import { signalBudgets } from '../../server/src/modules/signalling/signal-budget.js';
import { memberCredential, startLiveSession, type LiveSession } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { openRecordingSignal } from '../support/recording-signal.js';
import { connectParticipant, join, settle, type TestClient } from '../support/sockets.js';

/**
 * The signalling socket's budgets against a real server with real ws clients ([SG4] size, [SG5] rate):
 * an abuser is closed with a typed code, and the peer it addressed receives nothing past the budget.
 */
let hearth: TestHearth;
let live: LiveSession;
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];

beforeEach(async () => {
  hearth = await startHearth();
  live = await startLiveSession(hearth);
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const client of clients.splice(0)) client.close();
  await hearth.close();
});

async function admitted(name: string) {
  const client = await connectParticipant(hearth.url, (await memberCredential(hearth, live, name)).token);
  clients.push(client);
  const ack = await join(client, name);
  return { id: ack.self.id, signal: await openRecordingSignal(hearth.url, ack.media.signallingTicket, sockets) };
}

async function closedWithin(closed: Promise<{ code: number; reason: string }>, timeoutMs = 5000) {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('socket stayed open')), timeoutMs));
  return Promise.race([closed, timeout]);
}

const signals = (received: SignalIn[]) => received.filter((m) => m.type === 'signal');
const offerOf = (sdpChars: number) => ({ type: 'offer', sdp: `v=0\r\n${'a'.repeat(sdpChars - 5)}` });
const candidate = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 };

describe('[SG4] size', () => {
  it('[SG4] a frame over the limit (a 190 KB SDP) closes the sender with 1009 and nothing reaches the peer', async () => {
    const [ana, ben] = [await admitted('Ana'), await admitted('Ben')];
    await ana.signal.sendRaw(JSON.stringify({ type: 'signal', to: ben.id, description: offerOf(190_000) }));
    expect((await closedWithin(ana.signal.closed)).code).toBe(SignalCloseCode.tooBig);
    await settle(200);
    expect(signals(ben.signal.received)).toEqual([]);
  });

  it.each([
    { field: 'SDP', message: (to: string) => ({ type: 'signal', to, description: offerOf(SignalLimits.sdpChars + 1) }) },
    { field: 'candidate', message: (to: string) => ({ type: 'signal', to, candidate: { ...candidate, candidate: 'c'.repeat(SignalLimits.candidateChars + 1) } }) },
  ])('[SG4] a $field over its schema limit in a frame within the limit gets invalid_payload and is not relayed', async ({ message }) => {
    const [ana, ben] = [await admitted('Ana'), await admitted('Ben')];
    ana.signal.send(message(ben.id));
    expect(await ana.signal.waitFor((m) => m.type === 'error')).toMatchObject({ error: { code: 'invalid_payload' } });
    // The socket stays open and still relays a message within the limits: the largest SDP allowed.
    const largest = offerOf(SignalLimits.sdpChars);
    ana.signal.send({ type: 'signal', to: ben.id, description: largest });
    await ben.signal.waitFor((m) => m.type === 'signal');
    expect(signals(ben.signal.received)).toEqual([{ type: 'signal', from: ana.id, description: largest }]);
  });
});

describe('[SG5] rate', () => {
  it('[SG5] a flood of small messages closes the sender with 4429; the peer receives at most the budget', async () => {
    const [ana, ben] = [await admitted('Ana'), await admitted('Ben')];
    const flood = JSON.stringify({ type: 'signal', to: ben.id, candidate });
    const sent = signalBudgets.sustained.points * 2;
    for (let i = 0; i < sent; i++) void ana.signal.sendRaw(flood);
    expect(await closedWithin(ana.signal.closed)).toEqual({ code: SignalCloseCode.overBudget, reason: 'too many signalling messages' });
    await settle(300);
    const relayed = signals(ben.signal.received).length;
    expect(relayed).toBeGreaterThan(0);
    expect(relayed).toBeLessThanOrEqual(signalBudgets.sustained.points);
  });

  it('[SG5] a flood of malformed frames spends the budget too', async () => {
    const [ana, ben] = [await admitted('Ana'), await admitted('Ben')];
    for (let i = 0; i < signalBudgets.sustained.points * 2; i++) void ana.signal.sendRaw('{"type":"signal",');
    expect((await closedWithin(ana.signal.closed)).code).toBe(SignalCloseCode.overBudget);
    const errors = ana.signal.received.filter((m) => m.type === 'error').length;
    expect(errors).toBeLessThanOrEqual(signalBudgets.sustained.points);
    expect(signals(ben.signal.received)).toEqual([]);
  });

  it('[SG5] a flood of the largest SDPs allowed is closed by the byte budget; the peer receives at most that many bytes', async () => {
    const [ana, ben] = [await admitted('Ana'), await admitted('Ben')];
    const big = JSON.stringify({ type: 'signal', to: ben.id, description: offerOf(SignalLimits.sdpChars) });
    const withinBudget = Math.floor(signalBudgets.bytes.points / Buffer.byteLength(big));
    for (let i = 0; i < withinBudget * 2; i++) void ana.signal.sendRaw(big);
    expect((await closedWithin(ana.signal.closed)).code).toBe(SignalCloseCode.overBudget);
    await settle(300);
    const relayed = signals(ben.signal.received).length;
    expect(relayed).toBeGreaterThan(0);
    expect(relayed).toBeLessThanOrEqual(withinBudget);
  });

  it("[SG5] an abuser's flood does not spend the peer's budget: the peer can still signal others", async () => {
    const [ana, ben, cal] = [await admitted('Ana'), await admitted('Ben'), await admitted('Cal')];
    const flood = JSON.stringify({ type: 'signal', to: ben.id, candidate });
    for (let i = 0; i < signalBudgets.sustained.points * 2; i++) void ana.signal.sendRaw(flood);
    await closedWithin(ana.signal.closed);
    // Ben's budget is his own: he can still answer Cal.
    ben.signal.send({ type: 'signal', to: cal.id, candidate });
    expect(await cal.signal.waitFor((m) => m.type === 'signal')).toEqual({ type: 'signal', from: ben.id, candidate });
  });
});

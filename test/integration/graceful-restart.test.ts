import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiRoutes, PROTOCOL_VERSION } from '@hearth/shared';
import { facilitatorCredential, memberCredential, startLiveSession } from '../support/api.js';
import { startHearth } from '../support/hearth.js';
import { freePort, startHearthProcess, type HearthProcess } from '../support/server-process.js';

/**
 * [RS1] A graceful stop (SIGTERM) is a short pause: every connected client is told the server is
 * restarting, its connection closes at the transport (not a server disconnect, which socket.io clients
 * treat as final), the process exits promptly, and the same client reconnects by itself to the next
 * process on the same port and data, where its credential joins the room again.
 */
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A client as the browser makes it: socket.io's own reconnection on, recording facts and disconnect reasons. */
function reconnectingClient(url: string, token: string) {
  const socket = io(url, {
    auth: { protocolVersion: PROTOCOL_VERSION, token },
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 500,
  }) as Socket;
  const events: string[] = [];
  const facts: { event: string; payload: unknown }[] = [];
  const disconnects: string[] = [];
  let connects = 0;
  socket.onAny((event: string, payload: unknown) => {
    events.push(event);
    facts.push({ event, payload });
  });
  socket.on('disconnect', (reason) => disconnects.push(reason));
  socket.on('connect', () => (connects += 1));
  cleanup.push(() => void socket.disconnect());
  return {
    socket,
    events,
    disconnects,
    /** The latest payload of a fact received since `from` (an index into `facts`). */
    last: (event: string, from = 0) => facts.slice(from).filter((f) => f.event === event).at(-1)?.payload as Record<string, unknown> | undefined,
    mark: () => facts.length,
    send: (event: string, payload: unknown) => socket.timeout(5000).emitWithAck(event, payload) as Promise<{ ok: boolean } & Record<string, unknown>>,
    connects: () => connects,
    join: () => socket.timeout(5000).emitWithAck('room:join', { audio: false, video: false }) as Promise<{ ok: boolean }>,
  };
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A Hearth process on its own data dir and port; the same `env` starts the next process where it left off. */
async function firstProcess(): Promise<{ env: Record<string, string>; first: HearthProcess }> {
  const dataDir = mkdtempSync(joinPath(tmpdir(), 'hearth-restart-'));
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1' };
  const first = await startHearthProcess(env);
  cleanup.push(() => first.kill('SIGKILL'));
  return { env, first };
}

describe('a graceful restart', () => {
  it('[RS1] clients are told, reconnect by themselves to the next process, and rejoin with their credential', async () => {
    const { env, first } = await firstProcess();
    const live = await startLiveSession(first);
    const sam = reconnectingClient(first.url, (await memberCredential(first, live, 'Sam')).token);
    const fran = reconnectingClient(first.url, (await facilitatorCredential(first, live)).token);
    await until(() => sam.connects() === 1 && fran.connects() === 1);
    expect(await sam.join()).toMatchObject({ ok: true });
    expect(await fran.join()).toMatchObject({ ok: true });

    const stoppedAt = Date.now();
    await first.kill('SIGTERM');
    // Promptly, and cleanly: a deploy waits for this.
    expect(Date.now() - stoppedAt).toBeLessThan(5000);
    expect(first.child.exitCode).toBe(0);
    for (const client of [sam, fran]) {
      expect(client.events).toContain('server:restarting');
      expect(client.events).not.toContain('room:closed');
      expect(client.disconnects).toEqual(['transport close']);
      expect(client.socket.active).toBe(true); // still trying: socket.io gives up only on a server disconnect
    }

    const second = await startHearthProcess(env);
    cleanup.push(() => second.kill('SIGKILL'));
    await until(() => sam.connects() === 2 && fran.connects() === 2);
    expect(await sam.join()).toMatchObject({ ok: true });
    expect(await fran.join()).toMatchObject({ ok: true });
  }, 40_000);

  it('[RS4] the raised hand, the round at its speaker and the agenda phase are there again after the restart', async () => {
    const { env, first } = await firstProcess();
    const live = await startLiveSession(first);
    const samCredential = await memberCredential(first, live, 'Sam');
    const alexCredential = await memberCredential(first, live, 'Alex');
    const fran = reconnectingClient(first.url, (await facilitatorCredential(first, live)).token);
    const sam = reconnectingClient(first.url, samCredential.token);
    const alex = reconnectingClient(first.url, alexCredential.token);
    await until(() => [fran, sam, alex].every((c) => c.connects() === 1));
    for (const client of [fran, sam, alex]) expect(await client.join()).toMatchObject({ ok: true });
    expect(await fran.send('round:start', { kind: 'check_in', order: 'join', floorControl: false })).toMatchObject({ ok: true });
    expect(await alex.send('hand:raise', {})).toMatchObject({ ok: true, hand: { raised: true, place: 1 } });
    expect(await fran.send('agenda:move', { step: 'next' })).toMatchObject({ ok: true });

    await first.kill('SIGTERM');
    const second = await startHearthProcess(env);
    cleanup.push(() => second.kill('SIGKILL'));
    await until(() => [fran, sam, alex].every((c) => c.connects() === 2));
    const franFrom = fran.mark();
    expect(await fran.join()).toMatchObject({ ok: true });
    await until(() => fran.last('floor:state', franFrom) !== undefined);
    expect(fran.last('floor:state', franFrom)).toMatchObject({ round: { kind: 'check_in', currentId: samCredential.participantId, upcoming: [alexCredential.participantId] } });
    const alexFrom = alex.mark();
    const queueFrom = fran.mark();
    expect(await alex.join()).toMatchObject({ ok: true });
    await until(() => alex.last('hand:mine', alexFrom) !== undefined);
    expect(alex.last('hand:mine', alexFrom)).toEqual({ raised: true, place: 1 });
    // Fran was back first: she sees Alex's hand as soon as Alex is here again.
    await until(() => ((fran.last('floor:queue', queueFrom)?.hands as unknown[] | undefined)?.length ?? 0) === 1);
    expect(fran.last('floor:queue', queueFrom)).toMatchObject({ hands: [{ participantId: alexCredential.participantId, displayName: 'Alex' }] });
    expect(await sam.join()).toMatchObject({ ok: true });
    expect(await sam.send('hand:raise', {})).toMatchObject({ ok: true, hand: { raised: true, place: 2 } });
    await until(() => ((fran.last('floor:queue', queueFrom)?.hands as unknown[] | undefined)?.length ?? 0) === 2);
    expect(fran.last('floor:queue', queueFrom)).toMatchObject({ hands: [{ participantId: alexCredential.participantId }, { participantId: samCredential.participantId }] });
    expect(await fran.send('agenda:get', {})).toMatchObject({ ok: true, agenda: { currentPhaseId: 'welcome' } });
    // The snapshot is used once: the next start begins from what this process holds, not from an old copy.
    expect(await sam.send('round:done', {})).toMatchObject({ ok: true, floor: { round: { currentId: alexCredential.participantId } } });
  }, 40_000);

  it('[RS1] a request still in flight when the stop begins does not hold the stop open on its keep-alive connection', async () => {
    const hearth = await startHearth();
    const { port } = hearth.app.server.address() as AddressInfo;
    // A browser's keep-alive connection whose request is still arriving (its body half sent) as the stop begins.
    const browser = connect(port, '127.0.0.1');
    const body = JSON.stringify({ token: 'x', email: 'fran@example.org', displayName: 'Fran', password: 'a long enough password' });
    browser.write(`POST ${ApiRoutes.setup} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    await new Promise<void>((resolve) => hearth.app.server.once('request', () => resolve()));
    let answer = '';
    browser.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const hungUp = new Promise<void>((resolve) => browser.once('close', () => resolve()));
    const stopped = hearth.close();
    // The rest of the request arrives once the server has stopped listening: its connection was not idle then.
    while (hearth.app.server.listening) await new Promise((resolve) => setTimeout(resolve, 5));
    browser.write(body.slice(10));
    // It gets its answer, then the server hangs up instead of keeping the connection for the next request;
    // otherwise the stop waits out the keep-alive timeout (72 s) and the process misses its 10 s window.
    await hungUp;
    await stopped;
    expect(answer).toMatch(/^HTTP\/1\.1 \d{3} /);
  }, 10_000);
});

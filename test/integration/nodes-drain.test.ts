import { afterEach, describe, expect, it } from 'vitest';
import { ApiRoutes } from '@hearth/shared';
import { facilitatorCredential, http, memberCredential, startLiveSession } from '../support/api.js';
import { newPostgresDatabase } from '../support/databases.js';
import { cookieFor, startNginx } from '../support/nginx.js';
import { startNodes } from '../support/nodes.js';
import { stickyClient, until, type Ack } from '../support/sticky-client.js';

/**
 * [ND3] A SIGTERM on one of two nodes behind nginx: its readiness fails with `draining`, a join on it is
 * refused with `draining`, its clients are told `server:moving`, reconnect by themselves through the same
 * address to the other node and join there, and the process exits.
 */
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function client(url: string, token: string, cookie: string, options: { joinOnConnect?: boolean } = {}) {
  const made = stickyClient(url, token, cookie, options);
  cleanup.push(() => made.close());
  return made;
}

describe('a node draining on SIGTERM', () => {
  it('[ND3] readiness and joins say draining, clients are moved to the other node with what was open, and the process exits', async () => {
    const cluster = await startNodes(2, await newPostgresDatabase(), { DRAIN_SECONDS: '5' });
    cleanup.push(() => cluster.stop());
    const [a, b] = [cluster.nodes[0]!, cluster.nodes[1]!];
    const portOf = (url: string) => Number(new URL(url).port);
    const nginx = await startNginx([portOf(a.url), portOf(b.url)]);
    cleanup.push(() => nginx.stop());
    const toA = await cookieFor(nginx, portOf(a.url));
    const live = await startLiveSession(a);

    const fran = client(nginx.url, (await facilitatorCredential(a, live)).token, toA);
    const sam = client(nginx.url, (await memberCredential(a, live, 'Sam')).token, toA);
    // Connected to A but not yet in the room when A starts to drain: it tries to join the moment it is told to move.
    const late = client(nginx.url, (await memberCredential(a, live, 'Lee')).token, toA, { joinOnConnect: false });
    const lateJoin = new Promise<Ack>((resolve) => late.socket.once('server:moving', () => void (late.socket.timeout(5000).emitWithAck('room:join', { audio: false, video: false }) as Promise<Ack>).then(resolve)));
    await until(() => fran.joins.length === 1 && sam.joins.length === 1 && late.socket.connected, 'everyone connected on A');
    expect([fran.joins[0]?.ok, sam.joins[0]?.ok]).toEqual([true, true]);
    // Something open that must not be lost on the way: Sam's request for support, not yet acknowledged.
    const raised = await sam.send('distress:raise', { level: 'struggling' });
    expect(raised.ok).toBe(true);

    const readiness: { status: number; code?: string }[] = [];
    const exited = new Promise<number | null>((resolve) => a.child.once('exit', (code) => resolve(code)));
    a.child.kill('SIGTERM');
    // Poll A's readiness directly (not through nginx) until it is gone.
    const polling = (async () => {
      for (;;) {
        const answer = await http<{ error?: { code: string } }>(a, 'GET', ApiRoutes.ready).catch(() => null);
        if (!answer) return;
        readiness.push({ status: answer.status, ...(answer.body?.error ? { code: answer.body.error.code } : {}) });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    expect(await lateJoin).toMatchObject({ ok: false, error: { code: 'draining' } });
    expect(await exited).toBe(0);
    await polling;
    expect(readiness).toContainEqual({ status: 503, code: 'draining' });
    expect(fran.got('server:moving')).toHaveLength(1);
    expect(sam.got('server:moving')).toHaveLength(1);

    // Both are back in the room, on B (A is gone), through the same address; the open request reached Fran again.
    await until(() => fran.joins.length === 2 && sam.joins.length === 2, 'rejoined on B');
    expect([fran.joins[1]?.ok, sam.joins[1]?.ok]).toEqual([true, true]);
    await until(() => fran.got('distress:alert').some((alert) => (alert as { id: string }).id === raised.alertId), 'the open request delivered on B');
    expect((await http(b, 'GET', ApiRoutes.ready)).status).toBe(200);
    // Two processes and nginx start inside the test (6-12 s alone): more than the project's 15 s beside other files.
  }, 45_000);
});

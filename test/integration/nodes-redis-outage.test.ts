import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRoutes } from '@hearth/shared';
import { facilitatorCredential, http, memberCredential, startLiveSession, type LiveSession } from '../support/api.js';
import { newPostgresDatabase } from '../support/databases.js';
import { startNodes, type HearthNodes } from '../support/nodes.js';
import { connectParticipant, join, type TestClient } from '../support/sockets.js';

/**
 * [ND5] Redis goes away under two nodes and comes back: while it is gone, health says so, readiness fails and
 * commands and sign-in are refused with `service_unavailable` (never let through uncounted); once it is back,
 * everything works across nodes again, and nothing stored in the database was lost.
 */
let cluster: HearthNodes;
let live: LiveSession;
const clients: TestClient[] = [];

beforeAll(async () => {
  cluster = await startNodes(2, await newPostgresDatabase());
  live = await startLiveSession(cluster.nodes[0]!);
}, 60_000);

afterAll(async () => {
  clients.splice(0).forEach((client) => client.close());
  await cluster?.stop();
});

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Redis away and back', () => {
  it('[ND5] clear refusals while it is gone, everything works after, nothing stored is lost', async () => {
    const [a, b] = [cluster.nodes[0]!, cluster.nodes[1]!];
    const fran = await connectParticipant(a.url, (await facilitatorCredential(a, live)).token);
    const sam = await connectParticipant(b.url, (await memberCredential(b, live, 'Sam')).token);
    clients.push(fran, sam);
    await join(fran);
    await join(sam);
    const first = await sam.send('distress:raise', { level: 'struggling' });
    expect(first).toMatchObject({ ok: true });

    cluster.redis.stop({ keepDir: true });
    await until(async () => (await http<{ redis: string }>(a, 'GET', ApiRoutes.health)).body.redis === 'unreachable', 'health notices');
    expect((await http(a, 'GET', ApiRoutes.health)).body).toEqual({ status: 'degraded', database: 'ok', redis: 'unreachable', draining: false });
    expect(await http(b, 'GET', ApiRoutes.ready)).toMatchObject({ status: 503, body: { error: { code: 'service_unavailable' } } });
    expect(await sam.send('media:state', { audio: false, video: false })).toMatchObject({ ok: false, error: { code: 'service_unavailable' } });
    const signIn = await http(a, 'POST', ApiRoutes.login, { body: { email: 'fran@example.org', password: 'a long enough password' } });
    expect(signIn).toMatchObject({ status: 503, body: { error: { code: 'service_unavailable' } } });

    cluster.redis.start();
    for (const node of [a, b]) await until(async () => (await http(node, 'GET', ApiRoutes.ready)).status === 200, 'ready again');
    expect((await http(a, 'GET', ApiRoutes.health)).body).toEqual({ status: 'ok', database: 'ok', redis: 'ok', draining: false });
    expect(await sam.send('media:state', { audio: false, video: false })).toMatchObject({ ok: true });
    expect((await http(a, 'POST', ApiRoutes.login, { body: { email: 'fran@example.org', password: 'a long enough password' } })).status).toBe(200);
    // Across nodes again: Sam (on B) asks for support once more and Fran (on A) is alerted.
    await until(async () => {
      const alerted = fran.next('distress:alert', 2000).then(() => true, () => false);
      await sam.send('distress:raise', { level: 'talk_privately' });
      return alerted;
    }, 'an alert across nodes after Redis is back');
    // Nothing stored was lost: the request raised before the outage is still there.
    const cases = await http<{ id: string }[]>(a, 'GET', ApiRoutes.sessionCases(live.session.id), { cookie: live.cookie });
    expect(cases.body.map((c) => c.id)).toContain(first.ok ? first.alertId : 'missing');
  });
});

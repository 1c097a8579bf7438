import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiRoutes } from '@hearth/shared';
import { OncallNotifier, type OncallReport } from '../../server/src/modules/distress/oncall-webhook.js';
import { facilitatorCredential, http, memberCredential, startLiveSession } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { connectParticipant, join, type TestClient } from '../support/sockets.js';

/** A real HTTP receiver on 127.0.0.1 that records what it is sent and answers with the given statuses. */
async function receiver(statuses: number[] = [], location?: string) {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = statuses.shift() ?? 204;
      if (location) response.setHeader('location', location);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/oncall`, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

const SECRET = 'a-shared-secret-of-enough-length';
/** What a receiver does: recompute the HMAC over "<timestamp>.<body>" and compare. */
function verifies(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const timestamp = String(headers['x-hearth-timestamp']);
  return headers['x-hearth-signature'] === `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** Development receivers on loopback are allowed by the operator's list, as a developer would run them. */
const LOCAL_RECEIVERS = { ONCALL_WEBHOOK_ALLOW_HOSTS: '127.0.0.1' };

async function setup(options: { includeContent: boolean; statuses?: number[]; location?: string }) {
  let now = Date.UTC(2026, 10, 23, 20);
  // Retries 20 ms apart, so the retry test does not wait for the real back-off.
  const hearth: TestHearth = await startHearth({ now: () => now, env: LOCAL_RECEIVERS, oncallRetryDelaysMs: [20, 20] });
  cleanup.push(() => hearth.close());
  const hook = await receiver(options.statuses, options.location);
  cleanup.push(hook.close);
  const live = await startLiveSession(hearth);
  const saved = await http(hearth, 'PUT', ApiRoutes.groupSupport(live.group.id), {
    cookie: live.cookie,
    body: { oncallWebhook: { url: hook.url, secret: SECRET }, oncallIncludeContent: options.includeContent },
  });
  expect(saved.body).toMatchObject({ oncallWebhookUrl: hook.url, oncallIncludeContent: options.includeContent });
  expect(JSON.stringify(saved.body)).not.toContain(SECRET);
  const clients: TestClient[] = [];
  const fran = await connectParticipant(hearth.url, (await facilitatorCredential(hearth, live)).token);
  const sam = await connectParticipant(hearth.url, (await memberCredential(hearth, live, 'Sam')).token);
  clients.push(fran, sam);
  cleanup.push(() => clients.forEach((c) => c.close()));
  await join(fran);
  await join(sam);
  const raised = await sam.send('distress:raise', { level: 'not_safe', note: 'private words' });
  if (!raised.ok) throw new Error('raise failed');
  return { hearth, hook, fran, alertId: raised.alertId, advance: (ms: number) => (now += ms) };
}

describe('on-call webhook', () => {
  it('[OC1][OC2] an unanswered request is reported once, signed, with no name or note by default', async () => {
    const { hearth, hook, advance } = await setup({ includeContent: false });
    advance(30_000);
    await hearth.services.reAlerts?.tick();
    advance(30_000);
    await hearth.services.reAlerts?.tick(); // a second re-alert does not report again
    await hearth.services.oncall.settled();
    expect(hook.received).toHaveLength(1);
    const [report] = hook.received;
    expect(verifies(SECRET, report!.headers, report!.body)).toBe(true);
    expect(verifies('a-different-secret-entirely', report!.headers, report!.body)).toBe(false);
    expect(JSON.parse(report!.body)).toMatchObject({ event: 'distress.unacknowledged', level: 'not_safe', status: 'raised', reAlerts: 1 });
    expect(report!.body).not.toContain('Sam');
    expect(report!.body).not.toContain('private words');
  });

  it('[OC1] a group that enables content gets the name and note; escalation is reported', async () => {
    const { hearth, hook, fran, alertId } = await setup({ includeContent: true });
    expect(await fran.send('distress:update', { alertId, action: 'escalate' })).toMatchObject({ ok: true });
    await hearth.services.oncall.settled();
    expect(JSON.parse(hook.received[0]?.body ?? '{}')).toMatchObject({ event: 'distress.escalated', status: 'escalated', person: { displayName: 'Sam' }, note: 'private words' });
  });

  it('[OC3] a failing receiver is retried, and never delays or fails the facilitator\'s action', async () => {
    const { hearth, hook, fran, alertId } = await setup({ includeContent: false, statuses: [500, 503] });
    const ack = await fran.send('distress:update', { alertId, action: 'escalate' });
    expect(ack).toMatchObject({ ok: true });
    await hearth.services.oncall.settled();
    expect(hook.received).toHaveLength(3);
    expect(new Set(hook.received.map((r) => r.body)).size).toBe(1);
  });

  it('refuses a malformed webhook or a short secret, and never returns the secret', async () => {
    const hearth = await startHearth();
    cleanup.push(() => hearth.close());
    const live = await startLiveSession(hearth);
    for (const oncallWebhook of [{ url: 'ftp://x', secret: SECRET }, { url: 'https://x.example', secret: 'short' }]) {
      const answer = await http(hearth, 'PUT', ApiRoutes.groupSupport(live.group.id), { cookie: live.cookie, body: { oncallWebhook } });
      expect(answer.body).toMatchObject({ error: { code: 'invalid_payload' } });
    }
    const groups = await http(hearth, 'GET', ApiRoutes.groups, { cookie: live.cookie });
    expect(JSON.stringify(groups.body)).not.toContain(SECRET);
  });

  it('[OC4] refuses, when saved, a webhook pointed inward: plain http, loopback, cloud metadata, private, credentials', async () => {
    const hearth = await startHearth();
    cleanup.push(() => hearth.close());
    const live = await startLiveSession(hearth);
    const inward = ['http://127.0.0.1:9/oncall', 'http://oncall.example.org/hook', 'https://169.254.169.254/latest/meta-data', 'https://[::1]/hook', 'https://10.0.0.7/hook', 'https://hearth:pw@oncall.example.org/hook'];
    for (const url of inward) {
      const answer = await http<{ error: { code: string; message: string } }>(hearth, 'PUT', ApiRoutes.groupSupport(live.group.id), { cookie: live.cookie, body: { oncallWebhook: { url, secret: SECRET } } });
      expect(answer.status, url).toBe(400);
      expect(answer.body.error.code).toBe('invalid_payload');
      expect(answer.body.error.message, url).toMatch(/https|public internet|user name or password/);
    }
    const groups = await http<{ id: string; oncallWebhookUrl: string | null }[]>(hearth, 'GET', ApiRoutes.groups, { cookie: live.cookie });
    expect(groups.body.find((g) => g.id === live.group.id)?.oncallWebhookUrl).toBeNull();
    const outward = await http(hearth, 'PUT', ApiRoutes.groupSupport(live.group.id), { cookie: live.cookie, body: { oncallWebhook: { url: 'https://oncall.example.org/hearth', secret: SECRET } } });
    expect(outward.body).toMatchObject({ oncallWebhookUrl: 'https://oncall.example.org/hearth' });
  });

  it('[OC4] at send time, a name that resolves to loopback is never connected to, and a saved http URL is not used', async () => {
    // A bare TCP listener: it counts connections, so it sees the attempt even though TLS would then fail.
    let connections = 0;
    const tcp = createTcpServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => tcp.close(resolve)));
    const port = (tcp.address() as AddressInfo).port;
    const plain = await receiver();
    cleanup.push(plain.close);
    const warnings: string[] = [];
    const record = (_fields: object, message: string) => warnings.push(message);
    const log = { warn: record, error: record } as unknown as FastifyBaseLogger;
    const report: OncallReport = { event: 'distress.escalated', caseId: 'c', sessionId: 's', level: 'not_safe', status: 'escalated', raisedAt: new Date(0).toISOString(), reAlerts: 0, sentAt: new Date(0).toISOString() };

    const guarded = new OncallNotifier(log, Date.now, [5], []);
    guarded.send({ url: `https://localhost:${port}/hook`, secret: SECRET }, report);
    guarded.send({ url: plain.url, secret: SECRET }, report);
    await guarded.settled();
    expect(connections).toBe(0);
    expect(plain.received).toHaveLength(0);
    expect(warnings).toEqual(expect.arrayContaining(['on-call webhook refused: its address is not public', 'on-call webhook refused: not an https URL or allowed host']));

    // The same name, once the operator allows it, is connected to: the refusal above was the address check.
    const allowed = new OncallNotifier(log, Date.now, [], [`localhost:${port}`]);
    allowed.send({ url: `https://localhost:${port}/hook`, secret: SECRET }, report);
    await allowed.settled();
    expect(connections).toBeGreaterThan(0);
  });

  it('[OC4] a receiver that redirects is not followed: the report never reaches where it points', async () => {
    const inward = await receiver();
    cleanup.push(inward.close);
    const { hearth, hook, fran, alertId } = await setup({ includeContent: false, statuses: [302, 302, 302], location: inward.url });
    expect(await fran.send('distress:update', { alertId, action: 'escalate' })).toMatchObject({ ok: true });
    await hearth.services.oncall.settled();
    expect(hook.received).toHaveLength(3);
    expect(inward.received).toHaveLength(0);
  });
});

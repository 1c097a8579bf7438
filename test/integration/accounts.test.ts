import { afterEach, describe, expect, it } from 'vitest';
import { ApiRoutes } from '@hearth/shared';
import { http, setUpFacilitator, startLiveSession } from '../support/api.js';
import { startHearth, type TestHearth } from '../support/hearth.js';

let hearth: TestHearth;
afterEach(async () => hearth?.close());

describe('first run and sign-in', () => {
  it('reports health and that setup is needed until the first account exists', async () => {
    hearth = await startHearth();
    expect((await http(hearth, 'GET', ApiRoutes.health)).body).toEqual({ status: 'ok', database: 'ok', redis: 'not_configured', draining: false });
    // [ND5] One node, no Redis: ready as soon as it answers.
    expect(await http(hearth, 'GET', ApiRoutes.ready)).toMatchObject({ status: 200, body: { ready: true } });
    expect((await http(hearth, 'GET', ApiRoutes.setupStatus)).body).toEqual({ needed: true });
    await setUpFacilitator(hearth);
    expect((await http(hearth, 'GET', ApiRoutes.setupStatus)).body).toEqual({ needed: false });
  });

  it('[AC1] the setup link works once, and a wrong token creates nothing', async () => {
    hearth = await startHearth();
    const body = { token: 'x'.repeat(43), email: 'a@example.org', displayName: 'A', password: 'long enough password' };
    const wrong = await http(hearth, 'POST', ApiRoutes.setup, { body });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ error: { code: 'not_allowed' } });
    await setUpFacilitator(hearth);
    const again = await http(hearth, 'POST', ApiRoutes.setup, {
      body: { ...body, token: new URL(hearth.setupLink ?? '').searchParams.get('token') },
    });
    expect(again.status).toBe(409);
  });

  it('[AC2] signs in with the right password only, with an HttpOnly SameSite cookie, and signs out', async () => {
    hearth = await startHearth();
    await setUpFacilitator(hearth);
    const bad = await http(hearth, 'POST', ApiRoutes.login, { body: { email: 'fran@example.org', password: 'wrong password' } });
    expect(bad.status).toBe(401);
    expect(bad.cookie).toBeUndefined();

    const response = await fetch(hearth.url + ApiRoutes.login, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'FRAN@example.org', password: 'a long enough password' }),
    });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(';')[0];

    expect((await http(hearth, 'GET', ApiRoutes.me, { cookie })).body).toMatchObject({ email: 'fran@example.org', displayName: 'Fran' });
    expect((await http(hearth, 'POST', ApiRoutes.logout, { cookie })).status).toBe(204);
    expect((await http(hearth, 'GET', ApiRoutes.me, { cookie })).status).toBe(401);
  });

  it('[AC3] rate-limits repeated sign-in attempts', async () => {
    hearth = await startHearth({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    await setUpFacilitator(hearth);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await http(hearth, 'POST', ApiRoutes.login, { body: { email: 'fran@example.org', password: 'nope nope' } })).status);
    }
    expect(statuses.slice(0, 2)).toEqual([401, 401]);
    expect(statuses.at(-1)).toBe(429);
    const limited = await http(hearth, 'POST', ApiRoutes.login, { body: { email: 'fran@example.org', password: 'nope nope' } });
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('[AC4] facilitator routes refuse anyone not signed in', async () => {
    hearth = await startHearth();
    const live = await startLiveSession(hearth);
    const attempts: [string, string][] = [
      ['GET', ApiRoutes.groups],
      ['POST', ApiRoutes.groups],
      ['GET', ApiRoutes.groupSessions(live.group.id)],
      ['POST', ApiRoutes.groupSessions(live.group.id)],
      ['POST', ApiRoutes.endSession(live.session.id)],
      ['POST', ApiRoutes.enterSession(live.session.id)],
      ['GET', ApiRoutes.sessionInvites(live.session.id)],
      ['POST', ApiRoutes.sessionInvites(live.session.id)],
    ];
    for (const [method, path] of attempts) {
      const answer = await http(hearth, method, path, method === 'POST' ? { body: {} } : {});
      expect({ method, path, status: answer.status, body: answer.body }).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    }
  });

  it('sends a strict Content-Security-Policy and no internals on errors', async () => {
    hearth = await startHearth();
    const response = await fetch(hearth.url + ApiRoutes.health);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers malformed bodies with invalid_payload naming the field, and stays up', async () => {
    hearth = await startHearth();
    const cookie = await setUpFacilitator(hearth);
    const noName = await http(hearth, 'POST', ApiRoutes.groups, { cookie, body: { name: '', purpose: 'x' } });
    expect(noName.status).toBe(400);
    expect(noName.body).toMatchObject({ error: { code: 'invalid_payload', message: expect.stringContaining('name') } });
    const notJson = await http(hearth, 'POST', ApiRoutes.groups, { cookie, rawBody: '{"name":' });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ error: { code: 'invalid_payload' } });
    const extra = await http(hearth, 'POST', ApiRoutes.groups, { cookie, body: { name: 'A', purpose: 'B', ownerAccountId: 'someone' } });
    expect(extra.status).toBe(400);
    expect((await http(hearth, 'GET', ApiRoutes.health)).status).toBe(200);
  });

  it('[AU7] a cookie-carrying change from another site is refused and changes nothing; from our own pages it works', async () => {
    hearth = await startHearth();
    const cookie = await setUpFacilitator(hearth);
    const body = { name: 'Thursday circle', purpose: 'Peer support' };
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example']) {
      const refused = await http(hearth, 'POST', ApiRoutes.groups, { cookie, body, origin });
      expect(refused.status, origin).toBe(403);
      expect(refused.body).toMatchObject({ error: { code: 'not_allowed', message: expect.stringContaining('another site') } });
    }
    const signOut = await http(hearth, 'POST', ApiRoutes.logout, { cookie, origin: 'https://evil.example' });
    expect(signOut.status).toBe(403);
    expect((await http<unknown[]>(hearth, 'GET', ApiRoutes.groups, { cookie })).body).toEqual([]);

    expect((await http(hearth, 'POST', ApiRoutes.groups, { cookie, body, origin: hearth.url })).status).toBe(201);
    expect((await http(hearth, 'POST', ApiRoutes.groups, { cookie, body: { ...body, name: 'Friday circle' } })).status).toBe(201);
    // Reading is not a change: another site's page may not read the answer anyway (no CORS).
    expect((await http<unknown[]>(hearth, 'GET', ApiRoutes.groups, { cookie, origin: 'https://evil.example' })).body).toHaveLength(2);
  });
});

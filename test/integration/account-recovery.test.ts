// [AC5] [AC6] [AC8] Password reset links, forgot password by email, sign out everywhere and disabled accounts,
// against the real server on SQLite and Postgres.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiRoutes } from '@hearth/shared';
import { http, setUpFacilitator } from '../support/api.js';
import { newPostgresDatabase } from '../support/databases.js';
import { startHearth, type TestHearth } from '../support/hearth.js';
import { resetLinkIn, startSmtp, type TestSmtp } from '../support/smtp.js';

const EMAIL = 'fran@example.org';
const OLD_PASSWORD = 'a long enough password';
const NEW_PASSWORD = 'a brand new passphrase';
const HOUR = 3_600_000;

describe.each(['sqlite', 'postgres'] as const)('account recovery on %s', (kind) => {
  let hearth: TestHearth;
  let smtp: TestSmtp | undefined;
  let clock = Date.UTC(2026, 5, 1);
  let cookie: string;

  async function start(env: Record<string, string> = {}) {
    const database: Record<string, string> = kind === 'postgres' ? { DATABASE_URL: await newPostgresDatabase() } : {};
    hearth = await startHearth({ env: { ...database, ...env }, now: () => clock });
    cookie = await setUpFacilitator(hearth);
  }
  const accountId = async () => (await hearth.services.accounts.findByEmail(EMAIL))?.id ?? '';
  const signIn = (password: string) => http(hearth, 'POST', ApiRoutes.login, { body: { email: EMAIL, password } });
  const reset = (token: string, password = NEW_PASSWORD) => http(hearth, 'POST', ApiRoutes.resetPassword, { body: { token, password } });

  beforeEach(() => {
    clock = Date.UTC(2026, 5, 1);
  });
  afterEach(async () => {
    await hearth?.close();
    await smtp?.close();
    smtp = undefined;
  });

  it('[AC5] a reset link sets the password once, and signs out every old sign-in [AC6]', async () => {
    await start();
    const token = await hearth.services.passwordResets.issue(await accountId(), clock);
    expect(await reset(token)).toMatchObject({ status: 204 });
    expect((await http(hearth, 'GET', ApiRoutes.me, { cookie })).status).toBe(401);
    expect((await signIn(OLD_PASSWORD)).status).toBe(401);
    expect((await signIn(NEW_PASSWORD)).status).toBe(200);
    const again = await reset(token, 'yet another passphrase');
    expect(again).toMatchObject({ status: 410, body: { error: { code: 'reset_link_used' } } });
    expect((await signIn(NEW_PASSWORD)).status).toBe(200);
  });

  it('[AC5] an expired link and a made-up one are refused with their own codes, and change nothing', async () => {
    await start();
    const token = await hearth.services.passwordResets.issue(await accountId(), clock);
    clock += HOUR;
    expect(await reset(token)).toMatchObject({ status: 410, body: { error: { code: 'reset_link_expired', message: expect.stringMatching(/expired/) } } });
    expect(await reset('not-a-link-anyone-made')).toMatchObject({ status: 404, body: { error: { code: 'reset_link_invalid' } } });
    expect((await signIn(OLD_PASSWORD)).status).toBe(200);
    expect((await http(hearth, 'GET', ApiRoutes.me, { cookie })).status).toBe(200);
  });

  it('[AC5] using one link clears the account\'s other links; a too-short password is refused before the link is spent', async () => {
    await start();
    const first = await hearth.services.passwordResets.issue(await accountId(), clock);
    const second = await hearth.services.passwordResets.issue(await accountId(), clock);
    expect(await reset(first, 'short')).toMatchObject({ status: 400, body: { error: { code: 'invalid_payload' } } });
    expect((await reset(first)).status).toBe(204);
    expect(await reset(second)).toMatchObject({ body: { error: { code: 'reset_link_invalid' } } });
  });

  it('[AC6] sign out everywhere: another browser\'s cookie is refused, and this one is signed out too', async () => {
    await start();
    const other = (await signIn(OLD_PASSWORD)).cookie;
    expect((await http(hearth, 'GET', ApiRoutes.me, { cookie: other })).status).toBe(200);
    const answer = await http(hearth, 'POST', ApiRoutes.signOutEverywhere, { cookie });
    expect(answer.status).toBe(204);
    expect((await http(hearth, 'GET', ApiRoutes.me, { cookie: other })).body).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await http(hearth, 'GET', ApiRoutes.me, { cookie })).status).toBe(401);
    expect((await http(hearth, 'GET', ApiRoutes.groups, { cookie: other })).status).toBe(401);
    // A sign-in after it works as before.
    const fresh = (await signIn(OLD_PASSWORD)).cookie;
    expect((await http(hearth, 'GET', ApiRoutes.me, { cookie: fresh })).status).toBe(200);
    expect((await http(hearth, 'POST', ApiRoutes.signOutEverywhere)).status).toBe(401);
  });

  it('[AC8] a disabled account is refused with account_disabled, its sign-ins too; enabled again, old sign-ins stay ended', async () => {
    await start();
    await hearth.services.accounts.setDisabled(await accountId(), clock);
    expect(await http(hearth, 'GET', ApiRoutes.me, { cookie })).toMatchObject({ status: 403, body: { error: { code: 'account_disabled' } } });
    expect(await signIn(OLD_PASSWORD)).toMatchObject({ status: 403, body: { error: { code: 'account_disabled' } } });
    // The wrong password learns nothing about the account being disabled.
    expect(await signIn('not the password at all')).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    const token = await hearth.services.passwordResets.issue(await accountId(), clock);
    expect(await reset(token)).toMatchObject({ status: 403, body: { error: { code: 'account_disabled' } } });
    await hearth.services.accounts.setDisabled(await accountId(), null);
    expect((await http(hearth, 'GET', ApiRoutes.me, { cookie })).status).toBe(401);
    expect((await signIn(OLD_PASSWORD)).status).toBe(200);
  });

  it('[AC5] forgot password answers the same for a known and an unknown email, and mails the link only to the account', async () => {
    smtp = await startSmtp();
    await start({ SMTP_URL: smtp.url, SMTP_FROM: 'Hearth <hearth@example.org>', PUBLIC_URL: 'https://hearth.example.org' });
    const ask = async (email: string) => {
      const response = await fetch(hearth.url + ApiRoutes.forgotPassword, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
      const headers = [...response.headers.entries()].filter(([name]) => !['date', 'x-ratelimit-remaining', 'x-request-id'].includes(name));
      return { status: response.status, body: await response.text(), headers };
    };
    const unknown = await ask('nobody@example.org');
    const known = await ask('FRAN@example.org');
    expect(known).toEqual(unknown);
    expect(known.status).toBe(204);

    const mail = await smtp.nextMail(0);
    expect(mail.to).toEqual([EMAIL]);
    const link = resetLinkIn(mail);
    expect(link).toMatch(/^https:\/\/hearth\.example\.org\/reset#token=/);
    // Only the account's mail arrives.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails).toHaveLength(1);
    expect((await reset(new URL(link).hash.replace('#token=', ''))).status).toBe(204);
    expect((await signIn(NEW_PASSWORD)).status).toBe(200);
  });

  it('[AC5] forgot password takes about as long for an unknown email as for a known one', async () => {
    smtp = await startSmtp();
    await start({ SMTP_URL: smtp.url, SMTP_FROM: 'hearth@example.org' });
    const time = async (email: string) => {
      const t0 = performance.now();
      await http(hearth, 'POST', ApiRoutes.forgotPassword, { body: { email } });
      return performance.now() - t0;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 15; i++) {
      known.push(await time(EMAIL));
      unknown.push(await time(`nobody${i}@example.org`));
    }
    // Both are a lookup and a fast answer; sending the mail is not waited for. Generous bound for a loaded machine.
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(25);
  });

  it('[AC5] without SMTP, forgot password still answers 204 and sends nothing anywhere', async () => {
    await start();
    expect((await http(hearth, 'POST', ApiRoutes.forgotPassword, { body: { email: EMAIL } })).status).toBe(204);
    expect(await hearth.services.db.selectFrom('password_resets').selectAll().execute()).toEqual([]);
  });

  it('[AC3] forgot and reset password are rate limited like sign-in', async () => {
    await start({ AUTH_RATE_LIMIT_PER_MINUTE: '2' });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await http(hearth, 'POST', ApiRoutes.forgotPassword, { body: { email: EMAIL } })).status);
    for (let i = 0; i < 3; i++) statuses.push((await reset('made-up')).status);
    expect(statuses).toEqual([204, 204, 429, 404, 404, 429]);
  });
});

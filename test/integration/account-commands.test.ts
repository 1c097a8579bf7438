// [AC5] [AC7] [AC8] The operator's commands as real processes (`npm run reset-link`, `npm run account`), against
// the database a real server uses, on SQLite and Postgres.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiRoutes } from '@hearth/shared';
import { http, setUpFacilitator } from '../support/api.js';
import { newPostgresDatabase } from '../support/databases.js';
import { startHearth, type TestHearth } from '../support/hearth.js';

const run = promisify(execFile);
const PUBLIC_URL = 'https://hearth.example.org';

describe.each(['sqlite', 'postgres'] as const)('operator commands on %s', (kind) => {
  let hearth: TestHearth;
  let env: Record<string, string>;
  afterEach(async () => hearth?.close());

  async function start() {
    env = kind === 'postgres' ? { DATABASE_URL: await newPostgresDatabase() } : {};
    hearth = await startHearth({ env });
    if (kind === 'sqlite' && hearth.config.database.kind === 'sqlite') env.DATA_DIR = hearth.config.database.file.replace(/\/hearth\.sqlite$/, '');
  }
  /** Runs `npm run <script> -- args` with the server's database; never throws, returns what the operator sees. */
  async function npm(script: string, ...args: string[]) {
    try {
      const { stdout, stderr } = await run('npm', ['run', '-s', script, '--', ...args], { env: { ...process.env, ...env, PUBLIC_URL }, timeout: 60_000 });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }
  const tokenIn = (stdout: string) => {
    const link = /(https:\/\/hearth\.example\.org\/reset#token=[A-Za-z0-9_-]+)/.exec(stdout)?.[1];
    expect(link, stdout).toBeDefined();
    return new URL(link ?? '').hash.slice('#token='.length);
  };
  const signIn = (email: string, password: string) => http(hearth, 'POST', ApiRoutes.login, { body: { email, password } });

  it('[AC5] reset-link prints a one-time link that sets the password; an unknown email is refused plainly', async () => {
    await start();
    await setUpFacilitator(hearth);
    const printed = await npm('reset-link', 'FRAN@example.org');
    expect(printed.code).toBe(0);
    const token = tokenIn(printed.stdout);
    expect(printed.stdout).not.toMatch(/Fran\b|fran@/);
    expect((await http(hearth, 'POST', ApiRoutes.resetPassword, { body: { token, password: 'set by the operator link' } })).status).toBe(204);
    expect((await signIn('fran@example.org', 'set by the operator link')).status).toBe(200);

    const unknown = await npm('reset-link', 'nobody@example.org');
    expect(unknown).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/No account has that email/) });
    expect(await npm('reset-link')).toMatchObject({ code: 64, stderr: expect.stringMatching(/Usage: npm run reset-link -- <email>/) });
    expect(await npm('reset-link', 'not-an-email')).toMatchObject({ code: 64, stderr: expect.stringMatching(/not an email address/) });
  }, 120_000);

  it('[AC7] [AC8] account add prints a set-password link; disable ends sign-ins and refuses them; enable lets them back', async () => {
    await start();
    const added = await npm('account', 'add', 'sam@example.org', 'Sam', 'Hill');
    expect(added.code).toBe(0);
    const token = tokenIn(added.stdout);
    // No password signs in before the link is used, not even an empty-looking one.
    expect((await signIn('sam@example.org', 'unset')).status).toBe(401);
    expect((await http(hearth, 'POST', ApiRoutes.resetPassword, { body: { token, password: 'sam chose this one' } })).status).toBe(204);
    const cookie = (await signIn('sam@example.org', 'sam chose this one')).cookie;
    expect((await http(hearth, 'GET', ApiRoutes.me, { cookie })).body).toMatchObject({ email: 'sam@example.org', displayName: 'Sam Hill' });
    expect(await npm('account', 'add', 'SAM@example.org')).toMatchObject({ code: 1, stderr: expect.stringMatching(/already exists/) });

    expect(await npm('account', 'disable', 'sam@example.org')).toMatchObject({ code: 0, stdout: expect.stringMatching(/disabled/) });
    expect((await http(hearth, 'GET', ApiRoutes.me, { cookie })).body).toMatchObject({ error: { code: 'account_disabled' } });
    expect((await signIn('sam@example.org', 'sam chose this one')).body).toMatchObject({ error: { code: 'account_disabled' } });
    expect(await npm('account', 'disable', 'sam@example.org')).toMatchObject({ code: 1, stderr: expect.stringMatching(/already disabled/) });
    expect(await npm('reset-link', 'sam@example.org')).toMatchObject({ code: 1, stderr: expect.stringMatching(/disabled/) });

    expect(await npm('account', 'enable', 'sam@example.org')).toMatchObject({ code: 0 });
    expect((await http(hearth, 'GET', ApiRoutes.me, { cookie })).status).toBe(401);
    expect((await signIn('sam@example.org', 'sam chose this one')).status).toBe(200);
    expect(await npm('account', 'enable', 'nobody@example.org')).toMatchObject({ code: 1, stderr: expect.stringMatching(/No account has that email/) });
    expect(await npm('account', 'remove', 'sam@example.org')).toMatchObject({ code: 64, stderr: expect.stringMatching(/Usage: npm run account/) });
  }, 180_000);
});

// [AC5] [AC6] Migration 014 and the account-recovery repositories on both databases, below the app.
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../server/src/db/database.js';
import { migrationProvider } from '../../server/src/db/migrations/index.js';
import { hashToken } from '../../server/src/lib/index.js';
import { accountsRepository } from '../../server/src/modules/accounts/accounts.repository.js';
import { passwordResetsRepository } from '../../server/src/modules/accounts/password-resets.repository.js';
import { openTestDatabase, type TestDatabase } from '../support/databases.js';

const T0 = Date.UTC(2026, 0, 1);

describe.each(['sqlite', 'postgres'] as const)('account recovery storage on %s', (kind) => {
  let opened: TestDatabase;
  beforeAll(async () => {
    opened = await openTestDatabase(kind);
  });
  afterAll(async () => opened?.close());

  it('migration 014 runs on a database that already ran 015 (it landed after it), and only once', async () => {
    const all = await migrationProvider.getMigrations();
    const without014 = Object.fromEntries(Object.entries(all).filter(([name]) => name !== '014-account-recovery'));
    const { error } = await new Migrator({ db: opened.db, provider: { getMigrations: async () => without014 } }).migrateToLatest();
    expect(error).toBeUndefined();
    expect(await migrateToLatest(opened.db)).toEqual(['014-account-recovery']);
    expect(await migrateToLatest(opened.db)).toEqual([]);
  });

  it('a reset link is stored as its hash only, with its account and expiry', async () => {
    const account = await accountsRepository(opened.db).create({ email: `store-${kind}@example.org`, displayName: 'Fran', passwordHash: 'x' }, T0);
    const token = await passwordResetsRepository(opened.db).issue(account.id, T0, 1000);
    const rows = await opened.db.selectFrom('password_resets').selectAll().where('account_id', '=', account.id).execute();
    expect(rows).toEqual([{ token_hash: hashToken(token), account_id: account.id, created_at: T0, expires_at: T0 + 1000, used_at: null }]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('[AC6] a sign-in started before "sign out everywhere" is none; one started after works', async () => {
    const accounts = accountsRepository(opened.db);
    const account = await accounts.create({ email: `gen-${kind}@example.org`, displayName: 'Fran', passwordHash: 'x' }, T0);
    const before = await accounts.startSignIn(account.id, T0);
    await accounts.signOutEverywhere(account.id);
    expect(await accounts.accountForSignIn(before.token, T0)).toBeUndefined();
    const after = await accounts.startSignIn(account.id, T0);
    expect(await accounts.accountForSignIn(after.token, T0)).toEqual({ ok: true, account });
  });

  it('[AC5] two uses of one link at once: exactly one sets the password', async () => {
    const account = await accountsRepository(opened.db).create({ email: `race-${kind}@example.org`, displayName: 'Fran', passwordHash: 'x' }, T0);
    const resets = passwordResetsRepository(opened.db);
    const token = await resets.issue(account.id, T0);
    const outcomes = await Promise.allSettled([resets.complete(token, 'one', T0 + 1), resets.complete(token, 'two', T0 + 1)]);
    const values = outcomes.map((o) => (o.status === 'fulfilled' ? (o.value.ok ? 'ok' : o.value.code) : 'error'));
    expect(values.filter((v) => v === 'ok')).toHaveLength(1);
    const { password_hash } = await opened.db.selectFrom('accounts').select('password_hash').where('id', '=', account.id).executeTakeFirstOrThrow();
    expect(['one', 'two']).toContain(password_hash);
  });
});

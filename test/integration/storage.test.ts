import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrationProvider } from '../../server/src/db/migrations/index.js';
import { migrateToLatest, openDatabase, type Db } from '../../server/src/db/database.js';
import { accountsRepository } from '../../server/src/modules/accounts/accounts.repository.js';
import { groupsRepository } from '../../server/src/modules/groups/groups.repository.js';
import { invitesRepository } from '../../server/src/modules/invites/invites.repository.js';
import { participantsRepository } from '../../server/src/modules/participants/participants.repository.js';
import { sessionsRepository } from '../../server/src/modules/sessions/sessions.repository.js';
import { hashToken } from '../../server/src/lib/secrets.js';

/**
 * One repository contract, run against every storage backend the server supports: a temp SQLite file and
 * a fresh database in the throwaway Postgres cluster. Times are epoch ms well past 2^32, so a bigint that
 * came back as a string (pg's default) or was truncated shows up as a failure.
 */
const NOW = 1_764_000_000_123;
const HOUR = 3_600_000;

interface Backend {
  db: Db;
  close(): Promise<void>;
}

async function openBackend(kind: 'sqlite' | 'postgres'): Promise<Backend> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-storage-'));
    const db = openDatabase({ kind: 'sqlite', file: join(dir, 'hearth.sqlite') });
    return {
      db,
      async close() {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject('postgresUrl');
  const name = `hearth_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    db,
    async close() {
      // No DROP: pg clients finish closing after destroy() resolves, and forcing the drop would kill them
      // mid-close. The whole throwaway cluster is removed at the end of the run.
      await db.destroy();
      await admin.end();
    },
  };
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

describe.each(['sqlite', 'postgres'] as const)('storage contract: %s', (kind) => {
  let backend: Backend;
  let firstMigration: string[];
  let repos: {
    accounts: ReturnType<typeof accountsRepository>;
    groups: ReturnType<typeof groupsRepository>;
    sessions: ReturnType<typeof sessionsRepository>;
    invites: ReturnType<typeof invitesRepository>;
    participants: ReturnType<typeof participantsRepository>;
  };

  beforeAll(async () => {
    backend = await openBackend(kind);
    firstMigration = await migrateToLatest(backend.db);
    const db = backend.db;
    repos = {
      accounts: accountsRepository(db),
      groups: groupsRepository(db),
      sessions: sessionsRepository(db),
      invites: invitesRepository(db),
      participants: participantsRepository(db),
    };
  });
  afterAll(async () => backend?.close());

  async function account() {
    return repos.accounts.create({ email: `${unique('fac')}@example.org`, displayName: 'Fran', passwordHash: 'scrypt$x' }, NOW);
  }
  async function liveSession() {
    const group = await repos.groups.create((await account()).id, { name: 'Circle', purpose: 'Support' }, NOW);
    return repos.sessions.start(group.id, 'Tuesday', NOW);
  }

  it('migrations are idempotent: the second run applies nothing and breaks nothing', async () => {
    // A fresh database gets every migration, in order; a second run applies none.
    expect(firstMigration).toEqual(Object.keys(await migrationProvider.getMigrations()).sort());
    expect(firstMigration.length).toBeGreaterThan(0);
    expect(await migrateToLatest(backend.db)).toEqual([]);
    expect(await repos.accounts.count()).toBeGreaterThanOrEqual(0);
  });

  describe('accounts', () => {
    it('creates an account with a lower-cased email and finds it case-insensitively', async () => {
      const before = await repos.accounts.count();
      const created = await repos.accounts.create({ email: 'Mixed.Case@Example.ORG', displayName: 'Mo', passwordHash: 'scrypt$h' }, NOW);
      expect(created.email).toBe('mixed.case@example.org');
      expect(await repos.accounts.findByEmail('MIXED.case@example.org')).toEqual({ ...created, passwordHash: 'scrypt$h', disabledAt: null });
      expect(await repos.accounts.findByEmail('nobody@example.org')).toBeUndefined();
      expect(await repos.accounts.count()).toBe(before + 1);
    });

    it('a second account with the same email (any case) is refused', async () => {
      await repos.accounts.create({ email: 'dup@example.org', displayName: 'A', passwordHash: 'h' }, NOW);
      await expect(repos.accounts.create({ email: 'DUP@example.org', displayName: 'B', passwordHash: 'h' }, NOW)).rejects.toThrow();
      expect((await repos.accounts.findByEmail('dup@example.org'))?.displayName).toBe('A');
    });

    it('a sign-in works until it expires or ends, and only its hash is stored', async () => {
      const who = await account();
      const { token, expiresAt } = await repos.accounts.startSignIn(who.id, NOW);
      expect(expiresAt).toBe(NOW + 12 * HOUR);
      expect(await repos.accounts.accountForSignIn(token, NOW)).toEqual({ ok: true, account: who });
      expect(await repos.accounts.accountForSignIn(token, expiresAt - 1)).toEqual({ ok: true, account: who });
      expect(await repos.accounts.accountForSignIn(token, expiresAt)).toBeUndefined();
      expect(await repos.accounts.accountForSignIn(`${token}x`, NOW)).toBeUndefined();
      const rows = await backend.db.selectFrom('auth_sessions').selectAll().where('account_id', '=', who.id).execute();
      expect(rows).toEqual([{ token_hash: hashToken(token), account_id: who.id, created_at: NOW, expires_at: expiresAt, generation: 0 }]);
      await repos.accounts.endSignIn(token);
      expect(await repos.accounts.accountForSignIn(token, NOW)).toBeUndefined();
    });
  });

  describe('groups', () => {
    it('lists each owner only their own groups, newest first, with times as numbers', async () => {
      const [a, b] = [await account(), await account()];
      const older = await repos.groups.create(a.id, { name: '  Carers  ', purpose: ' Peer support ', organisation: 'Mind' }, NOW);
      const newer = await repos.groups.create(a.id, { name: 'Evening', purpose: 'Grief' }, NOW + 1000);
      await repos.groups.create(b.id, { name: 'Other', purpose: 'Other' }, NOW);
      expect(older).toMatchObject({ name: 'Carers', purpose: 'Peer support', organisation: 'Mind', ownerAccountId: a.id });
      expect(newer.organisation).toBeNull();
      const listed = await repos.groups.listForAccount(a.id);
      expect(listed).toEqual([{ ...newer, yourRole: 'host' }, { ...older, yourRole: 'host' }]);
      expect(typeof listed[1]?.createdAt).toBe('number');
      expect(await repos.groups.find(older.id)).toEqual(older);
      expect(await repos.groups.find('missing')).toBeUndefined();
    });
  });

  describe('sessions', () => {
    it('lists a group\'s sessions newest first; ending is idempotent and keeps the first end time', async () => {
      const group = await repos.groups.create((await account()).id, { name: 'G', purpose: 'P' }, NOW);
      const middle = await repos.sessions.start(group.id, 'Two', NOW + HOUR);
      const first = await repos.sessions.start(group.id, 'One', NOW);
      const last = await repos.sessions.start(group.id, 'Three', NOW + 2 * HOUR);
      expect((await repos.sessions.listForGroup(group.id)).map((s) => s.title)).toEqual(['Three', 'Two', 'One']);
      const found = await repos.sessions.find(first.id);
      expect(found).toEqual({ id: first.id, groupId: group.id, title: 'One', status: 'live', startedAt: NOW, endedAt: null });
      expect(typeof found?.startedAt).toBe('number');

      expect(await repos.sessions.end(middle.id, NOW + 5000)).toMatchObject({ status: 'ended', endedAt: NOW + 5000 });
      expect(await repos.sessions.end(middle.id, NOW + 9000)).toMatchObject({ status: 'ended', endedAt: NOW + 5000 });
      expect((await repos.sessions.find(last.id))?.status).toBe('live');
      expect(await repos.sessions.end('missing', NOW)).toBeUndefined();
    });
  });

  describe('invites', () => {
    it('creates, lists newest first, finds by token, and derives status from the clock', async () => {
      const session = await liveSession();
      const a = await repos.invites.create(session.id, { role: 'member', label: '  Sam ', maxUses: 1, expiresAt: NOW + HOUR }, NOW);
      const b = await repos.invites.create(session.id, { role: 'co_facilitator', label: '   ', maxUses: 2, expiresAt: NOW + 2 * HOUR }, NOW + 1);
      expect(a).toMatchObject({ sessionId: session.id, role: 'member', label: 'Sam', uses: 0, maxUses: 1, revokedAt: null, status: 'active' });
      expect(b.label).toBeNull();
      expect(a.path).toBe(`/join/${a.token}`);
      expect((await repos.invites.listForSession(session.id, NOW + 2)).map((i) => i.id)).toEqual([b.id, a.id]);
      expect((await repos.invites.findByToken(a.token, NOW))?.id).toBe(a.id);
      expect(await repos.invites.findByToken('no-such-token', NOW)).toBeUndefined();
      const later = await repos.invites.listForSession(session.id, NOW + HOUR);
      expect(later.map((i) => [i.id, i.status])).toEqual([[b.id, 'active'], [a.id, 'expired']]);
      expect(later[1]?.expiresAt).toBe(NOW + HOUR);
    });

    it('revoking is idempotent and keeps the first revocation time', async () => {
      const session = await liveSession();
      const invite = await repos.invites.create(session.id, { role: 'member', maxUses: 5, expiresAt: NOW + HOUR }, NOW);
      await repos.invites.revoke(invite.id, NOW + 10);
      await repos.invites.revoke(invite.id, NOW + 20);
      expect(await repos.invites.find(invite.id, NOW + 30)).toMatchObject({ status: 'revoked', revokedAt: NOW + 10 });
    });

    it('takeUse counts uses up to maxUses, then refuses', async () => {
      const session = await liveSession();
      const invite = await repos.invites.create(session.id, { role: 'member', maxUses: 2, expiresAt: NOW + HOUR }, NOW);
      expect(await repos.invites.takeUse(invite.id, NOW)).toBe(true);
      expect(await repos.invites.takeUse(invite.id, NOW)).toBe(true);
      expect(await repos.invites.takeUse(invite.id, NOW)).toBe(false);
      expect(await repos.invites.find(invite.id, NOW)).toMatchObject({ uses: 2, status: 'used_up' });
      expect(await repos.invites.takeUse('missing', NOW)).toBe(false);
    });

    it('takeUse refuses a revoked link and an expired one (expiry is exclusive)', async () => {
      const session = await liveSession();
      const revoked = await repos.invites.create(session.id, { role: 'member', maxUses: 5, expiresAt: NOW + HOUR }, NOW);
      await repos.invites.revoke(revoked.id, NOW);
      expect(await repos.invites.takeUse(revoked.id, NOW)).toBe(false);
      const expiring = await repos.invites.create(session.id, { role: 'member', maxUses: 5, expiresAt: NOW + HOUR }, NOW);
      expect(await repos.invites.takeUse(expiring.id, NOW + HOUR)).toBe(false);
      expect(await repos.invites.takeUse(expiring.id, NOW + HOUR - 1)).toBe(true);
      expect((await repos.invites.find(revoked.id, NOW))?.uses).toBe(0);
    });

    it('a use taken inside a transaction that fails is given back', async () => {
      const session = await liveSession();
      const invite = await repos.invites.create(session.id, { role: 'member', maxUses: 1, expiresAt: NOW + HOUR }, NOW);
      const attempt = backend.db.transaction().execute(async (trx) => {
        expect(await repos.invites.takeUse(invite.id, NOW, trx)).toBe(true);
        throw new Error('participant insert failed');
      });
      await expect(attempt).rejects.toThrow('participant insert failed');
      expect((await repos.invites.find(invite.id, NOW))?.uses).toBe(0);
    });

    it('10 simultaneous takeUse calls on a maxUses=3 link give exactly 3 successes', async () => {
      const session = await liveSession();
      const invite = await repos.invites.create(session.id, { role: 'member', maxUses: 3, expiresAt: NOW + HOUR }, NOW);
      const results = await Promise.all(Array.from({ length: 10 }, () => repos.invites.takeUse(invite.id, NOW)));
      expect(results.filter(Boolean)).toHaveLength(3);
      expect((await repos.invites.find(invite.id, NOW))?.uses).toBe(3);
    });
  });

  describe('participants', () => {
    it('findByToken reports the participant with their session status and invite revocation', async () => {
      const session = await liveSession();
      const invite = await repos.invites.create(session.id, { role: 'member', maxUses: 1, expiresAt: NOW + HOUR }, NOW);
      const { id, token } = await repos.participants.create(
        { sessionId: session.id, role: 'member', displayName: ' Sam ', organisation: '  ', inviteId: invite.id, accountId: null },
        NOW,
      );
      expect(await repos.participants.findByToken(token)).toEqual({
        id,
        sessionId: session.id,
        inviteId: invite.id,
        accountId: null,
        role: 'member',
        displayName: 'Sam',
        organisation: null,
        removedAt: null,
        sessionStatus: 'live',
        inviteRevokedAt: null,
        observationAllowed: true,
      });
      const stored = await backend.db.selectFrom('participants').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow();
      expect(stored.token_hash).toBe(hashToken(token));
      expect(await repos.participants.findByToken(hashToken(token))).toBeUndefined();

      await repos.invites.revoke(invite.id, NOW + 7);
      await repos.sessions.end(session.id, NOW + 8);
      await repos.groups.setObservation(session.groupId, false);
      expect(await repos.participants.findByToken(token)).toMatchObject({ sessionStatus: 'ended', inviteRevokedAt: NOW + 7, observationAllowed: false });
    });

    it('markRemoved records when; a participant without an invite has no revocation', async () => {
      const session = await liveSession();
      const { id, token } = await repos.participants.create(
        { sessionId: session.id, role: 'co_facilitator', displayName: 'Co', organisation: 'Mind', inviteId: null, accountId: null },
        NOW,
      );
      await repos.participants.markRemoved(id, NOW + 42);
      expect(await repos.participants.findByToken(token)).toMatchObject({ removedAt: NOW + 42, inviteRevokedAt: null, organisation: 'Mind' });
    });

    it('rotateForAccount keeps the participant id, renames, and invalidates the old credential', async () => {
      const who = await account();
      const group = await repos.groups.create(who.id, { name: 'G', purpose: 'P' }, NOW);
      const session = await repos.sessions.start(group.id, 'S', NOW);
      expect(await repos.participants.rotateForAccount(session.id, who.id, 'Fran')).toBeUndefined();
      const first = await repos.participants.create(
        { sessionId: session.id, role: 'facilitator', displayName: 'Fran', organisation: null, inviteId: null, accountId: who.id },
        NOW,
      );
      const rotated = await repos.participants.rotateForAccount(session.id, who.id, ' Frances ');
      expect(rotated?.id).toBe(first.id);
      expect(rotated?.token).not.toBe(first.token);
      expect(await repos.participants.findByToken(first.token)).toBeUndefined();
      expect(await repos.participants.findByToken(rotated?.token ?? '')).toMatchObject({ id: first.id, displayName: 'Frances', accountId: who.id });
      const other = await repos.sessions.start(group.id, 'Other', NOW);
      expect(await repos.participants.rotateForAccount(other.id, who.id, 'Fran')).toBeUndefined();
    });
  });
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../../server/src/db/database.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface TestDatabase {
  db: Db;
  close(): Promise<void>;
}

/**
 * A fresh, empty database of the given kind: a SQLite file in its own temporary folder, or a new
 * database in the run's throwaway Postgres cluster (test/support/global-postgres.ts).
 */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-db-'));
    const db = openDatabase({ kind: 'sqlite', file: join(dir, 'hearth.sqlite') });
    return { db, close: async () => { await db.destroy(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const db = openDatabase({ kind: 'postgres', url: await newPostgresDatabase() });
  // No DROP: the whole throwaway cluster is removed at the end of the run.
  return { db, close: () => db.destroy() };
}

/** The URL of a new, empty database in the run's throwaway Postgres cluster (for a server's DATABASE_URL). */
export async function newPostgresDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  const name = `hearth_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

/** For a describe block: a migrated database opened before its tests and closed after them. */
export function useMigratedDatabase(kind: DatabaseKind): { readonly db: Db } {
  let opened: TestDatabase | undefined;
  beforeAll(async () => {
    opened = await openTestDatabase(kind);
    await migrateToLatest(opened.db);
  });
  afterAll(async () => opened?.close());
  return {
    get db(): Db {
      if (!opened) throw new Error('The test database is opened in beforeAll; use it inside a test.');
      return opened.db;
    },
  };
}

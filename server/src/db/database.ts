import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

// Postgres returns int8 as strings by default; our times are epoch milliseconds, well inside 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Opens SQLite (the embedded default) or Postgres; the rest of the server cannot tell which. */
export function openDatabase(target: DatabaseTarget, onConnectionError: (err: Error) => void = () => undefined): Db {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection dropped by Postgres (restart, failover) must not crash the process: the pool
    // discards that client and the next query opens a new one.
    pool.on('error', onConnectionError);
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
  const sqlite = new SQLite(target.file);
  // WAL lets readers proceed during a write; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  // better-sqlite3 runs on the event loop, so the default (FULL) fsyncs the WAL inside every commit and
  // stalls every room for that long (p99 ~8 ms per commit on a busy disk; hundreds of ms per second at
  // 500 rooms, see npm run bench:server). NORMAL in WAL mode still survives the process being killed
  // (SIGKILL) with every acknowledged write; only an OS crash or power loss may lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/** Statements kept per SQL text; queries with `in (...)` lists of many lengths make more texts than this. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query afresh, and compiling SQL on the event loop was the largest
 * single cost per command under load (npm run bench:server). Prepared statements are reusable with new
 * parameters, and Kysely runs one query at a time on its one connection, so a statement is never in use
 * twice at once. SQLite re-prepares a cached statement itself if a migration changes the schema.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) statements.delete(sql);
      else statement = sqlite.prepare(sql);
      // Re-inserting keeps the Map in least-recently-used order: the first key is the one to drop.
      statements.set(sql, statement);
      if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Unordered: 014 landed after 015 had run on databases made from main; it runs once, whatever the order.
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

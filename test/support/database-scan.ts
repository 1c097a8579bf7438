import { sql } from 'kysely';
import type { Db } from '../../server/src/db/database.js';
import type { DatabaseKind } from './databases.js';

/** Every row of every table (the migrations' own bookkeeping too), read with plain SQL, not the repositories. */
export async function dumpDatabase(db: Db, kind: DatabaseKind): Promise<Map<string, Record<string, unknown>[]>> {
  const names = kind === 'sqlite'
    ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)
    : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const dump = new Map<string, Record<string, unknown>[]>();
  for (const { name } of names.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    dump.set(name, rows.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))));
  }
  return dump;
}

/** The tables where any column of any row contains `text` (case-insensitive), with the matching columns. */
export function tablesContaining(dump: Map<string, Record<string, unknown>[]>, text: string): string[] {
  const needle = text.toLowerCase();
  const found: string[] = [];
  for (const [table, rows] of dump) {
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value !== null && String(value).toLowerCase().includes(needle)) found.push(`${table}.${column}`);
      }
    }
  }
  return [...new Set(found)].sort();
}

/**
 * Everything recorded about one session, found generically: its row, then every row that holds the id of a row
 * already found, until nothing new turns up (participants, their consents, cases, their timelines, ...). Sorted,
 * so two readings compare equal exactly when nothing in them changed.
 */
export function recordsOf(dump: Map<string, Record<string, unknown>[]>, sessionId: string): Record<string, string[]> {
  const ids = new Set([sessionId]);
  const found = new Map<string, Set<string>>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [table, rows] of dump) {
      for (const row of rows) {
        if (!Object.values(row).some((v) => typeof v === 'string' && ids.has(v))) continue;
        const text = JSON.stringify(row);
        const seen = found.get(table) ?? new Set<string>();
        if (!seen.has(text)) {
          seen.add(text);
          found.set(table, seen);
          grew = true;
        }
        if (typeof row.id === 'string' && !ids.has(row.id)) ids.add(row.id);
      }
    }
  }
  return Object.fromEntries([...found].sort(([a], [b]) => a.localeCompare(b)).map(([t, rows]) => [t, [...rows].sort()]));
}

import type { Kysely } from 'kysely';

/**
 * Per-group support details set by facilitators: crisis resources (shown privately to a member who asks
 * for support), emergency contacts (facilitators only), and an optional on-call webhook (its secret is
 * write-only: never sent back to any client).
 */
const columns: [string, 'text' | 'integer'][] = [
  ['crisis_resources', 'text'],
  ['emergency_contacts', 'text'],
  ['oncall_webhook_url', 'text'],
  ['oncall_webhook_secret', 'text'],
  ['oncall_include_content', 'integer'],
  // Days support records (cases, their timelines and conversations, the backchannel) are kept after a
  // session ends; null means the default (90).
  ['records_retention_days', 'integer'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  for (const [name, type] of columns) await db.schema.alterTable('groups').addColumn(name, type).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of [...columns].reverse()) await db.schema.alterTable('groups').dropColumn(name).execute();
}

import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * [DS14] When the member of a case was brought into its conversation. A request the member raised
 * includes them from the start; a case a facilitator opened about them stays staff-only (null) until a
 * facilitator brings them in. Existing member-raised cases are backfilled with their raise time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('distress_alerts').addColumn('member_included_at', 'bigint').execute();
  await sql`update distress_alerts set member_included_at = raised_at where opened_by is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('distress_alerts').dropColumn('member_included_at').execute();
}

import { check, type ConsentEntry, type Rule, type RuleSet } from '@hearth/shared';
import Type from 'typebox';
import type { Db } from '../../db/index.js';
import { newId } from '../../lib/index.js';

const StoredRulesSchema = Type.Array(Type.Object({ id: Type.String(), text: Type.String() }));

type RuleSetRow = { group_id: string; version: number; confidentiality: string; rules_json: string; created_at: number };

function toRuleSet(row: RuleSetRow): RuleSet {
  const parsed: unknown = JSON.parse(row.rules_json);
  // The column is ours, but a bad row must fail loudly rather than show members a broken gate.
  if (!check(StoredRulesSchema, parsed)) throw new Error(`rule set ${row.group_id}/${row.version} is malformed`);
  return { groupId: row.group_id, version: Number(row.version), confidentiality: row.confidentiality, rules: parsed as Rule[], createdAt: Number(row.created_at) };
}

/**
 * Rule versions (append-only: a row is never updated) and consent records. Two saves racing for the same
 * next version collide on the primary key; the loser is told `conflict`.
 */
export function rulesRepository(db: Db) {
  const columns = ['group_id', 'version', 'confidentiality', 'rules_json', 'created_at'] as const;
  return {
    async current(groupId: string): Promise<RuleSet | null> {
      const row = await db.selectFrom('rule_sets').select(columns).where('group_id', '=', groupId).orderBy('version', 'desc').limit(1).executeTakeFirst();
      return row ? toRuleSet(row) : null;
    },

    async version(groupId: string, version: number): Promise<RuleSet | null> {
      const row = await db.selectFrom('rule_sets').select(columns).where('group_id', '=', groupId).where('version', '=', version).executeTakeFirst();
      return row ? toRuleSet(row) : null;
    },

    async versions(groupId: string): Promise<{ version: number; createdAt: number; ruleCount: number }[]> {
      const rows = await db.selectFrom('rule_sets').select(columns).where('group_id', '=', groupId).orderBy('version', 'desc').execute();
      return rows.map(toRuleSet).map((r) => ({ version: r.version, createdAt: r.createdAt, ruleCount: r.rules.length }));
    },

    /** Returns false if that version already exists (someone saved first). */
    async add(ruleSet: RuleSet, createdBy: string | null): Promise<boolean> {
      try {
        await db
          .insertInto('rule_sets')
          .values({
            group_id: ruleSet.groupId,
            version: ruleSet.version,
            confidentiality: ruleSet.confidentiality,
            rules_json: JSON.stringify(ruleSet.rules),
            created_by: createdBy,
            created_at: ruleSet.createdAt,
          })
          .execute();
        return true;
      } catch (err) {
        if (await db.selectFrom('rule_sets').select('version').where('group_id', '=', ruleSet.groupId).where('version', '=', ruleSet.version).executeTakeFirst()) return false;
        throw err;
      }
    },

    async recordConsent(c: { participantId: string; inviteId: string | null; groupId: string; version: number }, now: number): Promise<void> {
      await db
        .insertInto('rule_consents')
        .values({ id: newId(), participant_id: c.participantId, invite_id: c.inviteId, group_id: c.groupId, version: c.version, consented_at: now })
        .execute();
    },

    /** The newest version this participant agreed to for the group, if any. */
    async consentedVersion(participantId: string, groupId: string): Promise<number | null> {
      const row = await db
        .selectFrom('rule_consents')
        .select((eb) => eb.fn.max('version').as('version'))
        .where('participant_id', '=', participantId)
        .where('group_id', '=', groupId)
        .executeTakeFirst();
      return row?.version === null || row?.version === undefined ? null : Number(row.version);
    },

    /** Facilitators see who in a session has agreed, to which version and when (latest per person). */
    async consentsForSession(sessionId: string, groupId: string): Promise<ConsentEntry[]> {
      const rows = await db
        .selectFrom('rule_consents as c')
        .innerJoin('participants as p', 'p.id', 'c.participant_id')
        .select(['p.id', 'p.display_name', 'c.version', 'c.consented_at'])
        .where('p.session_id', '=', sessionId)
        .where('c.group_id', '=', groupId)
        .orderBy('c.consented_at')
        .execute();
      const latest = new Map<string, ConsentEntry>();
      for (const row of rows) {
        const entry = { participantId: row.id, displayName: row.display_name, version: Number(row.version), consentedAt: Number(row.consented_at) };
        const seen = latest.get(row.id);
        if (!seen || seen.version <= entry.version) latest.set(row.id, entry);
      }
      return [...latest.values()];
    },
  };
}
export type RulesRepository = ReturnType<typeof rulesRepository>;

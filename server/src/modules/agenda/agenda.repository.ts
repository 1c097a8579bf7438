import { AgendaPhaseSchema, check, type AgendaPhase } from '@hearth/shared';
import Type from 'typebox';
import type { Db } from '../../db/index.js';

const StoredPhasesSchema = Type.Array(AgendaPhaseSchema);

/** A group's agenda, one row per group (saved whole; a group without a row uses the default phases). */
export function agendaRepository(db: Db) {
  return {
    async find(groupId: string): Promise<{ phases: AgendaPhase[]; updatedAt: number } | null> {
      const row = await db.selectFrom('group_agendas').select(['phases_json', 'updated_at']).where('group_id', '=', groupId).executeTakeFirst();
      if (!row) return null;
      const parsed: unknown = JSON.parse(row.phases_json);
      // The column is ours, but a bad row must fail loudly rather than show the room a broken agenda.
      if (!check(StoredPhasesSchema, parsed)) throw new Error(`agenda of group ${groupId} is malformed`);
      return { phases: parsed as AgendaPhase[], updatedAt: Number(row.updated_at) };
    },

    async save(groupId: string, phases: AgendaPhase[], updatedBy: string | null, now: number): Promise<void> {
      const values = { phases_json: JSON.stringify(phases), updated_by: updatedBy, updated_at: now };
      await db
        .insertInto('group_agendas')
        .values({ group_id: groupId, ...values })
        .onConflict((oc) => oc.column('group_id').doUpdateSet(values))
        .execute();
    },
  };
}
export type AgendaRepository = ReturnType<typeof agendaRepository>;

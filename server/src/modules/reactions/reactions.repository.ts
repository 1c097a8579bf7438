import type { Db } from '../../db/index.js';

/** [RX3] The one thing about reactions that is stored: the group's on/off setting (migration 016). */
export function reactionsRepository(db: Db) {
  return {
    /** On unless the group turned reactions off (null, for groups from before the setting, is on). */
    async enabled(sessionId: string): Promise<boolean> {
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('groups as g', 'g.id', 's.group_id')
        .select('g.reactions_enabled')
        .where('s.id', '=', sessionId)
        .executeTakeFirst();
      return row !== undefined && row.reactions_enabled !== 0;
    },

    async setEnabled(sessionId: string, enabled: boolean): Promise<void> {
      await db
        .updateTable('groups')
        .set({ reactions_enabled: enabled ? 1 : 0 })
        .where('id', '=', db.selectFrom('sessions').select('group_id').where('id', '=', sessionId))
        .execute();
    },
  };
}
export type ReactionsRepository = ReturnType<typeof reactionsRepository>;

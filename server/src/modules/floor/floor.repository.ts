import { randomUUID } from 'node:crypto';
import { DefaultNudgeWording, type NudgeWording, type RoundKind } from '@hearth/shared';
import type { Db } from '../../db/index.js';

/**
 * What the floor keeps beyond the live session (migration 008): rounds held and turns given, as counts
 * for the facilitator's summary with no person attached, and each group's nudge wording.
 */
export function floorRepository(db: Db) {
  return {
    async recordRoundStarted(round: { id: string; sessionId: string; kind: RoundKind; startedAt: number }): Promise<void> {
      await db.insertInto('floor_rounds').values({ id: round.id, session_id: round.sessionId, kind: round.kind, started_at: round.startedAt, ended_at: null }).execute();
    },

    async recordRoundEnded(roundId: string, endedAt: number): Promise<void> {
      await db.updateTable('floor_rounds').set({ ended_at: endedAt }).where('id', '=', roundId).where('ended_at', 'is', null).execute();
    },

    async recordTurnGiven(sessionId: string, roundId: string | null, givenAt: number): Promise<void> {
      await db.insertInto('floor_turns').values({ id: randomUUID(), session_id: sessionId, round_id: roundId, given_at: givenAt }).execute();
    },

    /** How many go-rounds were started in the session (read by the session summary). */
    async countRoundsHeld(sessionId: string): Promise<number> {
      const row = await db.selectFrom('floor_rounds').select((eb) => eb.fn.countAll().as('n')).where('session_id', '=', sessionId).executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** How many turns were offered in the session: the floor given from the queue, and each turn in a round. */
    async countTurnsGiven(sessionId: string): Promise<number> {
      const row = await db.selectFrom('floor_turns').select((eb) => eb.fn.countAll().as('n')).where('session_id', '=', sessionId).executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** The group's nudge wording, or the defaults if it never saved one. */
    async findWording(groupId: string): Promise<NudgeWording> {
      const row = await db.selectFrom('group_nudge_wordings').select(['make_space', 'invite']).where('group_id', '=', groupId).executeTakeFirst();
      return row ? { makeSpace: row.make_space, invite: row.invite } : { ...DefaultNudgeWording };
    },

    async saveWording(groupId: string, wording: NudgeWording, now: number): Promise<void> {
      const values = { make_space: wording.makeSpace, invite: wording.invite, updated_at: now };
      await db.insertInto('group_nudge_wordings').values({ group_id: groupId, ...values }).onConflict((oc) => oc.column('group_id').doUpdateSet(values)).execute();
    },
  };
}
export type FloorRepository = ReturnType<typeof floorRepository>;

import type { Db } from '../../db/index.js';

/** What the LiveKit module reads from Hearth's records: who must never be in a session's media room. */
export function livekitRepository(db: Db) {
  return {
    /** Of `participantIds`, those removed or banned from `sessionId` (the SFU must not keep them). */
    async refusedAmong(sessionId: string, participantIds: readonly string[]): Promise<Set<string>> {
      if (participantIds.length === 0) return new Set();
      const removed = await db
        .selectFrom('participants')
        .select('id')
        .where('session_id', '=', sessionId)
        .where('id', 'in', [...participantIds])
        .where('removed_at', 'is not', null)
        .execute();
      const banned = await db
        .selectFrom('participant_bans')
        .select('participant_id as id')
        .where('session_id', '=', sessionId)
        .where('participant_id', 'in', [...participantIds])
        .execute();
      return new Set([...removed, ...banned].map((row) => row.id));
    },
  };
}

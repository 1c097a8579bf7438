import type { PrivateMessage } from '@hearth/shared';
import type { Db } from '../../db/index.js';
import { newId } from '../../lib/index.js';

export type Channel = { kind: 'case'; alertId: string } | { kind: 'backchannel' };

/** Private messages of one session, by channel; senders' names and roles come from the participants table. */
export function messagesRepository(db: Db) {
  function query(sessionId: string, channel: Channel) {
    let q = db
      .selectFrom('private_messages as m')
      .innerJoin('participants as p', 'p.id', 'm.sender_participant_id')
      .select(['m.id', 'm.body', 'm.sent_at', 'p.id as sender_id', 'p.display_name', 'p.role'])
      .where('m.session_id', '=', sessionId)
      .where('m.channel', '=', channel.kind);
    if (channel.kind === 'case') q = q.where('m.alert_id', '=', channel.alertId);
    return q;
  }

  return {
    async add(sessionId: string, channel: Channel, senderId: string, body: string, now: number): Promise<PrivateMessage> {
      const id = newId();
      await db
        .insertInto('private_messages')
        .values({ id, session_id: sessionId, channel: channel.kind, alert_id: channel.kind === 'case' ? channel.alertId : null, sender_participant_id: senderId, body, sent_at: now })
        .execute();
      const row = await query(sessionId, channel).where('m.id', '=', id).executeTakeFirstOrThrow();
      return { id: row.id, from: { id: row.sender_id, displayName: row.display_name, role: row.role }, body: row.body, sentAt: row.sent_at };
    },

    /** Oldest first; `since` leaves out what was written before then (DS14: notes before a member was brought in). */
    async list(sessionId: string, channel: Channel, options: { since?: number; limit?: number } = {}): Promise<PrivateMessage[]> {
      let q = query(sessionId, channel);
      if (options.since !== undefined) q = q.where('m.sent_at', '>=', options.since);
      const rows = await q.orderBy('m.sent_at').orderBy('m.id').limit(options.limit ?? 500).execute();
      return rows.map((row) => ({ id: row.id, from: { id: row.sender_id, displayName: row.display_name, role: row.role }, body: row.body, sentAt: row.sent_at }));
    },
  };
}
export type MessagesRepository = ReturnType<typeof messagesRepository>;

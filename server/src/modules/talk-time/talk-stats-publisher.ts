import { Role, type TalkStats } from '@hearth/shared';
import { facilitators } from '../recipients/index.js';
import type { HearthServer } from '../../realtime/index.js';
import type { RoomRegistry } from '../rooms/index.js';
import type { StatsPublisher } from './talk-time.service.js';

/**
 * Who receives the live figures, decided from the room registry on every push:
 * - [TT6] `talk:stats` to facilitators and co-facilitators only: never members, never the hidden supervisor
 *   (the view exists for whoever leads the group in the moment, and fewer eyes on who talks keeps it a
 *   facilitation aid rather than surveillance);
 * - [TT7] `talk:own-share` to each member, with only their own figures, while the group allows it; one
 *   `{ own: null }` when it is turned off, so their meter disappears.
 */
export function talkStatsPublisher(io: HearthServer, rooms: RoomRegistry): StatsPublisher {
  const meteredSessions = new Set<string>();
  return { publish, forget: (sessionId) => meteredSessions.delete(sessionId) };

  function publish(sessionId: string, stats: TalkStats) {
    const wasMetered = meteredSessions.has(sessionId);
    if (stats.membersSeeOwnShare) meteredSessions.add(sessionId);
    else meteredSessions.delete(sessionId);
    // [TT6] The figures to facilitators only (recipients decides who they are).
    for (const connectionId of facilitators(rooms.list(sessionId))) io.to(connectionId).emit('talk:stats', stats);
    for (const { participant, connectionId } of rooms.list(sessionId)) {
      if (participant.role === Role.member) {
        const mine = stats.members.find((m) => m.participantId === participant.id);
        if (stats.membersSeeOwnShare && mine) io.to(connectionId).emit('talk:own-share', { own: { talkMs: mine.talkMs, share: mine.share, fairShare: mine.fairShare } });
        else if (wasMetered && !stats.membersSeeOwnShare) io.to(connectionId).emit('talk:own-share', { own: null });
      }
    }
  }
}

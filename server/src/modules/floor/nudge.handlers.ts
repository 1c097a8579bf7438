import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { fail, ok, Role, type NudgeWording } from '@hearth/shared';
import { onCommand } from '../../realtime/index.js';
import { onFloorCommand } from './floor-command.js';
import type { HearthServer, HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { raiseHand } from './floor-board.js';
import { publishHands } from './floor-events.js';

/**
 * Private nudges. Invariants, tested by id (docs/spec.md):
 * - [FL9] a nudge reaches only its recipient: the server takes them from its own records (the
 *   participant in the room) and emits to their connection alone; nobody else learns of it;
 * - [FL10] only the recipient answers, once; the answer goes only to the facilitator who sent it.
 *   Accepting an invitation raises their hand (the facilitator then offers the floor);
 * - [FL11] the wording is the group's (editable by facilitators, stored per group), or the defaults.
 * The text is never logged.
 */
export function registerNudgeHandlers(io: HearthServer, socket: HearthSocket, services: Pick<Services, 'floor' | 'floorRecords' | 'now' | 'rooms' | 'sessions' | 'talkTime'>, log: FastifyBaseLogger): void {
  const self = socket.data.identity;

  async function groupWording(): Promise<{ groupId: string; wording: NudgeWording } | null> {
    const session = await services.sessions.find(self.sessionId);
    return session ? { groupId: session.groupId, wording: await services.floorRecords.findWording(session.groupId) } : null;
  }

  onFloorCommand(socket, log, services.floor, 'nudge:send', async ({ participantId, kind, text }) => {
    const target = services.rooms.get(self.sessionId, participantId);
    if (!target || target.participant.role === Role.supervisor) return fail('not_found', 'That person is not in the room.');
    if (participantId === self.participantId) return fail('not_allowed', 'A nudge is for someone else.');
    const wording = text ? null : await groupWording();
    const words = text ?? (kind === 'make_space' ? wording?.wording.makeSpace : wording?.wording.invite);
    if (!words) return fail('not_found', 'This session has no group.');
    const nudge = { id: randomUUID(), kind, recipientId: participantId, senderId: self.participantId };
    services.floor.of(self.sessionId).nudges.push(nudge);
    io.to(target.connectionId).emit('nudge:received', { nudgeId: nudge.id, kind, text: words, from: { id: self.participantId, displayName: self.displayName } });
    return ok({ nudgeId: nudge.id });
  });

  onFloorCommand(socket, log, services.floor, 'nudge:answer', ({ nudgeId, answer }) => {
    const floor = services.floor.peek(self.sessionId);
    const nudge = floor?.nudges.find((n) => n.id === nudgeId && n.recipientId === self.participantId);
    // Someone else's nudge is "not found": its existence is private too.
    if (!floor || !nudge) return fail('not_found', 'There is no such note for you.');
    floor.nudges = floor.nudges.filter((n) => n !== nudge);
    if (answer === 'accept' && nudge.kind === 'invite' && raiseHand(floor, self.participantId, services.now())) {
      publishHands(io, services, self.sessionId);
    }
    const sender = services.rooms.get(self.sessionId, nudge.senderId);
    if (sender) io.to(sender.connectionId).emit('nudge:answered', { nudgeId, participantId: self.participantId, kind: nudge.kind, answer });
    return ok({});
  });

  onCommand(socket, log, 'nudge:wording', async () => {
    const found = await groupWording();
    if (!found) return fail('not_found', 'This session has no group.');
    return ok({ wording: found.wording });
  });

  onCommand(socket, log, 'nudge:set-wording', async (wording) => {
    const found = await groupWording();
    if (!found) return fail('not_found', 'This session has no group.');
    await services.floorRecords.saveWording(found.groupId, wording, services.now());
    return ok({ wording });
  });
}

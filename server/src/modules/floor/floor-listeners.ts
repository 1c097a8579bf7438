import type { FastifyBaseLogger } from 'fastify';
import type { HearthServer } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { lowerHand } from './floor-board.js';
import { applyRoundStep } from './floor-control.js';
import { publishFloor, publishHands } from './floor-events.js';
import { withoutParticipant } from './round-state.js';

/**
 * [FL12] Someone's place in the room ended: their hand goes down, the floor is free if it was theirs, they
 * leave the round, their unanswered nudges are dropped. When the room is empty (the last person left, or the
 * session ended), the session's floor is cleared. A participant replaced by their own new tab stays.
 */
export function floorOnDeparture(io: HearthServer, services: Pick<Services, 'asides' | 'floor' | 'floorRecords' | 'mediaGateway' | 'now' | 'rooms' | 'talkTime'>, log: FastifyBaseLogger): () => void {
  return services.rooms.onDeparture((sessionId, participantId) => {
    if (services.rooms.get(sessionId, participantId)) return;
    void services.floor.serialize(sessionId, () => departed(io, services, sessionId, participantId, log)).catch((err: unknown) => log.error({ err, sessionId }, 'clearing the floor failed'));
  });
}

async function departed(io: HearthServer, services: Pick<Services, 'asides' | 'floor' | 'floorRecords' | 'mediaGateway' | 'now' | 'rooms' | 'talkTime'>, sessionId: string, participantId: string, log: FastifyBaseLogger): Promise<void> {
  const floor = services.floor.peek(sessionId);
  if (!floor) return;
  if (services.rooms.list(sessionId).length === 0) {
    services.floor.clear(sessionId);
    if (floor.round) await services.floorRecords.recordRoundEnded(floor.round.id, services.now());
    return;
  }
  floor.nudges = floor.nudges.filter((n) => n.recipientId !== participantId);
  if (lowerHand(floor, participantId)) publishHands(io, services, sessionId);
  if (floor.round) {
    const step = withoutParticipant(floor.round, participantId, services.now());
    if (step.ok) await applyRoundStep(io, services, sessionId, step, log);
    return;
  }
  if (floor.holderId === participantId) {
    floor.holderId = null;
    publishFloor(io, services, sessionId);
  }
}

/** [FL4] A hand lowers itself when its owner starts speaking while holding the floor. */
export function lowerHandsOnSpeaking(io: HearthServer, services: Pick<Services, 'asides' | 'floor' | 'floorRecords' | 'mediaGateway' | 'now' | 'rooms' | 'talkTime'>): () => void {
  return services.talkTime.onSpeakingStarted((sessionId, participantId) => {
    // Read from the mirror first, so a speaker without a hand up costs no shared step.
    if (!services.floor.peek(sessionId)?.hands.some((h) => h.participantId === participantId)) return;
    void services.floor
      .serialize(sessionId, () => {
        const floor = services.floor.peek(sessionId);
        if (!floor || floor.holderId !== participantId || !lowerHand(floor, participantId)) return;
        publishHands(io, services, sessionId, [{ participantId, reason: 'spoke' }]);
      })
      // Redis away: the hand stays up, and its owner or a facilitator lowers it.
      .catch(() => undefined);
  });
}

import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { fail, isFacilitatorRole, ok, orderHands, Role } from '@hearth/shared';
import { onFloorCommand } from './floor-command.js';
import type { HearthServer, HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { applyRoundStep, endRound, enforceFloor } from './floor-control.js';
import { floorState, publishFloor } from './floor-events.js';
import { finishTurn, passTurn, reorderRound, roundSpeakers, skipTurn, startRound, type RoundStep } from './round-state.js';

/**
 * Go-rounds (check-in, check-out, other). The round itself is pure (round-state.ts); these handlers
 * only check who may act, apply the step, record what the summary counts and tell the room.
 * - [FL6] only the current speaker passes or finishes their own turn; a facilitator may also move on;
 * - [FL7] only facilitators start, skip, reorder and end;
 * - [FL8] the turn timer is soft: nothing mutes when it runs out. Floor control is the facilitator's
 *   explicit choice at the start, and ends with the round.
 */
export function registerRoundHandlers(io: HearthServer, socket: HearthSocket, services: Pick<Services, 'asides' | 'floor' | 'floorRecords' | 'mediaGateway' | 'now' | 'rooms' | 'talkTime'>, log: FastifyBaseLogger): void {
  const self = socket.data.identity;
  const answer = () => ok({ floor: floorState(services.floor.peek(self.sessionId), services.now()) });

  async function step(next: RoundStep) {
    if (!next.ok) return fail(next.code, next.message);
    await applyRoundStep(io, services, self.sessionId, next, log);
    return answer();
  }

  onFloorCommand(socket, log, services.floor, 'round:start', async (payload) => {
    const floor = services.floor.of(self.sessionId);
    if (floor.round) return fail('conflict', 'A round is already running.');
    const now = services.now();
    const members = services.rooms.list(self.sessionId).map((p) => p.participant).filter((p) => p.role === Role.member).sort((a, b) => a.joinedAt - b.joinedAt);
    const spoken = services.talkTime.spokenMsByParticipant(self.sessionId);
    const queue = orderHands(floor.hands.map((h) => ({ ...h, spokenMs: spoken.get(h.participantId) ?? 0 })), floor.order, now).map((o) => o.hand.participantId);
    const speakers = roundSpeakers(payload.order, members.map((m) => m.id), queue, Math.random);
    const id = randomUUID();
    const started = startRound({ id, kind: payload.kind, prompt: payload.prompt ?? null, floorControl: payload.floorControl, turnSeconds: payload.turnSeconds ?? null }, speakers, now);
    if (!started.ok) return fail(started.code, started.message);
    // Stored before anyone is told, so the summary's count never misses a round the room saw.
    await services.floorRecords.recordRoundStarted({ id, sessionId: self.sessionId, kind: payload.kind, startedAt: now });
    await services.floorRecords.recordTurnGiven(self.sessionId, id, now);
    floor.round = started.round;
    floor.holderId = started.round.currentId;
    if (payload.floorControl) {
      floor.floorControl = true;
      floor.controlBy = { id: self.participantId, displayName: self.displayName };
    }
    await enforceFloor(io, services, self.sessionId, log);
    publishFloor(io, services, self.sessionId);
    return answer();
  });

  onFloorCommand(socket, log, services.floor, 'round:pass', async () => {
    const round = services.floor.peek(self.sessionId)?.round;
    if (!round) return fail('not_found', 'No round is running.');
    if (round.currentId !== self.participantId) return fail('not_allowed', 'You can pass when it is your turn.');
    return step(passTurn(round, services.now()));
  });

  onFloorCommand(socket, log, services.floor, 'round:done', async () => {
    const round = services.floor.peek(self.sessionId)?.round;
    if (!round) return fail('not_found', 'No round is running.');
    if (round.currentId !== self.participantId && !isFacilitatorRole(self.role)) return fail('not_allowed', 'It is not your turn.');
    return step(finishTurn(round, services.now()));
  });

  onFloorCommand(socket, log, services.floor, 'round:skip', async () => {
    const round = services.floor.peek(self.sessionId)?.round;
    if (!round) return fail('not_found', 'No round is running.');
    return step(skipTurn(round, services.now()));
  });

  onFloorCommand(socket, log, services.floor, 'round:reorder', async ({ participantIds }) => {
    const round = services.floor.peek(self.sessionId)?.round;
    if (!round) return fail('not_found', 'No round is running.');
    return step(reorderRound(round, participantIds));
  });

  onFloorCommand(socket, log, services.floor, 'round:end', async () => {
    const round = services.floor.peek(self.sessionId)?.round;
    if (!round) return fail('not_found', 'No round is running.');
    await endRound(services, self.sessionId, round, log);
    publishFloor(io, services, self.sessionId);
    return answer();
  });
}

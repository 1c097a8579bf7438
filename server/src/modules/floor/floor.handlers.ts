import type { FastifyBaseLogger } from 'fastify';
import { fail, isFacilitatorRole, ok, Role } from '@hearth/shared';
import { onFloorCommand } from './floor-command.js';
import type { HearthServer, HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { hasHand, lowerHand, raiseHand } from './floor-board.js';
import { enforceFloor, releaseFloorControl } from './floor-control.js';
import { floorState, handQueue, myHand, publishFloor, publishHands } from './floor-events.js';

/**
 * Hands and the floor. Invariants, tested by id (docs/spec.md):
 * - [FL1] anyone in the room (not the hidden supervisor) raises and lowers only their own hand;
 *   facilitators lower one or all, choose the order, give the floor and turn floor control on or off;
 * - [FL2] the queue reaches facilitators only; a member hears only of their own hand and place;
 * - [FL4] a hand lowers itself when its owner starts speaking while holding the floor;
 * - [FL5] floor control (floor-control.ts); [FL12] everything is cleared as people leave and the session ends.
 */
export function registerFloorHandlers(io: HearthServer, socket: HearthSocket, services: Pick<Services, 'asides' | 'floor' | 'floorRecords' | 'mediaGateway' | 'now' | 'rooms' | 'talkTime'>, log: FastifyBaseLogger): void {
  const self = socket.data.identity;

  onFloorCommand(socket, log, services.floor, 'hand:raise', () => {
    raiseHand(services.floor.of(self.sessionId), self.participantId, services.now());
    publishHands(io, services, self.sessionId);
    return ok({ hand: myHand(services, self.sessionId, self.participantId) });
  });

  onFloorCommand(socket, log, services.floor, 'hand:lower', () => {
    const floor = services.floor.peek(self.sessionId);
    if (floor && lowerHand(floor, self.participantId)) publishHands(io, services, self.sessionId);
    return ok({ hand: { raised: false, place: null, lowered: 'self' as const } });
  });

  onFloorCommand(socket, log, services.floor, 'hands:lower', ({ participantId }) => {
    const floor = services.floor.of(self.sessionId);
    const ids = participantId === undefined ? floor.hands.map((h) => h.participantId) : [participantId];
    if (participantId !== undefined && !hasHand(floor, participantId)) return fail('not_found', 'That hand is not up.');
    ids.forEach((id) => lowerHand(floor, id));
    publishHands(io, services, self.sessionId, ids.map((id) => ({ participantId: id, reason: 'facilitator' as const })));
    return ok({ queue: handQueue(services, self.sessionId, floor) });
  });

  onFloorCommand(socket, log, services.floor, 'hands:order', ({ order }) => {
    const floor = services.floor.of(self.sessionId);
    floor.order = order;
    publishHands(io, services, self.sessionId);
    return ok({ queue: handQueue(services, self.sessionId, floor) });
  });

  onFloorCommand(socket, log, services.floor, 'floor:give', async ({ participantId }) => {
    const floor = services.floor.of(self.sessionId);
    if (floor.round) return fail('conflict', 'A round is running: its turns decide who has the floor.');
    const target = services.rooms.get(self.sessionId, participantId);
    if (!target || target.participant.role === Role.supervisor) return fail('not_found', 'That person is not in the room.');
    floor.holderId = participantId;
    await services.floorRecords.recordTurnGiven(self.sessionId, null, services.now());
    await enforceFloor(io, services, self.sessionId, log);
    publishFloor(io, services, self.sessionId);
    return ok({ floor: floorState(floor, services.now()) });
  });

  // The holder hands the floor back, or a facilitator takes it back.
  onFloorCommand(socket, log, services.floor, 'floor:release', async () => {
    const floor = services.floor.of(self.sessionId);
    if (floor.round) return fail('conflict', 'A round is running: use the round\'s controls.');
    if (floor.holderId !== self.participantId && !isFacilitatorRole(self.role)) return fail('not_allowed', 'You do not hold the floor.');
    floor.holderId = null;
    await enforceFloor(io, services, self.sessionId, log);
    publishFloor(io, services, self.sessionId);
    return ok({ floor: floorState(floor, services.now()) });
  });

  onFloorCommand(socket, log, services.floor, 'floor:control', async ({ on }) => {
    const floor = services.floor.of(self.sessionId);
    if (on === floor.floorControl) return ok({ floor: floorState(floor, services.now()) });
    floor.floorControl = on;
    floor.controlBy = on ? { id: self.participantId, displayName: self.displayName } : null;
    if (on) await enforceFloor(io, services, self.sessionId, log);
    else await releaseFloorControl(services, self.sessionId, log);
    publishFloor(io, services, self.sessionId);
    return ok({ floor: floorState(floor, services.now()) });
  });
}

import type { FastifyBaseLogger } from 'fastify';
import { fail, Role, type Fail } from '@hearth/shared';
import type { HearthServer, HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { emitPresence } from '../rooms/index.js';
import { withFacilitatorMute } from '../rooms/index.js';
import { hasHand } from './floor-board.js';
import { deliverFloor, publishFloor, publishHands } from './floor-events.js';
import type { Round, RoundStep } from './round-state.js';

/**
 * Floor control: while it is on, only the member holding the floor may speak. [FL5]
 * - LiveKit mode: the SFU withdraws everyone else's right to publish audio (services.mediaGateway);
 * - mesh mode: the server mutes every other member exactly like a facilitator's mute (they are told, the
 *   room sees them muted, receivers stop playing them) and refuses their own unmute (rooms.handlers.ts).
 * [MD1] still holds: nobody is ever unmuted. When the turn passes, the next speaker is offered the floor
 * and turns their own microphone on; when control ends, everyone may again, and nobody's state changes.
 * A media server that refuses is logged (no names) and does not stop the room's own enforcement.
 */
export async function enforceFloor(io: HearthServer, services: Pick<Services, 'asides' | 'floor' | 'floorRecords' | 'mediaGateway' | 'now' | 'rooms' | 'talkTime'>, sessionId: string, log: FastifyBaseLogger): Promise<void> {
  const floor = services.floor.peek(sessionId);
  if (!floor?.floorControl) return;
  for (const presence of services.rooms.list(sessionId)) {
    const { participant } = presence;
    if (participant.role !== Role.member) continue;
    const allowed = participant.id === floor.holderId;
    await setMayPublish(services, sessionId, participant, allowed, log);
    if (allowed || !participant.audio || !floor.controlBy) continue;
    const muted = services.rooms.update(sessionId, participant.id, (p) => withFacilitatorMute(p, floor.controlBy!));
    if (!muted) continue;
    io.to(presence.connectionId).emit('moderation:muted', { by: floor.controlBy, floor: true });
    emitPresence(io, services.rooms, sessionId, muted, 'participant:updated', muted);
  }
}

/** Floor control ends: everyone may publish again (nobody is unmuted: they turn their own microphone on). */
export async function releaseFloorControl(services: Pick<Services, 'asides' | 'floor' | 'floorRecords' | 'mediaGateway' | 'now' | 'rooms' | 'talkTime'>, sessionId: string, log: FastifyBaseLogger): Promise<void> {
  for (const { participant } of services.rooms.list(sessionId)) {
    if (participant.role === Role.member) await setMayPublish(services, sessionId, participant, true, log);
  }
}

/** Applies a round's step: the next turn (recorded, floor enforced) or the end of the round; then tells the room. */
export async function applyRoundStep(io: HearthServer, services: Pick<Services, 'asides' | 'floor' | 'floorRecords' | 'mediaGateway' | 'now' | 'rooms' | 'talkTime'>, sessionId: string, step: Extract<RoundStep, { ok: true }>, log: FastifyBaseLogger): Promise<void> {
  const floor = services.floor.of(sessionId);
  const before = floor.round;
  if (step.ended) {
    await endRound(services, sessionId, step.round, log);
  } else {
    floor.round = step.round;
    floor.holderId = step.round.currentId;
    if (step.round.turnsGiven !== before?.turnsGiven) await services.floorRecords.recordTurnGiven(sessionId, step.round.id, services.now());
    await enforceFloor(io, services, sessionId, log);
  }
  publishFloor(io, services, sessionId);
}

/** The round is over (finished, ended by a facilitator, or nobody left): floor control it turned on ends with it. */
export async function endRound(services: Pick<Services, 'asides' | 'floor' | 'floorRecords' | 'mediaGateway' | 'now' | 'rooms' | 'talkTime'>, sessionId: string, round: Round, log: FastifyBaseLogger): Promise<void> {
  const floor = services.floor.of(sessionId);
  floor.round = null;
  floor.holderId = null;
  await services.floorRecords.recordRoundEnded(round.id, services.now());
  if (round.floorControl && floor.floorControl) {
    floor.floorControl = false;
    floor.controlBy = null;
    await releaseFloorControl(services, sessionId, log);
  }
}

async function setMayPublish(services: Pick<Services, 'asides' | 'floor' | 'floorRecords' | 'mediaGateway' | 'now' | 'rooms' | 'talkTime'>, sessionId: string, participant: { id: string; role: Role }, allowed: boolean, log: FastifyBaseLogger): Promise<void> {
  // [LR16] Someone in a pull-aside publishes nothing in the session room until it ends; the return applies
  // the floor rule then (aside-media.ts), so giving them the floor now must not give publishing back early.
  if (services.asides.of(sessionId, participant.id)) return;
  try {
    await services.mediaGateway.setMayPublishAudio(sessionId, participant, allowed);
  } catch (err) {
    log.error({ err, sessionId }, 'media server refused a floor-control change');
  }
}

/** After a (re)join: what the floor is, and (under floor control) a member arriving with audio on is muted. */
export async function welcomeToFloor(io: HearthServer, socket: HearthSocket, services: Pick<Services, 'asides' | 'floor' | 'floorRecords' | 'mediaGateway' | 'now' | 'rooms' | 'talkTime'>, log: FastifyBaseLogger): Promise<void> {
  await services.floor.serialize(socket.data.identity.sessionId, () => welcome(io, socket, services, log));
}

async function welcome(io: HearthServer, socket: HearthSocket, services: Pick<Services, 'asides' | 'floor' | 'floorRecords' | 'mediaGateway' | 'now' | 'rooms' | 'talkTime'>, log: FastifyBaseLogger): Promise<void> {
  deliverFloor(socket, services);
  // [RS4] A hand kept up across a restart: facilitators already back see it once its owner is here again.
  const { sessionId, participantId } = socket.data.identity;
  const floor = services.floor.peek(sessionId);
  if (floor && hasHand(floor, participantId)) publishHands(io, services, sessionId);
  await enforceFloor(io, services, socket.data.identity.sessionId, log);
}

/** [FL5] Under floor control, a member turns their microphone on only while holding the floor (asked by `media:state`). */
export function floorUnmuteRefusal(services: Pick<Services, 'asides' | 'floor' | 'floorRecords' | 'mediaGateway' | 'now' | 'rooms' | 'talkTime'>): (who: { sessionId: string; participantId: string; role: Role }) => Fail | undefined {
  return (who) => (services.floor.refusesUnmute(who.sessionId, who)
    ? fail('not_allowed', 'Only the person whose turn it is can speak right now. You can turn your microphone on when it is your turn.')
    : undefined);
}

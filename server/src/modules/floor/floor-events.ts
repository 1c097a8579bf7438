import { isFacilitatorRole, orderHands, type FloorState, type HandQueue, type MyHand } from '@hearth/shared';
import { sessionChannel, type HearthServer, type HearthSocket } from '../../realtime/index.js';
import type { Services } from '../../services.js';
import { facilitators } from '../recipients/index.js';
import type { SessionFloor } from './floor-board.js';
import { roundView } from './round-state.js';

/**
 * Who hears what of the floor. [FL2] The queue (every raised hand, with waiting and talk time) goes to
 * facilitators and co-facilitators only; each member hears only about their own hand and place
 * (`hand:mine`). [FL3] Who holds the floor and the round go to everyone in the room.
 */
export type LoweredReason = NonNullable<MyHand['lowered']>;

export function floorState(floor: SessionFloor | undefined, now: number): FloorState {
  if (!floor) return { holderId: null, floorControl: false, round: null };
  return { holderId: floor.holderId, floorControl: floor.floorControl, round: floor.round ? roundView(floor.round, now) : null };
}

export function handQueue(services: Pick<Services, 'floor' | 'now' | 'rooms' | 'talkTime'>, sessionId: string, floor: SessionFloor | undefined): HandQueue {
  if (!floor) return { order: 'first_come', hands: [] };
  const now = services.now();
  const spoken = services.talkTime.spokenMsByParticipant(sessionId);
  const hands = floor.hands.flatMap((h) => {
    const presence = services.rooms.get(sessionId, h.participantId);
    if (!presence) return [];
    return [{ participantId: h.participantId, displayName: presence.participant.displayName, waitedMs: Math.max(0, now - h.raisedAt), spokenMs: Math.round(spoken.get(h.participantId) ?? 0) }];
  });
  return { order: floor.order, hands };
}

/** Each hand owner's place under the facilitator's chosen order (1 = next). */
export function places(services: Pick<Services, 'floor' | 'now' | 'rooms' | 'talkTime'>, sessionId: string, floor: SessionFloor): Map<string, number> {
  const spoken = services.talkTime.spokenMsByParticipant(sessionId);
  const ordered = orderHands(floor.hands.map((h) => ({ ...h, spokenMs: spoken.get(h.participantId) ?? 0 })), floor.order, services.now());
  return new Map(ordered.map((o) => [o.hand.participantId, o.place]));
}

export function myHand(services: Pick<Services, 'floor' | 'now' | 'rooms' | 'talkTime'>, sessionId: string, participantId: string): MyHand {
  const floor = services.floor.peek(sessionId);
  const place = floor ? places(services, sessionId, floor).get(participantId) : undefined;
  return { raised: place !== undefined, place: place ?? null };
}

export function publishFloor(io: HearthServer, services: Pick<Services, 'floor' | 'now' | 'rooms' | 'talkTime'>, sessionId: string): void {
  io.to(sessionChannel(sessionId)).emit('floor:state', floorState(services.floor.peek(sessionId), services.now()));
}

/** The queue to facilitators, each owner's place to them alone, and "lowered" to whoever just lost theirs. */
export function publishHands(io: HearthServer, services: Pick<Services, 'floor' | 'now' | 'rooms' | 'talkTime'>, sessionId: string, lowered: { participantId: string; reason: LoweredReason }[] = []): void {
  const floor = services.floor.peek(sessionId);
  const queue = handQueue(services, sessionId, floor);
  const placeOf = floor ? places(services, sessionId, floor) : new Map<string, number>();
  // [FL2] The queue to facilitators only (recipients decides who they are).
  for (const connectionId of facilitators(services.rooms.list(sessionId))) io.to(connectionId).emit('floor:queue', queue);
  for (const presence of services.rooms.list(sessionId)) {
    const { id } = presence.participant;
    const to = io.to(presence.connectionId);
    const place = placeOf.get(id);
    // Only a change to their own place is news: a repeat would tell them someone else's hand moved.
    if (place !== undefined && floor?.toldPlaces.get(id) !== place) {
      floor?.toldPlaces.set(id, place);
      to.emit('hand:mine', { raised: true, place });
    }
    const down = lowered.find((l) => l.participantId === id);
    if (down && place === undefined) to.emit('hand:mine', { raised: false, place: null, lowered: down.reason });
  }
  for (const id of floor?.toldPlaces.keys() ?? []) if (!placeOf.has(id)) floor?.toldPlaces.delete(id);
}

/**
 * After a (re)join (sent after the join ack), if anything happened on the floor yet: the floor, the queue for
 * facilitators, their own hand if it is up. A session nobody has used the floor in sends nothing, so joining
 * stays quiet; the client forgets the floor whenever it leaves the room (use-floor.ts).
 */
export function deliverFloor(socket: HearthSocket, services: Pick<Services, 'floor' | 'now' | 'rooms' | 'talkTime'>): void {
  const { sessionId, participantId, role } = socket.data.identity;
  const floor = services.floor.peek(sessionId);
  if (!floor) return;
  socket.emit('floor:state', floorState(floor, services.now()));
  if (isFacilitatorRole(role)) socket.emit('floor:queue', handQueue(services, sessionId, floor));
  const mine = myHand(services, sessionId, participantId);
  if (mine.place === null) return;
  floor.toldPlaces.set(participantId, mine.place);
  socket.emit('hand:mine', mine);
}

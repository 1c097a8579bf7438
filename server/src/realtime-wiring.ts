import type { FastifyBaseLogger } from 'fastify';
import { endAsidesOnDeparture } from './modules/aside/aside-events.js';
import { registerAsideHandlers } from './modules/aside/aside.handlers.js';
import { registerChatHandlers } from './modules/chat/chat.handlers.js';
import { registerAgendaHandlers } from './modules/agenda/agenda.handlers.js';
import { registerConversationHandlers } from './modules/conversations/conversations.handlers.js';
import { registerDistressHandlers } from './modules/distress/distress.handlers.js';
import { floorOnDeparture, lowerHandsOnSpeaking } from './modules/floor/floor-listeners.js';
import { registerFloorHandlers } from './modules/floor/floor.handlers.js';
import { registerNudgeHandlers } from './modules/floor/nudge.handlers.js';
import { registerRoundHandlers } from './modules/floor/round.handlers.js';
import { registerModerationSetHandlers } from './modules/moderation/moderation-set.handlers.js';
import { registerModerationHandlers } from './modules/moderation/moderation.handlers.js';
import { identifyParticipant } from './modules/participants/identify.js';
import { registerRoomHandlers } from './modules/rooms/rooms.handlers.js';
import type { JoinPipeline } from './modules/rooms/join-pipeline.js';
import { staffNameGate, standingGate } from './modules/participants/join-gates.js';
import { consentJoinGate } from './modules/rules/consent-gate.js';
import { admissionJoinGate } from './modules/waiting-room/admission-gate.js';
import { livekitMediaGate } from './modules/livekit/media-access.js';
import { deliverOpenAlerts } from './modules/distress/cases.js';
import { deliverAway } from './modules/aside/aside-events.js';
import { floorUnmuteRefusal, welcomeToFloor } from './modules/floor/floor-control.js';
import { deliverReactionSettings, registerReactionHandlers } from './modules/reactions/index.js';
import { registerRulesHandlers } from './modules/rules/rules.handlers.js';
import { registerTalkTimeHandlers } from './modules/talk-time/talk-time.handlers.js';
import { registerWaitingRoomHandlers } from './modules/waiting-room/waiting-room.handlers.js';
import { saveLiveState } from './live-state.js';
import type { RealtimeWiring } from './realtime/socket-server.js';
import type { HearthServer, HearthSocket } from './realtime/socket-types.js';
import type { Services } from './services.js';

/**
 * The composition root's half of the socket layer: which capability handles which commands, who listens
 * to the room registry's departures and talk time's speaking, and what a graceful stop does before and
 * after the connections drain. realtime/ receives this and so imports no capability.
 */
export function realtimeWiring(io: HearthServer, services: Services, log: FastifyBaseLogger): RealtimeWiring {
  type Register = (io: HearthServer, socket: HearthSocket, services: Services, log: FastifyBaseLogger) => void;
  const pipeline = joinPipeline(io, services, log);
  const registrations: Register[] = [
    (...args) => registerRoomHandlers(...args, pipeline),
    registerModerationHandlers,
    registerModerationSetHandlers,
    registerWaitingRoomHandlers,
    registerDistressHandlers,
    registerConversationHandlers,
    registerRulesHandlers,
    registerAgendaHandlers,
    registerAsideHandlers,
    registerFloorHandlers,
    registerRoundHandlers,
    registerNudgeHandlers,
    registerTalkTimeHandlers,
    registerChatHandlers,
    registerReactionHandlers,
  ];
  // Departure listeners in this order: asides end before the floor forgets the person.
  const stopListening = [endAsidesOnDeparture(io, services, log), floorOnDeparture(io, services, log), lowerHandsOnSpeaking(io, services)];
  services.reAlerts.start();
  return {
    identify: identifyParticipant(services),
    handlers: registrations.map((register) => (socket: HearthSocket) => register(io, socket, services, log)),
    async beforeDrain() {
      services.reAlerts.stop();
      stopListening.forEach((stop) => stop());
      services.talkTime.stop();
      // [RS4] Before any connection closes: departures would lower hands and take people out of the round.
      await saveLiveState(services).catch((err: unknown) => log.error({ err }, 'saving live state failed'));
    },
    afterDrain: () => services.signalling.closeAll(),
  };
}

/** `room:join`'s gates and the facts of a join, in the order rooms/join-pipeline.ts documents. */
function joinPipeline(io: HearthServer, services: Services, log: FastifyBaseLogger): JoinPipeline {
  return {
    standing: standingGate(services),
    consent: consentJoinGate(services),
    admission: admissionJoinGate(services),
    name: staffNameGate(services),
    media: livekitMediaGate(services),
    unmuteRefusal: floorUnmuteRefusal(services),
    joined: [
      { name: 'open alerts', listener: (socket) => deliverOpenAlerts(socket, services) },
      { name: 'who is away', listener: (socket) => deliverAway(socket, services) },
      { name: 'the floor', listener: (socket) => welcomeToFloor(io, socket, services, log) },
      { name: 'reactions setting', listener: (socket) => deliverReactionSettings(socket, services) },
    ],
  };
}

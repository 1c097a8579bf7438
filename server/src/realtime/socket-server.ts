import type { FastifyInstance } from 'fastify';
import { Server } from 'socket.io';
import { ClientCommands, fail } from '@hearth/shared';
import { endAsidesOnDeparture, registerAsideHandlers } from '../modules/aside/aside.handlers.js';
import { registerConversationHandlers } from '../modules/conversations/conversations.handlers.js';
import { registerDistressHandlers } from '../modules/distress/distress.handlers.js';
import { ReAlertScheduler } from '../modules/distress/re-alert-scheduler.js';
import { registerModerationHandlers } from '../modules/moderation/moderation.handlers.js';
import { registerModerationSetHandlers } from '../modules/moderation/moderation-set.handlers.js';
import { registerWaitingRoomHandlers } from '../modules/waiting-room/waiting-room.handlers.js';
import { registerRoomHandlers } from '../modules/rooms/rooms.handlers.js';
import { registerRulesHandlers } from '../modules/rules/rules.handlers.js';
import { registerAgendaHandlers } from '../modules/agenda/agenda.handlers.js';
import { floorOnDeparture, lowerHandsOnSpeaking, registerFloorHandlers } from '../modules/floor/floor.handlers.js';
import { registerNudgeHandlers } from '../modules/floor/nudge.handlers.js';
import { registerRoundHandlers } from '../modules/floor/round.handlers.js';
import { registerTalkTimeHandlers, talkStatsPublisher } from '../modules/talk-time/talk-time.handlers.js';
import type { Services } from '../services.js';
import { ackOf } from './command.js';
import { drainConnections } from './drain.js';
import { saveLiveState } from './live-state.js';
import { handshake } from './handshake.js';
import { socketRoomControl } from './room-control.js';
import { participantChannel, type HearthServer } from './socket-types.js';

/**
 * Attaches socket.io to Fastify's HTTP server (fastify-socket.io supports only Fastify 4) and closes
 * it with the app. Payload size is capped well above any legitimate command.
 */
export function attachRealtime(app: FastifyInstance, services: Services): HearthServer {
  const io: HearthServer = new Server(app.server, { path: '/socket.io', serveClient: false, maxHttpBufferSize: 64 * 1024 });
  const log = app.log.child({ module: 'realtime' });
  io.engine.on('hearth:error', (err: unknown) => log.error({ err }, 'handshake failed'));
  io.use(handshake(services));
  io.on('connection', (socket) => {
    void socket.join(participantChannel(socket.data.identity.participantId));
    registerRoomHandlers(io, socket, services, log);
    registerModerationHandlers(io, socket, services, log);
    registerModerationSetHandlers(io, socket, services, log);
    registerWaitingRoomHandlers(io, socket, services, log);
    registerDistressHandlers(io, socket, services, log);
    registerConversationHandlers(io, socket, services, log);
    registerRulesHandlers(io, socket, services, log);
    registerAgendaHandlers(io, socket, services, log);
    registerAsideHandlers(io, socket, services, log);
    registerFloorHandlers(io, socket, services, log);
    registerRoundHandlers(io, socket, services, log);
    registerNudgeHandlers(io, socket, services, log);
    registerTalkTimeHandlers(io, socket, services, log);
    socket.onAny((event: string, ...args: unknown[]) => {
      // Own keys only: `in` also finds `toString`, `constructor`, `__proto__`, which would go unanswered (PV2).
      if (Object.hasOwn(ClientCommands, event)) return;
      ackOf(args)?.(fail('invalid_payload', `Unknown event "${event.slice(0, 40)}".`));
    });
  });
  const stopEndingAsides = endAsidesOnDeparture(io, services);
  services.roomControl = socketRoomControl(io, services);
  services.talkTime.setPublisher(talkStatsPublisher(io, services));
  services.reAlerts = new ReAlertScheduler(io, services, log, services.config.distressReAlertSeconds * 1000);
  services.reAlerts.start();
  // After services are complete, so the real talk-time source (not a placeholder) is the one heard.
  const stopFloorListeners = [floorOnDeparture(io, services, log), lowerHandsOnSpeaking(io, services)];
  app.addHook('preClose', async () => {
    services.reAlerts?.stop();
    stopEndingAsides();
    stopFloorListeners.forEach((stop) => stop());
    services.talkTime.stop();
    // [RS4] Before any connection closes: departures would lower hands and take people out of the round.
    await saveLiveState(services).catch((err: unknown) => log.error({ err }, 'saving live state failed'));
    // [RS1] Clients reconnect by themselves; `disconnectSockets(true)` would end the room for everyone.
    await drainConnections(io);
    services.signalling.closeAll();
    await io.close();
  });
  return io;
}

import type { FastifyInstance } from 'fastify';
import { Server } from 'socket.io';
import { ClientCommands, fail } from '@hearth/shared';
import { endAsidesOnDeparture, registerAsideHandlers } from '../modules/aside/aside.handlers.js';
import { registerConversationHandlers } from '../modules/conversations/conversations.handlers.js';
import { registerDistressHandlers } from '../modules/distress/distress.handlers.js';
import { ReAlertScheduler } from '../modules/distress/re-alert-scheduler.js';
import { registerModerationHandlers } from '../modules/moderation/moderation.handlers.js';
import { registerRoomHandlers } from '../modules/rooms/rooms.handlers.js';
import { registerRulesHandlers } from '../modules/rules/rules.handlers.js';
import { registerAgendaHandlers } from '../modules/agenda/agenda.handlers.js';
import type { Services } from '../services.js';
import { ackOf } from './command.js';
import { handshake } from './handshake.js';
import { socketRoomControl } from './room-control.js';
import type { HearthServer } from './socket-types.js';

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
    registerRoomHandlers(io, socket, services, log);
    registerModerationHandlers(io, socket, services, log);
    registerDistressHandlers(io, socket, services, log);
    registerConversationHandlers(io, socket, services, log);
    registerRulesHandlers(io, socket, services, log);
    registerAgendaHandlers(io, socket, services, log);
    registerAsideHandlers(io, socket, services, log);
    socket.onAny((event: string, ...args: unknown[]) => {
      if (event in ClientCommands) return;
      ackOf(args)?.(fail('invalid_payload', `Unknown event "${event.slice(0, 40)}".`));
    });
  });
  const stopEndingAsides = endAsidesOnDeparture(io, services);
  services.roomControl = socketRoomControl(io, services);
  services.reAlerts = new ReAlertScheduler(io, services, log, services.config.distressReAlertSeconds * 1000);
  services.reAlerts.start();
  app.addHook('preClose', async () => {
    services.reAlerts?.stop();
    stopEndingAsides();
    io.disconnectSockets(true);
    await io.close();
  });
  return io;
}

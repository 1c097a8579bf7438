import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { HttpRoutes, SignalCloseCode, SignalLimits } from '@hearth/shared';
import { fromTable, sendError } from '../../lib/index.js';
import type { Services } from '../../services.js';

/**
 * The mesh's signalling endpoint: a WebSocket bound to one admitted participant by a single-use ticket.
 *
 * @fastify/websocket and socket.io both listen for HTTP upgrades on the same server, and the plugin
 * answers every upgrade it cannot route with a 404, killing socket.io's WebSocket. So the plugin gets
 * its own upgrade source that only sees requests for the signalling path.
 */
export async function signallingRoutes(app: FastifyInstance, opts: { services: Services }) {
  const signalUpgrades = new EventEmitter();
  app.server.on('upgrade', (request, socket, head) => {
    if (request.url?.split('?')[0] === HttpRoutes.signal.path) signalUpgrades.emit('upgrade', request, socket, head);
  });
  await app.register(websocket, {
    // [SG4] ws refuses a bigger frame before reading it in full and closes with 1009 (SignalCloseCode.tooBig).
    options: { maxPayload: SignalLimits.frameBytes, server: signalUpgrades as unknown as Server },
    errorHandler: (error, socket, request) => {
      // ws has already sent its close frame for an oversize frame: let it go out (the plugin's default
      // handler terminates the socket at once, and the sender would see 1006 instead of 1009).
      const code = (error as { code?: unknown }).code;
      if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        request.log.warn({ code: SignalCloseCode.tooBig }, 'signalling frame too big; socket closed');
        return;
      }
      // The logger's err serializer keeps the kind only (server/src/lib/logger-options.ts).
      request.log.warn({ err: error }, 'signalling socket error');
      socket.terminate();
    },
  });

  app.route({
    ...fromTable(HttpRoutes.signal),
    // A plain request (no upgrade) gets a typed refusal rather than the plugin's empty 404.
    handler: async (_request, reply) => sendError(reply, 'not_found', 'Open this address as a WebSocket with a signalling ticket.'),
    wsHandler: (socket, request) => {
      const query = request.query as Record<string, unknown>;
      const ticket = typeof query.ticket === 'string' ? query.ticket : '';
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(ticket)) {
        socket.close(SignalCloseCode.badTicket, 'ticket not valid');
        return;
      }
      opts.services.signalling.connect(socket, ticket);
    },
  });
}

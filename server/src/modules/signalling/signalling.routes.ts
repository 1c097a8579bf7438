import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { ApiRoutes, SignalCloseCode } from '@hearth/shared';
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
    if (request.url?.split('?')[0] === ApiRoutes.signal) signalUpgrades.emit('upgrade', request, socket, head);
  });
  await app.register(websocket, { options: { maxPayload: 256 * 1024, server: signalUpgrades as unknown as Server } });

  app.get(ApiRoutes.signal, { websocket: true }, (socket, request) => {
    const query = request.query as Record<string, unknown>;
    const ticket = typeof query.ticket === 'string' ? query.ticket : '';
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(ticket)) {
      socket.close(SignalCloseCode.badTicket, 'ticket not valid');
      return;
    }
    opts.services.signalling.connect(socket, ticket);
  });
}

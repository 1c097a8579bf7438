import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { ApiRoutes, SignalCloseCode } from '@hearth/shared';
import type { Services } from '../../services.js';

/** The mesh's signalling endpoint: a WebSocket bound to one admitted participant by a single-use ticket. */
export async function signallingRoutes(app: FastifyInstance, opts: { services: Services }) {
  await app.register(websocket, { options: { maxPayload: 256 * 1024 } });
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

import type { Server as HttpServer } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { ClientCommands, fail } from '@hearth/shared';
import { ackOf } from './command.js';
import { drainConnections } from './drain.js';
import { handshake, type Identify } from './handshake.js';
import { connectionsChannel, participantChannel, type HearthServer, type HearthSocket } from './socket-types.js';

/**
 * The socket.io layer knows the protocol and nothing of the capabilities: the composition root
 * (server/src/realtime-wiring.ts) hands it how to identify a connection and which handlers each
 * connection gets, so realtime depends on no module above it.
 */
export interface RealtimeWiring {
  /** Who a handshake's credential belongs to, or why it admits nobody. */
  identify: Identify;
  /** Registers one capability's commands on a new connection, in order. */
  handlers: readonly ((socket: HearthSocket) => void)[];
  /** Runs at a graceful stop before any connection closes (listeners off, live state saved). */
  beforeDrain: () => Promise<void>;
  /** Runs once every socket.io connection is closed, before socket.io itself closes. */
  afterDrain: () => void;
}

/**
 * socket.io on Fastify's HTTP server (fastify-socket.io supports only Fastify 4), created before the
 * services so that everything which emits is built with it. Payload size is capped well above any
 * legitimate command.
 *
 * [ND1] With a shared Redis (several nodes), rooms span the nodes through the Redis Streams adapter, and
 * connection-state recovery lets a client that lost its connection, or was told to move, get what was
 * sent to it meanwhile from whichever node it reaches next. The handshake still runs on a recovered
 * connection (its credential may have been revoked meanwhile) and the client joins the room again.
 */
export function createSocketServer(http: HttpServer, redis?: Redis): HearthServer {
  const options = { path: '/socket.io', serveClient: false, maxHttpBufferSize: 64 * 1024 };
  if (!redis) return new Server(http, options);
  return new Server(http, {
    ...options,
    adapter: createAdapter(redis, { streamName: 'hearth:socket.io', sessionKeyPrefix: 'hearth:sio-session:' }),
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });
}

/** Accepts connections through the handshake, registers the handlers, and closes with the app. */
export function attachRealtime(app: FastifyInstance, io: HearthServer, wiring: RealtimeWiring): void {
  const log = app.log.child({ module: 'realtime' });
  io.engine.on('hearth:error', (err: unknown) => log.error({ err }, 'handshake failed'));
  io.use(handshake(wiring.identify));
  io.on('connection', (socket) => {
    void socket.join([participantChannel(socket.data.identity.participantId), connectionsChannel(socket.data.identity.sessionId)]);
    for (const register of wiring.handlers) register(socket);
    socket.onAny((event: string, ...args: unknown[]) => {
      // Own keys only: `in` also finds `toString`, `constructor`, `__proto__`, which would go unanswered (PV2).
      if (Object.hasOwn(ClientCommands, event)) return;
      ackOf(args)?.(fail('invalid_payload', `Unknown event "${event.slice(0, 40)}".`));
    });
  });
  app.addHook('preClose', async () => {
    await wiring.beforeDrain();
    // [RS1] Clients reconnect by themselves; `disconnectSockets(true)` would end the room for everyone.
    await drainConnections(io);
    wiring.afterDrain();
    await io.close();
  });
}

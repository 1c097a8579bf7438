import type { HearthServer } from './socket-types.js';

/**
 * [RS1] A graceful stop (a deploy, SIGTERM) must look to people like a short pause, not an ended room.
 * socket.io clients treat a server-side `disconnect()` ("io server disconnect") as final and never
 * reconnect; a closed transport ("transport close") they retry by themselves. So every connection is
 * told `server:restarting` and then closed at the transport, once what was written to it is flushed.
 * No new handshakes are accepted meanwhile: a client retrying early keeps retrying until the next
 * process listens, instead of joining a room that is about to disappear.
 */
export async function drainConnections(io: HearthServer, flushMs = 1000): Promise<void> {
  io.engine.opts.allowRequest = (_request, callback) => callback('restarting', false);
  // Local: with several nodes, io.emit would reach every node's clients.
  io.local.emit('server:restarting', { message: 'The server is restarting. You will be reconnected in a moment.' });
  const closed = [...io.sockets.sockets.values()].map((socket) => new Promise<void>((resolve) => {
    if (socket.conn.readyState === 'closed') return resolve();
    socket.conn.once('close', () => resolve());
    // Not discarding: the engine waits for its write buffer (the notice above) to drain before closing.
    socket.conn.close();
  }));
  // Bounded, so a stuck connection never holds the process past its deploy window.
  await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, flushMs).unref())]);
}

/**
 * [ND3] Several nodes: a SIGTERM moves this node's people to the others. New handshakes are refused
 * (403, which the load balancer treats as "try the next node"), every connection is told `server:moving`
 * and closed at the transport once that is flushed; socket.io clients reconnect by themselves, through the
 * same address, to another node (connection-state recovery hands them what they missed) and join again.
 * Resolves when no socket is left on this node, or after `drainMs`.
 */
export async function moveConnections(io: HearthServer, drainMs: number): Promise<void> {
  io.engine.opts.allowRequest = (_request, callback) => callback('draining', false);
  io.local.emit('server:moving', { message: 'Moving you to another server. You will be reconnected in a moment.' });
  const deadline = Date.now() + drainMs;
  // The notice first: a short pause lets it leave before the transport closes.
  await new Promise((resolve) => setTimeout(resolve, Math.min(500, drainMs)).unref());
  for (const socket of io.sockets.sockets.values()) socket.conn.close();
  while (io.sockets.sockets.size > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100).unref());
  }
}

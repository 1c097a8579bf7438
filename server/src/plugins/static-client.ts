import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendError } from '../lib/index.js';

/**
 * Serves the built React client and answers every non-API GET with index.html so client-side routes
 * (/join/:token, /sessions/:id/join) survive a reload.
 */
export const staticClientPlugin = fp(async (app: FastifyInstance, opts: { clientDist: string }) => {
  const hasClient = existsSync(join(opts.clientDist, 'index.html'));
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: opts.clientDist,
      wildcard: false,
      // Hashed assets never change; index.html must always be revalidated.
      setHeaders: (res, path) => {
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (request.method !== 'GET' || path.startsWith('/api/') || path.startsWith('/socket.io') || path.startsWith('/assets/')) {
      return sendError(reply, 'not_found', `No route ${request.method} ${path}`);
    }
    if (!hasClient) {
      return reply.code(503).type('text/plain').send('The Hearth client has not been built yet. Run `npm start`, which builds it.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
});

import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendError } from '../lib/index.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * [AU7] A request that changes something with the sign-in cookie must come from Hearth's own pages. The
 * cookie is SameSite=Lax already; this is the second lock, for browsers or set-ups where that does not hold
 * (a sibling subdomain counts as "same site" to SameSite, not to this). Browsers send Origin on every such
 * request; a request without one is not a browser acting for someone (curl, a receiver, a test), so it is
 * left to the cookie and the route's own checks.
 */
export function crossOriginRefusal(request: Pick<FastifyRequest, 'method' | 'headers'>, publicUrl: string): boolean {
  if (!MUTATING.has(request.method) || !request.headers.cookie) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  if (origin === new URL(publicUrl).origin) return false;
  // Behind Vite's dev proxy, or reached by another name the operator serves: the page's host is this request's host.
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true; // "null" (a sandboxed frame, a file) or anything unreadable
  }
}

export const sameOriginPlugin = fp(async (app: FastifyInstance, opts: { publicUrl: string }) => {
  app.addHook('onRequest', async (request, reply) => {
    if (crossOriginRefusal(request, opts.publicUrl)) return sendError(reply, 'not_allowed', 'This request came from another site, so it was refused.');
  });
});

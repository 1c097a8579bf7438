import type { FastifyRequest } from 'fastify';
import { hashToken } from './secrets.js';

/**
 * [RL2] Budgets for the routes people reach with a link or a room credential, keyed by the address AND the
 * credential, not the address alone. Behind a reverse proxy that Hearth does not trust (TRUST_PROXY unset)
 * every person has the proxy's address, and an address-only budget would be one budget for the whole site:
 * one group arriving together would lock out every other group. Guessing is no way round it: links and
 * credentials are 256-bit random, so a budget per credential still stops hammering any one of them. The
 * credential is hashed so the limiter's memory holds no usable secret.
 */
export function joinLinkBudget(max: number) {
  return {
    rateLimit: {
      max,
      timeWindow: '1 minute',
      keyGenerator: (request: FastifyRequest) => `${request.ip}|${hashToken((request.params as { token?: string }).token ?? '')}`,
    },
  };
}

/** The same for routes whose credential is in the body: counted after the body is read and checked. */
export function roomCredentialBudget(max: number) {
  return {
    rateLimit: {
      max,
      timeWindow: '1 minute',
      hook: 'preHandler' as const,
      keyGenerator: (request: FastifyRequest) => `${request.ip}|${hashToken((request.body as { token?: string } | undefined)?.token ?? '')}`,
    },
  };
}

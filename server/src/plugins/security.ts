import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { sharedHttpRateLimitStore } from '../lib/index.js';

/**
 * In LiveKit mode the browser also talks to the SFU: its signalling WebSocket at LIVEKIT_URL and, when
 * that fails, livekit-client's HTTP check of the same host (/rtc/validate). Nothing else is allowed.
 */
function livekitOrigins(config: Config): string[] {
  if (!config.livekit) return [];
  const { host, protocol } = new URL(config.livekit.url);
  const secure = protocol === 'wss:' || protocol === 'https:';
  return [`${secure ? 'wss' : 'ws'}://${host}`, `${secure ? 'https' : 'http'}://${host}`];
}

/**
 * Security headers and rate limiting. The CSP allows only our own origin (and in LiveKit mode the SFU's):
 * no inline scripts, no eval, no third-party hosts. Camera and microphone are allowed for our origin only.
 */
export const securityPlugin = fp(async (app: FastifyInstance, opts: { config: Config; /** [ND2] Several nodes: budgets counted in Redis. */ redis?: Redis | undefined }) => {
  const https = opts.config.publicUrl.startsWith('https://');
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:', 'mediastream:'],
        connectSrc: ["'self'", ...livekitOrigins(opts.config)],
        // [LE2] livekit-client's E2EE worker, bundled by Vite as a file of our own (no blob: needed).
        workerSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only makes sense when we are actually served over HTTPS.
    strictTransportSecurity: https,
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('permissions-policy', 'camera=(self), microphone=(self), display-capture=(), geolocation=()');
  });
  // Not global: only the routes that guess at secrets (sign-in, setup, invite links) opt in.
  await app.register(rateLimit, { global: false, ...(opts.redis ? { store: sharedHttpRateLimitStore(opts.redis) } : {}) });
});

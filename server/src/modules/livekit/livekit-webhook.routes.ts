import type { FastifyInstance } from 'fastify';
import { WebhookReceiver } from 'livekit-server-sdk';
import { HttpRoutes } from '@hearth/shared';
import { fromTable } from '../../lib/index.js';
import { sendError } from '../../lib/index.js';
import type { LiveKitConfig } from '../../config.js';
import type { Services } from '../../services.js';
import { roomServiceClient } from './livekit-media-gateway.js';
import { LiveKitWebhooks } from './livekit-webhooks.js';

export const LIVEKIT_WEBHOOK_PATH = HttpRoutes.livekitWebhook.path;

/**
 * `POST /livekit/webhook`, registered only in LiveKit mode. The signature covers the exact bytes
 * LiveKit sent (a sha256 claim in the Authorization JWT), so the body is kept as the raw string:
 * re-serialising parsed JSON would break the check.
 */
export async function livekitWebhookRoutes(app: FastifyInstance, opts: { services: Services; livekit: LiveKitConfig }) {
  const webhooks = new LiveKitWebhooks(
    opts.services,
    new WebhookReceiver(opts.livekit.apiKey, opts.livekit.apiSecret),
    roomServiceClient(opts.livekit),
    app.log.child({ module: 'livekit-webhook' }),
  );
  // Scoped to this plugin: no other route accepts this content type.
  app.addContentTypeParser('application/webhook+json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.route({
    ...fromTable(HttpRoutes.livekitWebhook),
    handler: async (request, reply) => {
      if (typeof request.body !== 'string') return sendError(reply, 'invalid_payload', 'Send the event as application/webhook+json.');
      const outcome = await webhooks.receive(request.body, request.headers.authorization);
      if (outcome.kind === 'refused') {
        request.log.warn({ reason: outcome.reason }, 'webhook refused');
        return sendError(reply, 'unauthenticated', 'The webhook signature is not valid.');
      }
      return { ok: true as const, duplicate: outcome.kind === 'duplicate' };
    },
  });
}

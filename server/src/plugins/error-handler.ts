import type { FastifyError, FastifyInstance } from 'fastify';
import { RateLimitStoreUnavailable, sendError } from '../lib/index.js';

/**
 * Validation failures become `invalid_payload` naming the bad field; rate limits become `rate_limited`;
 * anything else is logged with context and answered as `internal_error` with no internals.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const first = error.validation[0];
      const field = first?.instancePath ? first.instancePath.slice(1).replaceAll('/', '.') : (error.validationContext ?? 'body');
      return sendError(reply, 'invalid_payload', `${field}: ${first?.message ?? 'is not valid'}`);
    }
    // [ND5] Redis could not count the attempt (several nodes, Redis away): refused, and said why.
    if (error instanceof RateLimitStoreUnavailable) {
      return sendError(reply, 'service_unavailable', 'Hearth cannot reach one of its services just now. Please try again shortly.');
    }
    if (error.statusCode === 429) return sendError(reply, 'rate_limited', 'Too many attempts. Please wait a minute and try again.');
    if (error.statusCode === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, 'invalid_payload', 'Send JSON with content-type application/json.');
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, 'invalid_payload', error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'The body must not be empty.' : 'The request is not valid.');
    }
    request.log.error({ err: error, route: request.routeOptions.url }, 'request failed');
    return sendError(reply, 'internal_error', 'Something went wrong on our side. Please try again.');
  });
}

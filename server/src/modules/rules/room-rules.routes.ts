import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HttpRoutes } from '@hearth/shared';
import { fromTable } from '../../lib/index.js';
import { roomCredentialBudget } from '../../lib/index.js';
import { sendError } from '../../lib/index.js';
import type { Services } from '../../services.js';
import { standingRefusal } from '../participants/index.js';
import { canConsentTo } from './consent.js';
import { roomRules } from './consent-gate.js';

/**
 * The pre-join consent gate's routes, for a participant credential holder (member or facilitator). The
 * credential is in the body, so it never appears in a URL or a log line. Rate limited like the join routes.
 */
export async function roomRulesRoutes(app: FastifyInstance, opts: { services: Services }) {
  const services = opts.services;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const config = roomCredentialBudget(services.config.authRateLimitPerMinute * 3);

  async function participantFor(token: string) {
    const record = await services.participants.findByToken(token);
    // [AU6] The same standing as the socket's: removed, banned, ended and withdrawn links are all refused.
    const error = await standingRefusal(services, record);
    if (error || !record) return { error: error ?? { code: 'unauthenticated' as const, message: 'This room credential is not valid.' } };
    return { record };
  }

  r.route({ ...fromTable(HttpRoutes.roomRules), config, handler: async (request, reply) => {
    const found = await participantFor(request.body.token);
    if (found.error) return sendError(reply, found.error.code, found.error.message);
    const rules = await roomRules(services, { participantId: found.record.id, sessionId: found.record.sessionId, role: found.record.role });
    if (!rules) return sendError(reply, 'session_ended', 'This session has ended.');
    return {
      ruleSet: rules.ruleSet,
      consentRequired: rules.consentRequired,
      consentedVersion: rules.consentedVersion,
      changes: rules.changes,
      observationAllowed: found.record.observationAllowed,
    };
  } });

  r.route({ ...fromTable(HttpRoutes.roomConsent), config, handler: async (request, reply) => {
    const found = await participantFor(request.body.token);
    if (found.error) return sendError(reply, found.error.code, found.error.message);
    const { record } = found;
    const rules = await roomRules(services, { participantId: record.id, sessionId: record.sessionId, role: record.role });
    if (!rules) return sendError(reply, 'session_ended', 'This session has ended.');
    // [GR4] Agreeing to a page that has since changed does not count: read the new version first.
    if (!canConsentTo(rules.ruleSet?.version ?? null, request.body.version)) {
      return sendError(reply, 'conflict', 'The ground rules have just changed. Please read them again.');
    }
    const now = services.now();
    await services.rules.recordConsent({ participantId: record.id, inviteId: record.inviteId, groupId: rules.groupId, version: request.body.version }, now);
    return { version: request.body.version, consentedAt: now };
  } });
}

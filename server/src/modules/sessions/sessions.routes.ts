import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HttpRoutes } from '@hearth/shared';
import { fromTable } from '../../lib/index.js';
import { sendError } from '../../lib/index.js';
import { requireAccount, signedInAccount } from '../../plugins/index.js';
import type { Services } from '../../services.js';
import { facilitatedSession } from '../groups/index.js';
import { publicInvite } from '../invites/index.js';
import { observationOff } from '../participants/index.js';

const DEFAULT_INVITE_MINUTES = 24 * 60;

/** Facilitator-only routes on one session: end it, enter it, and manage its invite links. */
export async function sessionsRoutes(app: FastifyInstance, opts: { services: Services }) {
  const services = opts.services;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.addHook('onRequest', requireAccount);

  r.route({ ...fromTable(HttpRoutes.endSession), handler: async (request, reply) => {
    const owned = await facilitatedSession(services, signedInAccount(request), request.params.sessionId);
    if (!owned) return sendError(reply, 'not_found', 'No such session.');
    const ended = await services.sessions.end(owned.session.id, services.now());
    await services.roomControl.endSession(owned.session.id);
    // [TT9] Raw speaking intervals go now; the talk-time totals stay for the summary.
    await services.talkTime.finishSession(owned.session.id);
    return ended ?? owned.session;
  } });

  r.route({
    ...fromTable(HttpRoutes.enterSession),
    handler: async (request, reply) => {
      const account = signedInAccount(request);
      const owned = await facilitatedSession(services, account, request.params.sessionId);
      if (!owned) return sendError(reply, 'not_found', 'No such session.');
      if (owned.session.status === 'ended') return sendError(reply, 'session_ended', 'This session has ended.');
      const displayName = request.body.displayName ?? account.displayName;
      const credential =
        (await services.participants.rotateForAccount(owned.session.id, account.id, displayName)) ??
        (await services.participants.create(
          // [CF4] A co-facilitator runs the session with a co-facilitator's powers: the host stays the one the
          // room cannot put out, and the one who puts out other staff [MD4] [MD17].
          { sessionId: owned.session.id, role: owned.group.yourRole === 'host' ? 'facilitator' : 'co_facilitator', displayName, organisation: owned.group.organisation, inviteId: null, accountId: account.id },
          services.now(),
        ));
      return { token: credential.token, sessionId: owned.session.id, participantId: credential.id };
    },
  });

  // [DS8] The session's support requests with their timelines: the group's own facilitator only.
  r.route({ ...fromTable(HttpRoutes.sessionCases), handler: async (request, reply) => {
    const owned = await facilitatedSession(services, signedInAccount(request), request.params.sessionId);
    if (!owned) return sendError(reply, 'not_found', 'No such session.');
    return services.distress.listAll(owned.session.id);
  } });

  r.route({ ...fromTable(HttpRoutes.sessionInvites), handler: async (request, reply) => {
    const owned = await facilitatedSession(services, signedInAccount(request), request.params.sessionId);
    if (!owned) return sendError(reply, 'not_found', 'No such session.');
    return (await services.invites.listForSession(owned.session.id, services.now())).map(publicInvite);
  } });

  r.route({
    ...fromTable(HttpRoutes.createInvite),
    handler: async (request, reply) => {
      const owned = await facilitatedSession(services, signedInAccount(request), request.params.sessionId);
      if (!owned) return sendError(reply, 'not_found', 'No such session.');
      if (owned.session.status === 'ended') return sendError(reply, 'session_ended', 'This session has ended; start a new one to invite people.');
      const now = services.now();
      const { role, label, maxUses = 1, expiresInMinutes = DEFAULT_INVITE_MINUTES } = request.body;
      if (role === 'supervisor' && !owned.group.observationAllowed) {
        return sendError(reply, observationOff.code, 'This group has turned observation off. Turn it on in the group’s settings to invite a supervisor.');
      }
      const invite = await services.invites.create(owned.session.id, { role, label, maxUses, expiresAt: now + expiresInMinutes * 60_000 }, now);
      return reply.code(201).send(publicInvite(invite));
    },
  });

  r.route({
    ...fromTable(HttpRoutes.revokeInvite),
    handler: async (request, reply) => {
      const now = services.now();
      const invite = await services.invites.find(request.params.inviteId, now);
      const owned = invite && (await facilitatedSession(services, signedInAccount(request), invite.sessionId));
      if (!invite || !owned) return sendError(reply, 'not_found', 'No such invite.');
      await services.invites.revoke(invite.id, now);
      const revoked = await services.invites.find(invite.id, now);
      return publicInvite(revoked ?? invite);
    },
  });
}

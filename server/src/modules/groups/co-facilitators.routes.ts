import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HttpRoutes } from '@hearth/shared';
import { fromTable, sendError } from '../../lib/index.js';
import { MediaGatewayError } from '../rooms/index.js';
import { requireAccount, signedInAccount } from '../../plugins/index.js';
import type { Services } from '../../services.js';
import { facilitatedGroup, hostedGroup, notFoundGroup } from './groups.policy.js';

const REMOVED_MESSAGE = "The group's host removed you as a co-facilitator, so your place in this session has ended.";

/**
 * [CF3] [CF5] A group's facilitators: its facilitators see who they are; only the host adds an existing account
 * (by email) or removes a co-facilitator. Removing takes effect at once: the row goes, so their next request is
 * `not_found`, and every place they hold in the group's live sessions is ended and its connections closed.
 */
export async function coFacilitatorsRoutes(app: FastifyInstance, opts: { services: Services }) {
  const services = opts.services;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.addHook('onRequest', requireAccount);

  r.route({
    ...fromTable(HttpRoutes.groupFacilitators),
    handler: async (request, reply) => {
      const group = await facilitatedGroup(services, signedInAccount(request), request.params.groupId);
      if (!group) return sendError(reply, notFoundGroup.code, notFoundGroup.message);
      return services.coFacilitators.list(group.id);
    },
  });

  r.route({
    ...fromTable(HttpRoutes.addCoFacilitator),
    handler: async (request, reply) => {
      const account = signedInAccount(request);
      const hosted = await hostedGroup(services, account, request.params.groupId);
      if (!hosted.ok) return sendError(reply, hosted.error.code, hosted.error.message);
      const added = await services.accounts.findByEmail(request.body.email);
      if (!added) return sendError(reply, 'not_found', 'No account has that email. Invite them as a facilitator first; once they have accepted, add them here.');
      if (added.disabledAt !== null) return sendError(reply, 'account_disabled', 'That account has been disabled, so it cannot co-facilitate.');
      if (added.id === account.id) return sendError(reply, 'conflict', 'You host this group already.');
      if (!(await services.coFacilitators.add(hosted.group.id, added.id, account.id, services.now()))) {
        return sendError(reply, 'conflict', 'They co-facilitate this group already.');
      }
      // Added back after a removal: they may enter the group's running sessions again [CF5].
      await services.participants.restoreAccountInGroup(hosted.group.id, added.id);
      return reply.code(201).send({ accountId: added.id, displayName: added.displayName, email: added.email, role: 'co_facilitator' });
    },
  });

  r.route({
    ...fromTable(HttpRoutes.removeCoFacilitator),
    handler: async (request, reply) => {
      const hosted = await hostedGroup(services, signedInAccount(request), request.params.groupId);
      if (!hosted.ok) return sendError(reply, hosted.error.code, hosted.error.message);
      const { accountId } = request.params;
      if (!(await services.coFacilitators.remove(hosted.group.id, accountId))) return sendError(reply, 'not_found', 'They are not a co-facilitator of this group.');
      // Persisted first: from here their credentials are refused (`removed`) on every path [AU6].
      const places = await services.participants.liveOfAccountInGroup(hosted.group.id, accountId);
      const now = services.now();
      for (const place of places) await services.participants.markRemoved(place.id, now);
      try {
        for (const place of places) await services.roomControl.dismiss(place.sessionId, place.id, REMOVED_MESSAGE);
      } catch (err) {
        if (!(err instanceof MediaGatewayError)) throw err;
        return sendError(reply, 'media_unavailable', 'They are no longer a co-facilitator and their credential no longer works, but LiveKit did not confirm they left the media room: end the session if they are still there.');
      }
      return reply.code(204).send(null);
    },
  });
}

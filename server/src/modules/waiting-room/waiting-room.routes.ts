import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HttpRoutes } from '@hearth/shared';
import { fromTable } from '../../lib/index.js';
import { sendError } from '../../lib/index.js';
import { requireAccount, signedInAccount } from '../../plugins/index.js';
import type { Services } from '../../services.js';
import { facilitatedGroup, hostedGroup } from '../groups/index.js';

/** The group's waiting-room welcome text, read and set by the facilitator who owns the group. */
export async function waitingRoomRoutes(app: FastifyInstance, opts: { services: Services }) {
  const services = opts.services;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.addHook('onRequest', requireAccount);

  r.route({
    ...fromTable(HttpRoutes.groupWelcome),
    handler: async (request, reply) => {
      const group = await facilitatedGroup(services, signedInAccount(request), request.params.groupId);
      if (!group) return sendError(reply, 'not_found', 'No such group.');
      return { welcomeText: await services.moderation.welcomeText(group.id) };
    },
  });

  r.route({
    ...fromTable(HttpRoutes.saveGroupWelcome),
    handler: async (request, reply) => {
      const hosted = await hostedGroup(services, signedInAccount(request), request.params.groupId);
      if (!hosted.ok) return sendError(reply, hosted.error.code, hosted.error.message);
      const group = hosted.group;
      await services.moderation.saveWelcomeText(group.id, request.body.welcomeText, services.now());
      return { welcomeText: await services.moderation.welcomeText(group.id) };
    },
  });
}
